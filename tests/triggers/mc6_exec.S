/* mcontrol6 execute triggers, action 0, M mode with MIE = 1: before the
 * instruction, mepc = mtval = its pc, hit1:hit0 = 1, the instruction did
 * not execute. Address match on 4-byte and compressed instructions, NAPOT
 * over a code block, data (opcode) match with select = 1. Loads of the
 * instruction's bytes don't fire an execute trigger and executing it
 * doesn't fire a load trigger. */
#include "trig.h"

#define EX TYPE(T_MCONTROL6) | MC_M | MC_EXEC

  .text
  .globl test_main
test_main:
  CASE 1                      /* a 4-byte instruction */
  la a2, ex1
  TRIGR 0, EX, a2
  SAME EX
  li a3, 0
  la tp, 1f
ex1:
  addi a3, a3, 1
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  CHECKR s9, a2
  CHECKR s10, a2
  CHECK a3, 0                 /* it did not execute */
  csrr a0, tdata1
  CHECK a0, EX | MC6_HIT0

  CASE 2                      /* once disabled, code runs */
  csrw tdata1, zero
  jal ra, 2f
  j 3f
2:
  addi a3, a3, 1
  ret
3:
  CHECK a3, 1

  CASE 3                      /* a compressed instruction */
  la a2, ex3
  TRIGR 0, EX, a2
  li a3, 0
  la tp, 1f
ex3:
  RVC c.addi a3, 1
  RVC c.addi a3, 1
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  CHECKR s9, a2
  CHECKR s10, a2
  CHECK a3, 0
  csrw tdata1, zero

  CASE 4                      /* the instruction after the matched one:
                                 nothing before it fires */
  la a2, ex4 + 4
  TRIGR 0, EX, a2
  li a3, 0
  la tp, 1f
ex4:
  addi a3, a3, 1
  addi a3, a3, 1
  GOFAIL
1:
  CHECKR s9, a2
  CHECK a3, 1
  csrw tdata1, zero

  CASE 5                      /* NAPOT over a 16-byte block: the first
                                 instruction of it fires */
  la a2, blk
  ori a2, a2, 7               /* blk is 16-aligned: blk..blk+15 */
  TRIGR 0, EX | MATCH(1), a2
  SAME EX | MATCH(1)
  la a2, blk
  li a3, 0
  la tp, 1f
  j blk
  ALIGN 16
blk:
  addi a3, a3, 1
  addi a3, a3, 1
  addi a3, a3, 1
  addi a3, a3, 1
  GOFAIL
1:
  CHECKR s9, a2
  CHECKR s10, a2
  CHECK a3, 0
  csrw tdata1, zero

  CASE 6                      /* opcode match (select = 1): the unique
                                 instruction "addi x0, x0, 123" */
  li a2, 0x07b00013
  TRIGR 0, EX | MC6_SELECT, a2
  SAME EX | MC6_SELECT
  la tp, 1f
ex6:
  addi x0, x0, 123
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  la a2, ex6
  CHECKR s9, a2
  CHECKR s10, a2              /* tval: the pc, docs/design.md */
  csrw tdata1, zero

  CASE 7                      /* loads of the code don't fire EX */
  la a2, ex1
  TRIGR 0, EX, a2
  NO_BP lw a3, 0(a2)
  NO_BP lb a3, 0(a2)
  csrr a0, tdata1
  CHECK a0, EX
  CASE 8                      /* ... and executing doesn't fire LD */
  la a2, ex8
  TRIGR 0, TYPE(T_MCONTROL6) | MC_M | MC_LOAD, a2
  li tp, 0
ex8:
  addi a3, zero, 8
  CHECK a3, 8
  csrw tdata1, zero
  PASS
