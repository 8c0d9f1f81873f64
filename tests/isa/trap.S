/* M-mode traps and mret: ecall (cause 11), ebreak and c.ebreak (cause 3;
 * mtval may be 0 or the pc: QEMU 7.2 writes 0, a NOTE line says which),
 * mepc = the trapping instruction, registers preserved, mstatus stacking
 * (MIE -> MPIE, MIE = 0, MPP = M) and mret unstacking (MIE = MPIE,
 * MPIE = 1, MPP = U, the least-privileged mode), mret to a 2-byte aligned
 * mepc, a second handler through mtvec. */
#include "common.h"

/* ebreak-style: mtval must be 0 or mepc; print which. */
.macro TVAL_ZERO_OR_PC name
  beqz s10, .Lzero\@
  CHECKR s10, s9
  NOTE "\name mtval=pc"
  j .Ldone\@
.Lzero\@:
  NOTE "\name mtval=0"
.Ldone\@:
.endm

  .text
  .globl test_main
test_main:
  CASE 1
  TRAP_TVAL CAUSE_ECALL_M, 0, ecall
  CASE 2
  TRAP CAUSE_BREAKPOINT, ebreak
  TVAL_ZERO_OR_PC ebreak
  CASE 3
  TRAP CAUSE_BREAKPOINT, RVC c.ebreak
  TVAL_ZERO_OR_PC c.ebreak

  CASE 4                      /* a trap preserves the registers */
  li a0, 0x1111
  li a7, 0x7777
  li t6, -1
  li s0, 0x5555
  TRAP CAUSE_ECALL_M, ecall
  CHECK a0, 0x1111
  CHECK a7, 0x7777
  CHECK t6, -1
  CHECK s0, 0x5555

  CASE 5                      /* stacking with MIE = 1 (mie = 0: no irqs) */
  csrsi mstatus, MSTATUS_MIE
  TRAP CAUSE_ECALL_M, ecall
  andi a0, s11, MSTATUS_MIE | MSTATUS_MPIE
  CHECK a0, MSTATUS_MPIE
  li a1, MSTATUS_MPP
  and a0, s11, a1
  CHECK a0, MSTATUS_MPP
  csrr a0, mstatus            /* the handler's mret restored MIE */
  andi a0, a0, MSTATUS_MIE
  CHECK a0, MSTATUS_MIE
  csrci mstatus, MSTATUS_MIE

  CASE 6                      /* stacking with MIE = 0 */
  TRAP CAUSE_ECALL_M, ecall
  andi a0, s11, MSTATUS_MIE | MSTATUS_MPIE
  CHECK a0, 0
  csrr a0, mstatus
  andi a0, a0, MSTATUS_MIE
  CHECK a0, 0

  CASE 7                      /* mret: MIE = MPIE = 1, MPIE = 1, MPP = U */
  li a0, MSTATUS_MPP | MSTATUS_MPIE
  csrs mstatus, a0
  csrci mstatus, MSTATUS_MIE
  la a0, 1f
  csrw mepc, a0
  mret
  GOFAIL
1:
  csrr a0, mstatus
  csrci mstatus, MSTATUS_MIE
  andi a1, a0, MSTATUS_MIE | MSTATUS_MPIE
  CHECK a1, MSTATUS_MIE | MSTATUS_MPIE
  li a1, MSTATUS_MPP
  and a1, a0, a1
  CHECK a1, 0

  CASE 8                      /* mret with MPIE = 0: MIE = 0, MPIE = 1 */
  li a0, MSTATUS_MPP
  csrs mstatus, a0
  li a0, MSTATUS_MPIE | MSTATUS_MIE
  csrc mstatus, a0
  la a0, 1f
  csrw mepc, a0
  mret
  GOFAIL
1:
  csrr a0, mstatus
  andi a1, a0, MSTATUS_MIE | MSTATUS_MPIE
  CHECK a1, MSTATUS_MPIE

  CASE 9                      /* mret to a 2-byte aligned address */
  li a0, MSTATUS_MPP
  csrs mstatus, a0
  la a0, at_2mod4
  csrw mepc, a0
  csrr a1, mepc
  CHECKR a0, a1               /* mepc[1] is writable with C */
  li a0, 0
  la ra, 1f
  mret
  GOFAIL
1:
  CHECK a0, 77

  CASE 10                     /* another handler via mtvec; mcause/mepc */
  la a0, handler2
  csrw mtvec, a0
  li a0, 0
1:
  ecall
  CHECK a0, 0x22
  la a1, 1b
  CHECKR a2, a1
  CHECK a3, CAUSE_ECALL_M
  la a0, trap_entry
  csrw mtvec, a0
  PASS

  ALIGN 4
handler2:                     /* a0 = 0x22, a2 = mepc, a3 = mcause */
  li a0, 0x22
  csrr a2, mepc
  csrr a3, mcause
  addi a1, a2, 4
  csrw mepc, a1
  mret

  ALIGN 4
  RVC c.nop
at_2mod4:
  li a0, 77
  jalr x0, 0(ra)
