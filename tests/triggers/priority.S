/* Priority of trigger breakpoints among synchronous exceptions (Debug
 * Spec 1.0 Sdtrig "Priority"): an execute-address breakpoint (before)
 * outranks everything the instruction would raise -- instruction access
 * fault, illegal instruction, ecall; a load/store-address breakpoint
 * (before) outranks the load/store access fault. NOMEM has no memory or
 * device behind it. */
#include "trig.h"

#define NOMEM 0x4000
#define EX TYPE(T_MCONTROL6) | MC_M | MC_EXEC
#define LD TYPE(T_MCONTROL6) | MC_M | MC_LOAD

  .text
  .globl test_main
test_main:
  li a2, NOMEM

  CASE 1                      /* control: a load from NOMEM faults */
  TRAP CAUSE_LOAD_ACCESS, lw a3, 0(a2)
  CHECK s10, NOMEM

  CASE 2                      /* with a load trigger there: breakpoint */
  TRIGR 0, LD, a2
  li a3, 0x55
  BP_BEFORE a2, lw a3, 0(a2)
  CHECK a3, 0x55
  TRIG_OFF

  CASE 3                      /* mcontrol timing = 0 store trigger, too */
  TRIGR 0, TYPE(T_MCONTROL) | MC_M | MC_STORE, a2
  BP_BEFORE a2, sw a3, 0(a2)
  TRIG_OFF

  CASE 4                      /* execute trigger on an illegal instruction */
  la a4, ill
  TRIGR 0, EX, a4
  la tp, 1f
ill:
  .word 0
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  CHECKR s9, a4
  CHECKR s10, a4

  CASE 5                      /* ... on an ecall */
  la a4, ecl
  TRIGR 0, EX, a4
  la tp, 1f
ecl:
  ecall
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  CHECKR s9, a4
  TRIG_OFF

  CASE 6                      /* control: fetching from NOMEM faults */
  la tp, 1f
  jalr zero, 0(a2)
  GOFAIL
1:
  CHECK s8, CAUSE_FETCH_ACCESS
  CHECK s9, NOMEM

  CASE 7                      /* an execute trigger on NOMEM: breakpoint,
                                 not the fetch fault */
  TRIGR 0, EX, a2
  la tp, 1f
  jalr zero, 0(a2)
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  CHECK s9, NOMEM
  CHECK s10, NOMEM
  TRIG_OFF
  PASS
