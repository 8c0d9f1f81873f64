/* Data triggers (select = 1) on accesses narrower than XLEN, Debug Spec
 * 1.0 mcontrol6.select = 1: "Any bits beyond the size of the data access
 * will contain 0" (the compare value is the data actually stored, not the
 * whole source register), and mcontrol6.match: "When select = 1 and
 * access size is N, ... comparisons only look at the lower N bits of the
 * compare values and of tdata2." size = 1/2/3 make the access size fixed,
 * so the result is defined. Each store comes right after arming the
 * trigger, so the page cannot be on rvscope's fast path (see tlb_range). */
#include "trig.h"

#define SD TYPE(T_MCONTROL6) | MC6_SELECT | MC_M | MC_STORE

  .text
  .globl test_main
test_main:
  la a2, buf

  CASE 1                      /* control: sb of 0x42 with tdata2 = 0x42 */
  li a5, 0x42
  TRIGR 0, SD | MC6_SIZE(1), a5
  li a1, 0x42
  BP_AFTER a2, sb a1, 0(a2)

  CASE 2                      /* sb of a register holding 0x1242 stores 0x42 */
  TRIGR 0, SD | MC6_SIZE(1), a5   /* (re-armed before each store: rvscope's
                                     TLB must not hide this on RV64) */
  li a1, 0x1242
  BP_AFTER a2, sb a1, 0(a2)

  CASE 3                      /* sh of 0xffff1234 stores 0x1234 */
  li a5, 0x1234
  TRIGR 0, SD | MC6_SIZE(2), a5
  li a1, 0xffff1234
  BP_AFTER a2, sh a1, 0(a2)

#if XLEN == 64
  CASE 4                      /* RV64 sw of 0xffffffff_87654321 */
  li a5, 0x87654321
  TRIGR 0, SD | MC6_SIZE(3), a5
  li a1, 0xffffffff87654321
  BP_AFTER a2, sw a1, 0(a2)
#endif

  CASE 5                      /* tdata2 bits above the size are ignored */
  li a5, 0x7742
  TRIGR 0, SD | MC6_SIZE(1), a5
  li a1, 0x42
  BP_AFTER a2, sb a1, 0(a2)
  TRIG_OFF
  PASS

  .data
  .align 4
buf: .space 16
