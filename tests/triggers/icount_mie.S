/* icount (type 3) under the re-entrancy rule, option 1 (Debug Spec 1.0
 * "Native Triggers"): "The hardware prevents triggers with action=0 from
 * matching or firing while in M-mode and while MIE in mstatus is 0."
 * An icount match is what decrements count, so an m = 1, action-0 icount
 * must not count M-mode instructions executed with MIE = 0 (e.g. an M-mode
 * trap handler), and must not fire there. */
#include "trig.h"

#define IC TYPE(T_ICOUNT)

  .text
  .globl test_main
test_main:
  CASE 1                      /* pending, MIE = 0: does not fire; fires
                                 before the first instruction after MIE = 1 */
  csrci mstatus, MSTATUS_MIE
  TRIG 0, IC | IC_M | IC_PENDING, 0
  .rept 5
  nop
  .endr
  la tp, 2f
  csrsi mstatus, MSTATUS_MIE
1:
  nop
  GOFAIL
2:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 1b
  CHECKR s9, s7
  csrw tdata1, zero

  CASE 2                      /* MIE = 0: count does not change */
  csrci mstatus, MSTATUS_MIE
  TRIG 0, IC | IC_COUNT(30) | IC_M, 0
  .rept 10
  nop
  .endr
  csrr a0, tdata1
  csrw tdata1, zero
  csrsi mstatus, MSTATUS_MIE
  CHECK a0, IC | IC_COUNT(30) | IC_M
  PASS
