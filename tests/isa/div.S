/* M extension divides: div divu rem remu (divw divuw remw remuw on RV64).
 * Truncation toward zero, division by zero (quotient all ones, remainder
 * the dividend), signed overflow XMIN / -1 (quotient XMIN, remainder 0). */
#include "common.h"

/* a0 = op(a1, a2); also rd aliasing rs2, and x0 as rd. */
.macro RR n, op, exp, a, b
  CASE \n
  li a1, \a
  li a2, \b
  \op a0, a1, a2
  CHECK a0, \exp
  CHECK a1, \a
  \op a2, a1, a2
  CHECK a2, \exp
  \op x0, a1, a2
  CHECK x0, 0
.endm

  .text
  .globl test_main
test_main:
  RR 1, div, 3, 20, 6
  RR 2, div, -3, -20, 6
  RR 3, div, -3, 20, -6
  RR 4, div, 3, -20, -6
  RR 5, div, XMIN, XMIN, -1           /* overflow */
  RR 6, div, XMIN, XMIN, 1
  RR 7, div, -1, 7, 0                 /* by zero */
  RR 8, div, -1, -7, 0
  RR 9, div, -1, 0, 0
  RR 10, div, XL(0xc0000000, 0xc000000000000000), XMIN, 2

  RR 20, rem, 2, 20, 6
  RR 21, rem, -2, -20, 6
  RR 22, rem, 2, 20, -6
  RR 23, rem, -2, -20, -6
  RR 24, rem, 0, XMIN, -1             /* overflow */
  RR 25, rem, 7, 7, 0                 /* by zero */
  RR 26, rem, -7, -7, 0
  RR 27, rem, -2, XMIN, 3

  RR 40, divu, 3, 20, 6
  RR 41, divu, XMAX, -1, 2
  RR 42, divu, XL(0x2aaaaaa7, 0x2aaaaaaaaaaaaaa7), -20, 6
  RR 43, divu, -1, 7, 0               /* by zero */
  RR 44, divu, 0, XMIN, -1
  RR 45, divu, 1, -1, -1

  RR 60, remu, 2, 20, 6
  RR 61, remu, 1, -1, 2
  RR 62, remu, 2, -20, 6
  RR 63, remu, 7, 7, 0                /* by zero */
  RR 64, remu, -7, -7, 0
  RR 65, remu, XMIN, XMIN, -1

#if __riscv_xlen == 64
  /* W forms: 32-bit operands, sign-extended 32-bit results */
  RR 80, divw, -0x80000000, 0x80000000, -1   /* overflow */
  RR 81, divw, -1, 7, 0
  RR 82, divw, 3, 0x100000014, 6
  RR 83, divw, -3, -20, 6
  RR 84, divw, -1, 0xffffffff, 1

  RR 90, divuw, -1, 0xffffffff, 0
  RR 91, divuw, -0x80000000, 0x80000000, 1
  RR 92, divuw, 0x7fffffff, 0xffffffff, 2
  RR 93, divuw, 0x2aaaaaa7, -20, 6
  RR 94, divuw, -1, 0x100000005, 0x100000000  /* divisor's low word is 0 */

  RR 100, remw, 0, 0x80000000, -1
  RR 101, remw, -2, -20, 6
  RR 102, remw, 7, 7, 0
  RR 103, remw, -0x7ffffff9, 0xffffffff80000007, 0
  RR 104, remw, 2, 0x100000014, 6

  RR 110, remuw, -0x7ffffff9, 0x80000007, 0
  RR 111, remuw, 2, -20, 6
  RR 112, remuw, 2, 0x100000014, 0x100000006
  RR 113, remuw, 15, 0xffffffff, 0x10
#endif
  PASS
