/* Several triggers matching one access. Debug Spec 1.0 Sdtrig "Priority":
 * "When multiple triggers in the same priority fire at once, hit (if
 * implemented) is set for all of them. If more than one of these triggers
 * has action=0 then tval is updated in accordance with one of them". Here
 * triggers 0 and 1 both match the same load (before) / store (after). */
#include "trig.h"

#define ST TYPE(T_MCONTROL6) | MC_M | MC_STORE
#define LD TYPE(T_MCONTROL6) | MC_M | MC_LOAD
#define EX TYPE(T_MCONTROL6) | MC_M | MC_EXEC

  .text
  .globl test_main
test_main:
  la a2, buf

  CASE 1                      /* two store triggers (after) */
  TRIGR 0, ST, a2
  ori a5, a2, 1               /* NAPOT buf..buf+3 */
  TRIGR 1, ST | MATCH(1), a5
  BP_AFTER a2, sw zero, 0(a2)
  RDT1 a0, 0
  CHECK a0, ST | MC6_HIT1 | MC6_HIT0
  RDT1 a0, 1
  CHECK a0, ST | MATCH(1) | MC6_HIT1 | MC6_HIT0
  TRIG_OFF

  CASE 2                      /* two load triggers (before) */
  TRIGR 0, LD, a2
  TRIGR 1, LD | MATCH(1), a5
  BP_BEFORE a2, lw a3, 0(a2)
  RDT1 a0, 0
  CHECK a0, LD | MC6_HIT0
  RDT1 a0, 1
  CHECK a0, LD | MATCH(1) | MC6_HIT0
  TRIG_OFF

  CASE 3                      /* two execute triggers (before) */
  la a4, ex3
  TRIGR 0, EX, a4
  TRIGR 1, EX | MATCH(1), a4  /* NAPOT ex3..ex3+1 */
  la tp, 1f
ex3:
  nop
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  RDT1 a0, 1
  CHECK a0, EX | MATCH(1) | MC6_HIT0
  RDT1 a0, 0
  CHECK a0, EX | MC6_HIT0
  TRIG_OFF
  PASS

  .data
  .align 4
buf: .space 16
