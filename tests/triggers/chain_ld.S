/* An mcontrol6 chain of a load-address trigger and a load-data trigger --
 * "stop when this variable is read and holds X", what chains are for.
 * Debug Spec 1.0 mcontrol6: "A chain of triggers must only fire if every
 * trigger in the chain was matched by the same instruction" (mcontrol6 has
 * no timing bit; its suggested timing table lists "Load Address+Data:
 * After"). Both triggers match the same lw here, so the chain must fire:
 * rvscope's design.md times load-address triggers before and load-data
 * triggers after the load, which must not keep the chain from firing. */
#include "trig.h"

#define LD TYPE(T_MCONTROL6) | MC_M | MC_LOAD

  .text
  .globl test_main
test_main:
  la a2, buf
  li a5, 0x77
  sw a5, 0(a2)
  sw a5, 8(a2)

  CASE 1                      /* data trigger alone: fires after the load */
  TRIGR 0, LD | MC6_SELECT | MC6_SIZE(3), a5
  li a3, 0
  BP_AFTER a2, lw a3, 0(a2)
  CHECK a3, 0x77
  TRIG_OFF

  CASE 2                      /* address (0, chain) + data (1) */
  TRIGR 0, LD | CHAIN, a2
  TRIGR 1, LD | MC6_SELECT | MC6_SIZE(3), a5
  NO_BP lw a3, 8(a2)          /* value, wrong address */
  NO_BP lw a3, 4(a2)          /* neither */
  la tp, 1f
  lw a3, 0(a2)                /* both */
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  CHECKR s10, a2
  TRIG_OFF
  PASS

  .data
  .align 4
buf: .space 16
