/* Zicsr: csrrw csrrs csrrc csrrwi csrrsi csrrci on mscratch (full width):
 * old value to rd, new value to the CSR, 5-bit immediates zero-extended,
 * rd == rs1. x0 rules: csrrs/csrrc with rs1 = x0 and csrrsi/csrrci with
 * uimm 0 do not write (so they may read a read-only CSR); csrrw/csrrwi with
 * rd = x0 still write (that they skip the read has no visible effect on
 * these CSRs, so it is not tested); any write to a read-only CSR is an illegal
 * instruction that leaves rd unchanged. */
#include "common.h"

/* mscratch = init; insn; rd == old and mscratch == new. */
.macro CSR n, init, old, new, insn:vararg
  CASE \n
  li a3, \init
  csrw mscratch, a3
  \insn
  CHECK a0, \old
  csrr a3, mscratch
  CHECK a3, \new
.endm

/* insn (a write to a read-only CSR) is illegal and a0 survives. */
.macro RO_WRITE n, insn:vararg
  CASE \n
  li a0, 0x55
  TRAP CAUSE_ILLEGAL, \insn
  CHECK a0, 0x55
.endm

  .text
  .globl test_main
test_main:
  li a1, 0x0ff0
  CSR 1, 0x1234, 0x1234, 0x0ff0, csrrw a0, mscratch, a1
  li a1, -1
  CSR 2, 0, 0, -1, csrrw a0, mscratch, a1
  li a1, 0x0ff0
  CSR 3, 0xf00f, 0xf00f, 0xffff, csrrs a0, mscratch, a1
  li a1, XMIN
  CSR 4, 1, 1, XMIN + 1, csrrs a0, mscratch, a1
  li a1, 0x0ff0
  CSR 5, 0xffff, 0xffff, 0xf00f, csrrc a0, mscratch, a1
  li a1, XMIN
  CSR 6, -1, -1, XMAX, csrrc a0, mscratch, a1

  CSR 10, 0x1234, 0x1234, 31, csrrwi a0, mscratch, 31
  CSR 11, 0x1234, 0x1234, 16, csrrwi a0, mscratch, 16   /* not -16 */
  CSR 12, -1, -1, 0, csrrwi a0, mscratch, 0
  CSR 13, 0x100, 0x100, 0x111, csrrsi a0, mscratch, 0x11
  CSR 14, XMIN, XMIN, XMIN + 16, csrrsi a0, mscratch, 16
  CSR 15, -1, -1, -32, csrrci a0, mscratch, 31
  CSR 16, 0x1f, 0x1f, 0xf, csrrci a0, mscratch, 16

  li a0, 0x77                 /* rd == rs1: a swap */
  CSR 20, 0x66, 0x66, 0x77, csrrw a0, mscratch, a0
  li a0, 0x0f
  CSR 21, 0xf0, 0xf0, 0xff, csrrs a0, mscratch, a0
  li a0, 0x0f
  CSR 22, 0xff, 0xff, 0xf0, csrrc a0, mscratch, a0

  /* rd = x0: the write still happens (and x0 stays 0) */
  li a1, 0x4321
  li a0, 0
  CSR 30, 0x1234, 0, 0x4321, csrrw x0, mscratch, a1
  li a1, 0x0f
  CSR 31, 0xf0, 0, 0xff, csrrs x0, mscratch, a1
  CSR 32, 0xff, 0, 0xef, csrrci x0, mscratch, 0x10
  CSR 33, 0xff, 0, 3, csrrwi x0, mscratch, 3
  CHECK x0, 0

  /* rs1 = x0 / uimm = 0: a plain read, even of read-only CSRs */
  CSR 40, 0x1234, 0x1234, 0x1234, csrrs a0, mscratch, x0
  CSR 41, 0x1234, 0x1234, 0x1234, csrrc a0, mscratch, x0
  CSR 42, 0x1234, 0x1234, 0x1234, csrrsi a0, mscratch, 0
  CSR 43, 0x1234, 0x1234, 0x1234, csrrci a0, mscratch, 0
  CASE 44
  li a0, 0x55
  csrrs a0, mhartid, x0
  CHECK a0, 0
  li a0, 0x55
  csrrc a0, mhartid, x0
  CHECK a0, 0
  li a0, 0x55
  csrrsi a0, mhartid, 0
  CHECK a0, 0
  csrrci a0, mvendorid, 0
  csrrs a0, cycle, x0
  csrrci a0, instret, 0

  /* writes to read-only CSRs (number bits [11:10] = 3) */
  li a1, 1
  RO_WRITE 50, csrrw x0, mhartid, a1
  RO_WRITE 51, csrrw a0, mhartid, x0
  RO_WRITE 52, csrrwi x0, mhartid, 0
  RO_WRITE 53, csrrs a0, mhartid, a1
  RO_WRITE 54, csrrc a0, mhartid, a1
  RO_WRITE 55, csrrsi a0, mvendorid, 1
  RO_WRITE 56, csrrci a0, marchid, 1
  RO_WRITE 57, csrrwi a0, mimpid, 1
  RO_WRITE 58, csrrw x0, cycle, a1
  RO_WRITE 59, csrrs a0, instret, a1
  /* rs1 != x0 holding 0 still counts as a write. QEMU 7.2 deviates: it
   * only checks the value, so there the instruction does not trap. */
  SKIP_IF_QEMU72 1f
  li a1, 0
  RO_WRITE 60, csrrs a0, mhartid, a1
  RO_WRITE 61, csrrc a0, mhartid, a1
1:
  PASS
