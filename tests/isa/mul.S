/* M extension multiplies: mul mulh mulhsu mulhu (mulw on RV64). The high
 * halves at every sign combination, including XMIN * XMIN and -1 * -1. */
#include "common.h"

/* a0 = op(a1, a2); also rd aliasing rs1, and x0 as rd. */
.macro RR n, op, exp, a, b
  CASE \n
  li a1, \a
  li a2, \b
  \op a0, a1, a2
  CHECK a0, \exp
  CHECK a2, \b
  \op a1, a1, a2
  CHECK a1, \exp
  \op x0, a1, a2
  CHECK x0, 0
.endm

  .text
  .globl test_main
test_main:
  RR 1, mul, 21, 3, 7
  RR 2, mul, 1, -1, -1
  RR 3, mul, XMIN, XMIN, -1
  RR 4, mul, -2, XMAX, 2
  RR 5, mul, XL(0xe242d208, 0xb00ea4e242d208), 0x12345678, 0x9abcdef
  RR 6, mul, -15, -3, 5
  RR 7, mul, 0, 0, -1

  RR 20, mulh, 0, -1, -1
  RR 21, mulh, -1, -1, 1
  RR 22, mulh, XL(0x40000000, 0x4000000000000000), XMIN, XMIN
  RR 23, mulh, 0, XMIN, -1
  RR 24, mulh, XL(0x3fffffff, 0x3fffffffffffffff), XMAX, XMAX
  RR 25, mulh, 0, 2, 3
  RR 26, mulh, -1, XMIN, 1
  RR 27, mulh, -1, -2, XMAX

  RR 40, mulhu, -2, -1, -1
  RR 41, mulhu, 1, -1, 2
  RR 42, mulhu, XL(0x40000000, 0x4000000000000000), XMIN, XMIN
  RR 43, mulhu, XL(0x3fffffff, 0x3fffffffffffffff), XMAX, XMAX
  RR 44, mulhu, 0, 2, 3
  RR 45, mulhu, 1, XMIN, 2

  /* mulhsu: rs1 signed, rs2 unsigned */
  RR 60, mulhsu, -1, -1, -1
  RR 61, mulhsu, -1, -1, 1
  RR 62, mulhsu, 0, 1, -1
  RR 63, mulhsu, XMIN, XMIN, -1
  RR 64, mulhsu, XMAX - 1, XMAX, -1
  RR 65, mulhsu, -1, -2, XMIN
  RR 66, mulhsu, 0, 2, 3

#if __riscv_xlen == 64
  RR 80, mulh, 0x121fa00ad77d742, 0x123456789abcdef0, 0x0fedcba987654321
  RR 81, mulhu, 0x121fa00ad77d7422, 0x123456789abcdef0, 0xfedcba9876543210
  RR 82, mulhsu, 0xede05ff528828bdd, -0x123456789abcdef0, 0xfedcba9876543210

  /* mulw: low 32 bits of the product, sign-extended */
  RR 90, mulw, -2, 0x7fffffff, 2
  RR 91, mulw, 15, 0x100000003, 0x200000005
  RR 92, mulw, 1, -1, -1
  RR 93, mulw, -0x80000000, 0x10000, 0x8000
#endif
  PASS
