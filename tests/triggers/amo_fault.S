/* A store trigger on an AMO whose access faults (nothing behind NOMEM).
 * The AMO never writes, so at most one trap may result: the store-address
 * breakpoint (before: mepc = the AMO, mtval = NOMEM) or the store access
 * fault (cause 7, mepc = the AMO) -- never a breakpoint that lands on the
 * access fault's handler (mepc = the handler), which would lose the
 * fault's mcause/mepc. Likewise a load trigger on lr.w from NOMEM. */
#include "trig.h"

#define NOMEM 0x4000

  .text
  .globl test_main
test_main:
  li a2, NOMEM
  CASE 1                      /* control: the AMO faults (7) */
  TRAP CAUSE_STORE_ACCESS, amoswap.w a3, a1, (a2)

  CASE 2                      /* store trigger on NOMEM */
  TRIGR 0, TYPE(T_MCONTROL6) | MC_M | MC_STORE, a2
  la tp, 2f
1:
  amoswap.w a3, a1, (a2)
  GOFAIL
2:
  la s7, 1b
  CHECKR s9, s7               /* mepc = the AMO */
  li s7, CAUSE_BREAKPOINT
  beq s8, s7, 3f
  CHECK s8, CAUSE_STORE_ACCESS
3:
  CHECK s10, NOMEM
  TRIG_OFF

  CASE 3                      /* load trigger, lr.w */
  TRIGR 0, TYPE(T_MCONTROL6) | MC_M | MC_LOAD, a2
  la tp, 2f
1:
  lr.w a3, (a2)
  GOFAIL
2:
  la s7, 1b
  CHECKR s9, s7
  CHECK s8, CAUSE_BREAKPOINT
  CHECK s10, NOMEM
  TRIG_OFF
  PASS
