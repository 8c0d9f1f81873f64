/* size on execute triggers. Debug Spec 1.0 mcontrol6.size: 2 "will only
 * match against 16-bit memory accesses or execution of 16-bit
 * instructions", 3 likewise for 32-bit (docs/design.md: "size != 0
 * requires the access to have that size"). An execute trigger with
 * size = 2 on a 4-byte instruction must not fire, nor size = 3 on a
 * compressed one. */
#include "trig.h"

#define EX TYPE(T_MCONTROL6) | MC_M | MC_EXEC

  .text
  .globl test_main
test_main:
  CASE 1                      /* size 3 on a 4-byte instruction fires */
  la a4, i32
  TRIGR 0, EX | MC6_SIZE(3), a4
  SAME EX | MC6_SIZE(3)
  la tp, 1f
i32:
  addi a3, zero, 1
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  CHECKR s9, a4
  CASE 2                      /* size 2 on a compressed one fires */
  la a4, i16
  TRIGR 0, EX | MC6_SIZE(2), a4
  la tp, 1f
i16:
  RVC c.li a3, 1
  RVC c.nop
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  CHECKR s9, a4

  CASE 3                      /* size 2 on a 4-byte instruction: no */
  la a4, j32
  TRIGR 0, EX | MC6_SIZE(2), a4
  li a3, 0
  li tp, 0
j32:
  addi a3, a3, 1
  CHECK a3, 1
  CASE 4                      /* size 3 on a compressed one: no */
  la a4, j16
  TRIGR 0, EX | MC6_SIZE(3), a4
  li a3, 0
  li tp, 0
j16:
  RVC c.addi a3, 1
  RVC c.nop
  CHECK a3, 1
  TRIG_OFF
  PASS
