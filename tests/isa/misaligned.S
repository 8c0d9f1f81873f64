/* Misaligned data accesses. Plain loads/stores may either be performed
 * (QEMU 7.2 does) or trap (load: cause 4 or 5, store: 6 or 7) with mtval =
 * the address; a NOTE line records which, so qemu.sh can compare rvscope
 * with QEMU. Accesses straddling a page boundary too. AMOs and LR must trap
 * (no Zam): AMO cause 6/7 (QEMU 7.2 deviates: 4), LR cause 4/5. An SC may
 * trap (6/7) or fail; it must not store. */
#include "common.h"

/* On the trap path: s8 must be c1 or c2, mepc the insn, mtval the address. */
.macro TRAPPED c1, c2, insn_label, addr_reg, off
  la a2, \insn_label
  CHECKR s9, a2
  addi a2, \addr_reg, \off
  CHECKR s10, a2
  li a2, \c1
  beq s8, a2, .Lok\@
  CHECK s8, \c2
.Lok\@:
.endm

/* op a0, off(buf): either a0 == exp or a misaligned/access trap. */
.macro MISLOAD n, buf, op, off, exp
  CASE \n
  la a1, \buf
  la tp, .Ltrap\@
.Linsn\@:
  \op a0, \off(a1)
  li tp, 0
  CHECK a0, \exp
  NOTE "\op \buf+\off done"
  j .Ldone\@
.Ltrap\@:
  TRAPPED CAUSE_MISALIGNED_LOAD, CAUSE_LOAD_ACCESS, .Linsn\@, a1, \off
  NOTE "\op \buf+\off trap"
.Ldone\@:
.endm

/* Zero 16 bytes at buf, op val, off(buf); if done, the aligned words at
 * buf and buf+4 and buf+8 must read w0, w1, w2. */
.macro MISSTORE n, buf, op, off, val, w0, w1, w2
  CASE \n
  la a1, \buf
  sw x0, 0(a1)
  sw x0, 4(a1)
  sw x0, 8(a1)
  sw x0, 12(a1)
  li a3, \val
  la tp, .Ltrap\@
.Linsn\@:
  \op a3, \off(a1)
  li tp, 0
  lw a0, 0(a1)
  CHECK a0, \w0
  lw a0, 4(a1)
  CHECK a0, \w1
  lw a0, 8(a1)
  CHECK a0, \w2
  NOTE "\op \buf+\off done"
  j .Ldone\@
.Ltrap\@:
  TRAPPED CAUSE_MISALIGNED_STORE, CAUSE_STORE_ACCESS, .Linsn\@, a1, \off
  NOTE "\op \buf+\off trap"
.Ldone\@:
.endm

  .text
  .globl test_main
test_main:
  MISLOAD 1, mis, lh, 1, 0x2211
  MISLOAD 2, mis, lh, 7, -0x7789            /* 0x8877 */
  MISLOAD 3, mis, lhu, 7, 0x8877
  MISLOAD 4, mis, lw, 1, 0x44332211
  MISLOAD 5, mis, lw, 2, 0x55443322
  MISLOAD 6, mis, lw, 5, -0x778899ab        /* 0x88776655 */
  MISLOAD 7, edge, lw, -2, 0x22114433       /* across a page boundary */
#if __riscv_xlen == 64
  MISLOAD 8, mis, lwu, 6, 0x99887766
  MISLOAD 9, mis, ld, 3, 0xaa99887766554433
  MISLOAD 10, mis, ld, 4, 0xbbaa998877665544
  MISLOAD 11, edge, ld, -4, 0x4433221144332211
#endif

  MISSTORE 20, mis, sh, 1, 0x1122, 0x00112200, 0, 0
  MISSTORE 21, mis, sw, 1, 0x11223344, 0x22334400, 0x11, 0
  MISSTORE 22, mis, sw, 2, 0x11223344, 0x33440000, 0x1122, 0
  MISSTORE 23, mis, sw, 3, 0x11223344, 0x44000000, 0x112233, 0
  MISSTORE 24, edge - 8, sw, 6, 0x11223344, 0, 0x33440000, 0x1122
#if __riscv_xlen == 64
  MISSTORE 25, mis, sd, 4, 0x1122334455667788, 0, 0x55667788, 0x11223344
  MISSTORE 26, mis, sd, 1, 0x0102030405060708, 0x06070800, 0x02030405, 1
#endif

  /* AMO: must trap. QEMU 7.2 reports cause 4 instead of 6 or 7. */
  CASE 30
  la a1, mis + 2
  la tp, 2f
1:
  amoadd.w a0, a0, (a1)
  GOFAIL
2:
  la a2, 1b
  CHECKR s9, a2
  CHECKR s10, a1
  li a2, CAUSE_MISALIGNED_STORE
  beq s8, a2, 3f
  li a2, CAUSE_STORE_ACCESS
  beq s8, a2, 3f
  SKIP_IF_QEMU72 4f
  GOFAIL
4:
  CHECK s8, CAUSE_MISALIGNED_LOAD
3:

  CASE 31                     /* LR: must trap, load cause */
  la a1, mis + 2
  la tp, 2f
1:
  lr.w a0, (a1)
  GOFAIL
2:
  TRAPPED CAUSE_MISALIGNED_LOAD, CAUSE_LOAD_ACCESS, 1b, a1, 0

  CASE 32                     /* SC: trap or fail, never store */
  la a1, mis
  li a0, 0x12345678
  sw a0, 0(a1)
  sw a0, 4(a1)
  addi a1, a1, 2
  li a3, -1
  la tp, 2f
1:
  sc.w a0, a3, (a1)
  li tp, 0
  beqz a0, fail
  NOTE "sc.w mis+2 fails"
  j 3f
2:
  TRAPPED CAUSE_MISALIGNED_STORE, CAUSE_STORE_ACCESS, 1b, a1, 0
  NOTE "sc.w mis+2 trap"
3:
  la a1, mis
  lw a0, 0(a1)
  CHECK a0, 0x12345678
  lw a0, 4(a1)
  CHECK a0, 0x12345678
  PASS

  .data
  .align 3
mis:
  .byte 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77
  .byte 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff
  .align 12
  .space 4096 - 8
  .byte 0x55, 0x66, 0x77, 0x88, 0x11, 0x22, 0x33, 0x44
edge:                         /* starts a page */
  .byte 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88
  .space 8
