/* RV32I/RV64I immediate ALU: addi slti sltiu xori ori andi slli srli srai,
 * and lui/auipc. 12-bit immediates are sign-extended (also for sltiu and
 * the logical ops); lui/auipc results are sign-extended on RV64. */
#include "common.h"

/* a0 = op(a1, imm); the source must survive. */
.macro RI n, op, exp, a, imm
  CASE \n
  li a1, \a
  \op a0, a1, \imm
  CHECK a0, \exp
  CHECK a1, \a
.endm

/* rd = rs1 in a high register; x0 as rd stays 0; x0 as rs1 reads 0. */
.macro RI_MISC n, op, exp, a, imm, exp_x0
  CASE \n
  li t6, \a
  \op t6, t6, \imm
  CHECK t6, \exp
  \op x0, t6, \imm
  CHECK x0, 0
  \op s3, x0, \imm
  CHECK s3, \exp_x0
.endm

/* a0 = lui imm. */
.macro T_LUI n, exp, imm
  CASE \n
  lui a0, \imm
  CHECK a0, \exp
  lui t6, \imm
  CHECK t6, \exp
.endm

/* auipc's result minus its own address (taken from jal's link). */
.macro T_AUIPC n, exp, imm
  CASE \n
  jal ra, .Lhere\@
.Lhere\@:
  auipc a0, \imm
  sub a0, a0, ra
  CHECK a0, \exp
.endm

  .text
  .globl test_main
test_main:
  RI 1, addi, 0, 0, 0
  RI 2, addi, 2, 1, 1
  RI 3, addi, 10, 3, 7
  RI 4, addi, 0, -1, 1
  RI 5, addi, -2048, 0, -2048
  RI 6, addi, 2047, 0, 2047
  RI 7, addi, XMIN, XMAX, 1
  RI 8, addi, XMAX, XMIN, -1
  RI 9, addi, 0x80000000, 0x7fffffff, 1
  RI 10, addi, -1, 2047, -2048
  RI_MISC 11, addi, 0x1233, 0x1234, -1, -1

  RI 20, slti, 1, -1, 1
  RI 21, slti, 0, 1, -1
  RI 22, slti, 0, 0, 0
  RI 23, slti, 1, XMIN, -2048
  RI 24, slti, 1, -2049, -2048
  RI 25, slti, 0, -2048, -2048
  RI 26, slti, 0, 2047, 2047
  RI 27, slti, 1, 2046, 2047
  RI 28, slti, 0, XMAX, -1
  RI_MISC 29, slti, 1, -3, -2, 0

  RI 40, sltiu, 1, 0, -1
  RI 41, sltiu, 1, -2, -1
  RI 42, sltiu, 0, -1, -1
  RI 43, sltiu, 1, 1, 2047
  RI 44, sltiu, 0, 2048, 2047
  RI 45, sltiu, 1, XMAX, -2048
  RI 46, sltiu, 1, 0, 1
  RI 47, sltiu, 0, 5, 1
  RI 48, sltiu, 0, -1, 0
  RI_MISC 49, sltiu, 0, -1, 5, 1

  RI 60, xori, 0xff00fff0, 0xff00ff00, 0x0f0
  RI 61, xori, ~0x1234, 0x1234, -1
  RI 62, xori, -0x800 ^ 0x1234, 0x1234, -0x800
  RI 63, xori, 0, 0x7ff, 0x7ff
  RI_MISC 64, xori, 0x3, 0x5, 0x6, 0x6

  RI 80, ori, 0xff00fff0, 0xff00ff00, 0x0f0
  RI 81, ori, -1, 0, -1
  RI 82, ori, -2048, 0x1000, -2048
  RI 83, ori, 0, 0, 0
  RI_MISC 84, ori, 0x7, 0x5, 0x6, 0x6

  RI 100, andi, 0x0f, 0xff00ff0f, 0x0ff
  RI 101, andi, -2048, -1, -2048
  RI 102, andi, 0x12345, 0x12345, -1
  RI 103, andi, 0x234, 0x1234, 0x7ff
  RI 104, andi, XMIN, XMIN, -2048
  RI_MISC 105, andi, 0x4, 0x5, 0x6, 0

  RI 120, slli, 1, 1, 0
  RI 121, slli, 2, 1, 1
  RI 122, slli, 0x80000000, 1, 31
  RI 123, slli, XMIN, 1, __riscv_xlen - 1
  RI 124, slli, -16, -1, 4
  RI 125, slli, XL(0, 0x100000000), 0x80000000, 1
  RI_MISC 126, slli, 0x2468, 0x1234, 1, 0

  RI 140, srli, -1, -1, 0
  RI 141, srli, XMAX, -1, 1
  RI 142, srli, 1, XMIN, __riscv_xlen - 1
  RI 143, srli, 1, 0x80, 7
  RI 144, srli, XL(1, 0x100000000), XMIN, 31
  RI 145, srli, XL(1, 0x1ffffffff), -1, 31
  RI_MISC 146, srli, 0x91a, 0x1234, 1, 0

  RI 160, srai, 7, 7, 0
  RI 161, srai, XL(0xc0000000, 0xc000000000000000), XMIN, 1
  RI 162, srai, -1, XMIN, __riscv_xlen - 1
  RI 163, srai, 0, XMAX, __riscv_xlen - 1
  RI 164, srai, -4, -16, 2
  RI 165, srai, XL(-1, -0x100000000), XMIN, 31
  RI 166, srai, 0x3fffffff, 0x7fffffff, 1
  RI_MISC 167, srai, -0x91a, -0x1234, 1, 0

  T_LUI 180, 0, 0
  T_LUI 181, 0x1000, 1
  T_LUI 182, 0x7ffff000, 0x7ffff
  T_LUI 183, -0x80000000, 0x80000       /* sign-extended on RV64 */
  T_LUI 184, -4096, 0xfffff
  T_LUI 185, 0x12345000, 0x12345
  CASE 186
  lui x0, 0x12345
  CHECK x0, 0

  T_AUIPC 200, 0, 0
  T_AUIPC 201, 0x1000, 1
  T_AUIPC 202, -4096, 0xfffff
  T_AUIPC 203, 0x7ffff000, 0x7ffff
  T_AUIPC 204, -0x80000000, 0x80000     /* sign-extended on RV64 */
  CASE 205
  auipc x0, 1
  CHECK x0, 0
  PASS
