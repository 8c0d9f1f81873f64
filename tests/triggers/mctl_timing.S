/* mcontrol (type 2) timing bit, Debug Spec 1.0: "This bit primarily exists
 * for the hardware to communicate to the debugger what will happen"; with
 * timing = 1 "the action for this trigger will be taken after the
 * instruction that triggered it is retired ... xepc ... the next
 * instruction". So when timing = 1 reads back on an execute trigger, the
 * trigger must fire after the instruction (or timing must read back 0 and
 * it fires before). Same for a load-data (select = 1) trigger with
 * timing = 0: it must fire before the load writes rd, or read back 1. */
#include "trig.h"

#define M2 TYPE(T_MCONTROL) | MCTL_MASKMAX(MCTL_MASKMAX_VAL)

  .text
  .globl test_main
test_main:
  CASE 1                      /* execute, timing = 1 */
  la a4, ex1
  TRIGR 0, M2 | MC_M | MC_EXEC | MCTL_TIMING, a4
  li a3, 0
  la tp, 2f
ex1:
  addi a3, a3, 1
1:
  GOFAIL
2:
  CHECK s8, CAUSE_BREAKPOINT
  li a5, MCTL_TIMING
  and a5, a0, a5              /* a0: tdata1 as read back by TRIGR */
  beqz a5, 3f
  la s7, 1b                   /* timing = 1: after ex1 */
  CHECKR s9, s7
  CHECK a3, 1
  j 4f
3:
  CHECKR s9, a4               /* timing = 0: before ex1 */
  CHECK a3, 0
4:
  TRIG_OFF

  CASE 2                      /* load data, timing = 0 */
  la a2, buf
  li a5, 0x4321
  sw a5, 0(a2)
  TRIGR 0, M2 | MC_M | MC_LOAD | MCTL_SELECT | MCTL_SIZELO(3), a5
  li a3, 0
  la tp, 2f
ld2:
  lw a3, 0(a2)
1:
  GOFAIL
2:
  CHECK s8, CAUSE_BREAKPOINT
  li a4, MCTL_TIMING
  and a4, a0, a4
  bnez a4, 3f
  la s7, ld2                  /* timing = 0: before, rd unchanged */
  CHECKR s9, s7
  CHECK a3, 0
  j 4f
3:
  la s7, 1b
  CHECKR s9, s7
  CHECK a3, 0x4321
4:
  TRIG_OFF
  PASS

  .data
  .align 4
buf: .space 16
