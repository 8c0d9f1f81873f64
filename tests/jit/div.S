/* M-extension edge cases run hot: each operation goes through a table of
 * (rs1, rs2, expected rd) rows 128 times (so it runs compiled), with rd
 * distinct from the sources, rd = rs1 and rd = rs2 (host division and
 * multiply instructions use fixed registers). Expected values from the
 * RISC-V M spec: x / 0 = -1 (all ones for divu), x % 0 = x, MIN / -1 = MIN,
 * MIN % -1 = 0, division truncates toward zero; mulh* give the upper XLEN
 * bits of the 2*XLEN-bit product (mulhsu: rs1 signed, rs2 unsigned); the
 * W forms (RV64) use the low 32 bits of the operands and sign-extend the
 * 32-bit result, even for divuw/remuw. Operands are loaded from memory, so
 * no compiler can fold them. A failure prints the operation and the row. */
#include "common.h"
#include "jit.h"
#include "print.h"

#define REPS 128

#if __riscv_xlen == 64
#define ROW(a, b, r) .dword a, b, r
#else
#define ROW(a, b, r) .word a, b, r
#endif
#define HI_Q XL(0x40000000, 0x4000000000000000)    /* 2^(XLEN-2) */

.macro OPTEST n, op, table
  CASE \n
  li s2, REPS
.Lrep\@:
  la s3, \table
  la s4, \table\()_end
.Lrow\@:
  LREG a0, 0(s3)
  LREG a1, XB(s3)
  LREG a2, 2*XB(s3)
  \op a3, a0, a1              /* rd distinct */
  bne a3, a2, .Lbad\@
  \op a0, a0, a1              /* rd = rs1 */
  bne a0, a2, .Lbad\@
  LREG a0, 0(s3)
  \op a1, a0, a1              /* rd = rs2 */
  bne a1, a2, .Lbad\@
  addi s3, s3, 3*XB
  bltu s3, s4, .Lrow\@
  addi s2, s2, -1
  bnez s2, .Lrep\@
  j .Lok\@
.Lbad\@:
  PUTS "jit/div: \op wrong in row "
  la t0, \table
  sub a0, s3, t0
  li t0, 3*XB
  divu a0, a0, t0
  PRINT_HEX
  PUTS "\n"
  GOFAIL
.Lok\@:
.endm

  .text
  .globl test_main
test_main:
  OPTEST 1, div, t_div
  OPTEST 2, divu, t_divu
  OPTEST 3, rem, t_rem
  OPTEST 4, remu, t_remu
  OPTEST 5, mul, t_mul
  OPTEST 6, mulh, t_mulh
  OPTEST 7, mulhsu, t_mulhsu
  OPTEST 8, mulhu, t_mulhu
#if __riscv_xlen == 64
  OPTEST 9, divw, t_divw
  OPTEST 10, divuw, t_divuw
  OPTEST 11, remw, t_remw
  OPTEST 12, remuw, t_remuw
  OPTEST 13, mulw, t_mulw
#endif
  PASS

  .section .rodata
  .align 3
t_div:
  ROW(7, 0, -1)
  ROW(-7, 0, -1)
  ROW(0, 0, -1)
  ROW(XMIN, -1, XMIN)         /* overflow: MIN */
  ROW(-7, 2, -3)
  ROW(7, -2, -3)
  ROW(XMIN, 1, XMIN)
  ROW(-1, -1, 1)
  ROW(XMAX, -1, XMIN + 1)
t_div_end:
t_divu:
  ROW(7, 0, -1)
  ROW(0, 0, -1)
  ROW(XMIN, -1, 0)
  ROW(-1, -1, 1)
  ROW(-7, 2, XL(0x7ffffffc, 0x7ffffffffffffffc))
  ROW(XMIN, 2, HI_Q)
t_divu_end:
t_rem:
  ROW(7, 0, 7)
  ROW(-7, 0, -7)
  ROW(XMIN, -1, 0)            /* overflow: 0 */
  ROW(-7, 2, -1)              /* sign of the dividend */
  ROW(7, -2, 1)
  ROW(XMIN, 0, XMIN)
  ROW(-1, -1, 0)
t_rem_end:
t_remu:
  ROW(7, 0, 7)
  ROW(-7, 0, -7)
  ROW(-7, 2, 1)
  ROW(XMIN, -1, XMIN)
  ROW(-1, 0x10, 0xf)
t_remu_end:
t_mul:
  ROW(-7, 5, -35)
  ROW(XMIN, -1, XMIN)
  ROW(-1, -1, 1)
  ROW(XMAX, 2, -2)
t_mul_end:
t_mulh:
  ROW(-1, -1, 0)              /* 1 */
  ROW(XMIN, XMIN, HI_Q)       /* 2^(2X-2) */
  ROW(XMIN, -1, 0)            /* 2^(X-1) */
  ROW(-2, 3, -1)              /* -6 */
  ROW(XMAX, XMAX, HI_Q - 1)   /* 2^(2X-2) - 2^X + 1 */
  ROW(-7, 5, -1)
  ROW(XMIN, XMAX, XL(0xc0000000, 0xc000000000000000))  /* -2^(2X-2) + 2^(X-1) */
t_mulh_end:
t_mulhsu:
  ROW(-1, -1, -1)             /* -(2^X - 1) */
  ROW(-2, -1, -2)             /* -2^(X+1) + 2 */
  ROW(1, -1, 0)               /* 2^X - 1 */
  ROW(XMIN, -1, XMIN)         /* -2^(2X-1) + 2^(X-1) */
  ROW(5, XMIN, 2)             /* 5 * 2^(X-1) */
  ROW(-5, XMIN, -3)           /* -5 * 2^(X-1) */
  ROW(-1, 1, -1)
t_mulhsu_end:
t_mulhu:
  ROW(-1, -1, -2)             /* 2^2X - 2^(X+1) + 1 */
  ROW(XMIN, 2, 1)
  ROW(-7, 5, 4)               /* 5 * 2^X - 35 */
  ROW(XMIN, XMIN, HI_Q)
t_mulhu_end:
#if __riscv_xlen == 64
t_divw:
  ROW(7, 0, -1)
  ROW(0x1234567880000000, 0xffffffff, 0xffffffff80000000)   /* MIN32 / -1 */
  ROW(0x00000005fffffff9, 0xffffffff00000002, -3)           /* -7 / 2 */
  ROW(0x100000007, 0x100000000, -1)                         /* 7 / 0 */
  ROW(0x80000000, 1, 0xffffffff80000000)
t_divw_end:
t_divuw:
  ROW(7, 0, -1)
  ROW(0x80000000, 0xffffffff, 0)
  ROW(0xfffffff9, 2, 0x7ffffffc)
  ROW(0x12345678fffffff0, 1, 0xfffffffffffffff0)            /* sign-extended */
  ROW(0xffffffff00000001, 0, -1)
t_divuw_end:
t_remw:
  ROW(7, 0, 7)
  ROW(0x00000001fffffff9, 0, -7)
  ROW(0x80000000, -1, 0)
  ROW(-7, 2, -1)
  ROW(0xffffffff00000007, 0, 7)
t_remw_end:
t_remuw:
  ROW(7, 0, 7)
  ROW(0xfffffff9, 0, 0xfffffffffffffff9)
  ROW(0x80000000, 0xffffffff, 0xffffffff80000000)
  ROW(0xfffffff9, 2, 1)
t_remuw_end:
t_mulw:
  ROW(0x123456787fffffff, 0xabcdef0000000002, -2)
  ROW(-7, 5, -35)
  ROW(0x10000, 0x10000, 0)
  ROW(0x80000000, -1, 0xffffffff80000000)
t_mulw_end:
#endif
