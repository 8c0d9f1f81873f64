/* mcontrol6 data triggers (select = 1): the compare value is the data
 * stored or loaded. Store data fires after the store (mepc = next,
 * mtval = the address, hit = 3), load data after the load (rd written,
 * mepc = next, hit = 3; docs/design.md "Timing"). Only XLEN-wide accesses
 * with size = 0, or accesses of the trigger's size with values that fit
 * it, where Debug Spec 1.0 defines the result. */
#include "trig.h"

#define SD TYPE(T_MCONTROL6) | MC6_SELECT | MC_M | MC_STORE
#define LDD TYPE(T_MCONTROL6) | MC6_SELECT | MC_M | MC_LOAD
#define VAL XL(0x12345678, 0x123456789abcdef0)

  .text
  .globl test_main
test_main:
  la a2, buf
  li a5, VAL

  CASE 1                      /* store of the value fires, after */
  TRIGR 0, SD, a5
  SAME SD
  BP_AFTER a2, SREG a5, 0(a2)
  csrr a0, tdata1
  CHECK a0, SD | MC6_HIT1 | MC6_HIT0
  csrw tdata1, zero
  LREG a3, 0(a2)
  CHECKR a3, a5

  CASE 2                      /* other values don't fire, at any address */
  TRIGR 0, SD, a5
  addi a1, a5, 1
  NO_BP SREG a1, 0(a2)
  NO_BP SREG zero, 8(a2)
  li a1, -1
  NO_BP SREG a1, 8(a2)
  addi a4, a2, 8
  BP_AFTER a4, SREG a5, 8(a2) /* the value fires anywhere */
  csrw tdata1, zero

  CASE 3                      /* a load of the value fires after it */
  SREG a5, 0(a2)
  sw zero, 8(a2)
  sw zero, 12(a2)
  TRIGR 0, LDD, a5
  SAME LDD
  li a3, 0
  BP_AFTER a2, LREG a3, 0(a2)
  CHECKR a3, a5               /* the load happened */
  csrr a0, tdata1
  CHECK a0, LDD | MC6_HIT1 | MC6_HIT0
  TRIGR 0, LDD, a5
  NO_BP LREG a3, 8(a2)        /* 0 != VAL */
  CHECK a3, 0
  NO_BP SREG a5, 8(a2)        /* a store of the value is not a load */

  CASE 4                      /* size 1 with a byte value */
  li a1, 0x5c
  TRIGR 0, SD | MC6_SIZE(1), a1
  SAME SD | MC6_SIZE(1)
  BP_AFTER a2, sb a1, 0(a2)
  li a3, 0x5d
  NO_BP sb a3, 0(a2)
  NO_BP sh a1, 0(a2)          /* right value, wrong size */

  CASE 5                      /* size 2 / 3 */
  li a1, 0x7abc
  TRIGR 0, SD | MC6_SIZE(2), a1
  BP_AFTER a2, sh a1, 0(a2)
  NO_BP sw a1, 0(a2)
  li a1, 0x7abcdef0
  TRIGR 0, SD | MC6_SIZE(3), a1
  BP_AFTER a2, sw a1, 0(a2)
  li a3, 0x7abcdef1
  NO_BP sw a3, 0(a2)

  CASE 6                      /* data compare with match 2 (>=) and 3 (<) */
  li a1, 0x1000
  TRIGR 0, SD | MC6_SIZE(3) | MATCH(2), a1
  li a3, 0x1000
  BP_AFTER a2, sw a3, 0(a2)
  li a3, 0x2000
  BP_AFTER a2, sw a3, 0(a2)
  li a3, 0xfff
  NO_BP sw a3, 0(a2)
  TRIGR 0, SD | MC6_SIZE(3) | MATCH(3), a1
  li a3, 0xfff
  BP_AFTER a2, sw a3, 0(a2)
  li a3, 0x1000
  NO_BP sw a3, 0(a2)

  CASE 7                      /* negated equal (8): any other value */
  TRIGR 0, SD | MC6_SIZE(3) | MATCH(8), a1
  li a3, 0x1000
  NO_BP sw a3, 0(a2)
  li a3, 0x1001
  BP_AFTER a2, sw a3, 0(a2)
  TRIG_OFF
  PASS

  .data
  .align 4
  .space 16
buf: .space 32
  .space 16
