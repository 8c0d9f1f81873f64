/* Conditional branches beq bne blt bge bltu bgeu: taken and not taken,
 * forward and backward, signed vs unsigned edge values, x0 operands.
 * A taken branch that is not taken falls into GOFAIL, so a branch
 * that never jumps cannot pass. */
#include "common.h"

/* op a1, a2 must jump (forward, then backward). */
.macro TAKEN n, op, a, b
  CASE \n
  li a1, \a
  li a2, \b
  \op a1, a2, .Lfwd\@
  GOFAIL
.Lback\@:
  j .Ldone\@
  GOFAIL
.Lfwd\@:
  \op a1, a2, .Lback\@
  GOFAIL
.Ldone\@:
.endm

/* op a1, a2 must fall through. */
.macro NOTTAKEN n, op, a, b
  CASE \n
  li a1, \a
  li a2, \b
  \op a1, a2, .Lbad\@
  j .Lok\@
.Lbad\@:
  GOFAIL
.Lok\@:
.endm

  .text
  .globl test_main
test_main:
  TAKEN 1, beq, 0, 0
  TAKEN 2, beq, -1, -1
  TAKEN 3, beq, XMIN, XMIN
  NOTTAKEN 4, beq, 0, 1
  NOTTAKEN 5, beq, -1, XMAX
  NOTTAKEN 6, beq, 1, XMIN + 1

  TAKEN 10, bne, 0, 1
  TAKEN 11, bne, -1, 1
  TAKEN 12, bne, XMIN, XMAX
  NOTTAKEN 13, bne, 0, 0
  NOTTAKEN 14, bne, -1, -1

  TAKEN 20, blt, 0, 1
  TAKEN 21, blt, -1, 1
  TAKEN 22, blt, -2, -1
  TAKEN 23, blt, XMIN, XMAX
  TAKEN 24, blt, XMIN, 0
  NOTTAKEN 25, blt, 1, 0
  NOTTAKEN 26, blt, 1, -1
  NOTTAKEN 27, blt, 0, 0
  NOTTAKEN 28, blt, XMAX, XMIN
  NOTTAKEN 29, blt, -1, -2

  TAKEN 40, bge, 1, 0
  TAKEN 41, bge, 1, -1
  TAKEN 42, bge, 0, 0
  TAKEN 43, bge, -1, -1
  TAKEN 44, bge, XMAX, XMIN
  NOTTAKEN 45, bge, 0, 1
  NOTTAKEN 46, bge, -1, 1
  NOTTAKEN 47, bge, XMIN, XMAX
  NOTTAKEN 48, bge, -2, -1

  TAKEN 60, bltu, 0, 1
  TAKEN 61, bltu, 1, -1
  TAKEN 62, bltu, XMAX, XMIN
  TAKEN 63, bltu, -2, -1
  NOTTAKEN 64, bltu, -1, 1
  NOTTAKEN 65, bltu, 0, 0
  NOTTAKEN 66, bltu, XMIN, XMAX
  NOTTAKEN 67, bltu, -1, -1

  TAKEN 80, bgeu, 1, 0
  TAKEN 81, bgeu, -1, 1
  TAKEN 82, bgeu, 0, 0
  TAKEN 83, bgeu, XMIN, XMAX
  TAKEN 84, bgeu, -1, -1
  NOTTAKEN 85, bgeu, 1, -1
  NOTTAKEN 86, bgeu, XMAX, XMIN
  NOTTAKEN 87, bgeu, 0, 1

  /* x0 operands. */
  CASE 100
  li a1, -1
  beq x0, x0, 1f
  GOFAIL
1:
  bne a1, x0, 1f
  GOFAIL
1:
  blt a1, x0, 1f
  GOFAIL
1:
  bgeu a1, x0, 1f
  GOFAIL
1:
  bltu x0, a1, 1f
  GOFAIL
1:
  bge x0, a1, 1f
  GOFAIL
1:
  /* A branch in a loop: sum 1..10 counting down. */
  CASE 101
  li a0, 0
  li a1, 10
1:
  add a0, a0, a1
  addi a1, a1, -1
  bne a1, x0, 1b
  CHECK a0, 55
  PASS
