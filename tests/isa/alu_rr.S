/* RV32I/RV64I register-register ALU: add sub sll slt sltu xor srl sra or and.
 * Values at the signed/unsigned edges, shifts by XLEN-1 and by amounts whose
 * upper bits must be ignored, every aliasing of rd/rs1/rs2, x0 as rd/rs. */
#include "common.h"

/* a0 = op(a1, a2); the sources must survive. */
.macro RR n, op, exp, a, b
  CASE \n
  li a1, \a
  li a2, \b
  \op a0, a1, a2
  CHECK a0, \exp
  CHECK a1, \a
  CHECK a2, \b
.endm

/* High register numbers (x29..x31) and rd aliasing each source. */
.macro RR_ALIAS n, op, exp, a, b
  CASE \n
  li t5, \a
  li t4, \b
  \op t6, t5, t4
  CHECK t6, \exp
  li t5, \a
  li t4, \b
  \op t5, t5, t4
  CHECK t5, \exp
  li t5, \a
  li t4, \b
  \op t4, t5, t4
  CHECK t4, \exp
.endm

/* rd = rs1 = rs2. */
.macro RR_SAME n, op, exp, a
  CASE \n
  li s2, \a
  \op s2, s2, s2
  CHECK s2, \exp
.endm

/* x0 as destination stays 0; x0 as either source reads 0. */
.macro RR_X0 n, op, a, exp_x0_a, exp_a_x0
  CASE \n
  li a1, \a
  \op x0, a1, a1
  CHECK x0, 0
  \op a0, x0, a1
  CHECK a0, \exp_x0_a
  \op a0, a1, x0
  CHECK a0, \exp_a_x0
.endm

  .text
  .globl test_main
test_main:
  RR 1, add, 0, 0, 0
  RR 2, add, 2, 1, 1
  RR 3, add, 10, 3, 7
  RR 4, add, 0, -1, 1
  RR 5, add, -2, -1, -1
  RR 6, add, 0x80000000, 0x7fffffff, 1
  RR 7, add, XMIN, XMAX, 1
  RR 8, add, XMAX, XMIN, -1
  RR_ALIAS 9, add, 0x1233, 0x1234, -1
  RR_SAME 10, add, 0x2468, 0x1234
  RR_X0 11, add, 5, 5, 5

  RR 20, sub, 0, 0, 0
  RR 21, sub, -4, 3, 7
  RR 22, sub, -1, 0, 1
  RR 23, sub, XMAX, XMIN, 1
  RR 24, sub, XMIN, XMAX, -1
  RR 25, sub, 0, -1, -1
  RR_ALIAS 26, sub, 0x1235, 0x1234, -1
  RR_SAME 27, sub, 0, 0x1234
  RR_X0 28, sub, 5, -5, 5

  RR 40, sll, 1, 1, 0
  RR 41, sll, 2, 1, 1
  RR 42, sll, 0x80, 1, 7
  RR 43, sll, 0x80000000, 1, 31
  RR 44, sll, XMIN, 1, __riscv_xlen - 1
  RR 45, sll, -16, -1, 4
  RR 46, sll, 8, 1, __riscv_xlen + 3      /* only shamt[log2 XLEN-1:0] */
  RR 47, sll, XMIN, 1, -1
  RR_ALIAS 48, sll, 0x2468, 0x1234, 1
  RR_SAME 49, sll, 0x18, 3
  RR_X0 50, sll, 4, 0, 4

  RR 60, slt, 0, 0, 0
  RR 61, slt, 1, -1, 1
  RR 62, slt, 0, 1, -1
  RR 63, slt, 1, XMIN, XMAX
  RR 64, slt, 0, XMAX, XMIN
  RR 65, slt, 1, -2, -1
  RR 66, slt, 0, -1, -2
  RR_ALIAS 67, slt, 1, -5, 3
  RR_SAME 68, slt, 0, -1
  RR_X0 69, slt, -1, 0, 1

  RR 80, sltu, 0, 0, 0
  RR 81, sltu, 0, -1, 1
  RR 82, sltu, 1, 1, -1
  RR 83, sltu, 0, XMIN, XMAX
  RR 84, sltu, 1, XMAX, XMIN
  RR 85, sltu, 1, 0, 1
  RR 86, sltu, 1, -2, -1
  RR_ALIAS 87, sltu, 0, -5, 3
  RR_SAME 88, sltu, 0, 7
  RR_X0 89, sltu, 7, 1, 0

  RR 100, xor, 0x0ff00ff0, 0xff00ff00, 0xf0f0f0f0
  RR 101, xor, 0, -1, -1
  RR 102, xor, ~0x1234, 0x1234, -1
  RR_ALIAS 103, xor, 0x3, 0x5, 0x6
  RR_SAME 104, xor, 0, 0x1234
  RR_X0 105, xor, 9, 9, 9

  RR 120, srl, 1, 1, 0
  RR 121, srl, XMAX, -1, 1
  RR 122, srl, 1, XMIN, __riscv_xlen - 1
  RR 123, srl, 1, 0x80, 7
  RR 124, srl, XL(0x7fffffff, 0x7fffffffffffffff), -1, __riscv_xlen + 1
  RR 125, srl, XL(1, 0x100000000), XMIN, 31
  RR 126, srl, 1, -1, -1
  RR_ALIAS 127, srl, 0x91a, 0x1234, 1
  RR_SAME 128, srl, 0, 1
  RR_X0 129, srl, 3, 0, 3

  RR 140, sra, 1, 1, 0
  RR 141, sra, -1, -1, 1
  RR 142, sra, -1, XMIN, __riscv_xlen - 1
  RR 143, sra, 0, XMAX, __riscv_xlen - 1
  RR 144, sra, -4, -16, 2
  RR 145, sra, XL(0xc0000000, 0xc000000000000000), XMIN, 1
  RR 146, sra, -2, -16, __riscv_xlen + 3
  RR 147, sra, XL(-1, -0x100000000), XMIN, 31
  RR_ALIAS 148, sra, -0x91a, -0x1234, 1
  RR_SAME 149, sra, -1, -1
  RR_X0 150, sra, -8, 0, -8

  RR 160, or, 0xfff0fff0, 0xff00ff00, 0xf0f0f0f0
  RR 161, or, -1, 0, -1
  RR 162, or, 0, 0, 0
  RR_ALIAS 163, or, 0x7, 0x5, 0x6
  RR_SAME 164, or, 0x1234, 0x1234
  RR_X0 165, or, 9, 9, 9

  RR 180, and, 0xf000f000, 0xff00ff00, 0xf0f0f0f0
  RR 181, and, 0, 0, -1
  RR 182, and, XMIN, XMIN, -1
  RR_ALIAS 183, and, 0x4, 0x5, 0x6
  RR_SAME 184, and, 0x1234, 0x1234
  RR_X0 185, and, 9, 0, 0
  PASS
