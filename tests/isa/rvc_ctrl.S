/* C extension control transfers: c.j c.jal (RV32 only) c.jr c.jalr c.beqz
 * c.bnez, plus c.nop. Links are pc + 2. Branches use x8 and x15, taken and
 * not taken, forward and backward; c.jalr ra uses the old ra as target. */
#include "common.h"

/* RVC c.beqz/c.bnez reg must jump (forward then backward). */
.macro CTAKEN n, insn, reg, val
  CASE \n
  li \reg, \val
  RVC \insn \reg, .Lfwd\@
  GOFAIL
.Lback\@:
  j .Ldone\@
.Lfwd\@:
  RVC \insn \reg, .Lback\@
  GOFAIL
.Ldone\@:
.endm

/* ... must fall through. */
.macro CNOTTAKEN n, insn, reg, val
  CASE \n
  li \reg, \val
  RVC \insn \reg, .Lbad\@
  j .Lok\@
.Lbad\@:
  GOFAIL
.Lok\@:
.endm

  .text
  .globl test_main
test_main:
  CASE 1                      /* c.j forward and backward */
  RVC c.j 2f
  GOFAIL
1:
  RVC c.j 3f
  GOFAIL
2:
  RVC c.j 1b
  GOFAIL
3:

  CASE 2                      /* c.jr to x31 and x8 */
  la t6, 1f
  RVC c.jr t6
  GOFAIL
1:
  la s0, 1f
  RVC c.jr s0
  GOFAIL
1:

  CASE 3                      /* c.jalr links pc + 2 */
  li a0, 0
  la t6, ret55
  RVC c.jalr t6
1:
  CHECK a0, 55
  la a1, 1b
  CHECKR ra, a1

  CASE 4                      /* c.jalr ra: jumps to the old ra */
  li a0, 0
  la ra, ret55
  RVC c.jalr ra
1:
  CHECK a0, 55
  la a1, 1b
  CHECKR ra, a1

#if __riscv_xlen == 32
  CASE 5                      /* c.jal (RV32 only): forward and backward */
  li a0, 0
  RVC c.jal ret55
1:
  CHECK a0, 55
  la a1, 1b
  CHECKR ra, a1
  j 2f
3:
  li a0, 66
  jalr x0, 0(ra)
2:
  RVC c.jal 3b
1:
  CHECK a0, 66
  la a1, 1b
  CHECKR ra, a1
#endif

  CTAKEN 10, c.beqz, s0, 0
  CTAKEN 11, c.beqz, a5, 0
  CNOTTAKEN 12, c.beqz, s0, 1
  CNOTTAKEN 13, c.beqz, a5, XMIN
  CTAKEN 20, c.bnez, s0, -1
  CTAKEN 21, c.bnez, a5, XMIN
  CNOTTAKEN 22, c.bnez, s0, 0
  CNOTTAKEN 23, c.bnez, a5, 0

  CASE 30                     /* c.nop changes nothing */
  li a0, 5
  RVC c.nop
  RVC c.nop
  CHECK a0, 5
  PASS

ret55:
  li a0, 55
  jalr x0, 0(ra)
