/* mcontrol6 chains (Debug Spec 1.0 mcontrol6.chain): a chain fires only
 * when every trigger in it matches the same access; the action is the
 * last trigger's; a trigger with chain = 1 that matches alone neither
 * fires nor sets its hit bits. Chains here have one timing (store address
 * + store data: after; load address + load address: before). */
#include "trig.h"

#define ST TYPE(T_MCONTROL6) | MC_M | MC_STORE
#define LD TYPE(T_MCONTROL6) | MC_M | MC_LOAD
#define HIT3 MC6_HIT1 | MC6_HIT0

  .text
  .globl test_main
test_main:
  la a2, buf
  li a5, 0x77

  CASE 1                      /* store to buf (trigger 0) of 0x77 (trigger 1) */
  TRIGR 0, ST | CHAIN, a2
  SAME ST | CHAIN
  TRIGR 1, ST | MC6_SELECT | MC6_SIZE(3), a5
  li a1, 0x66
  NO_BP sw a1, 0(a2)          /* address only */
  addi a4, a2, 8
  NO_BP sw a5, 8(a2)          /* value only */
  RDT1 a0, 0
  CHECK a0, ST | CHAIN        /* no hit bits: nothing fired */
  RDT1 a0, 1
  CHECK a0, ST | MC6_SELECT | MC6_SIZE(3)
  BP_AFTER a2, sw a5, 0(a2)   /* both */
  RDT1 a0, 1
  CHECK a0, ST | MC6_SELECT | MC6_SIZE(3) | HIT3

  CASE 2                      /* the first trigger's action is ignored:
                                 action 8 there would stop rvscope */
  TRIGR 0, ST | CHAIN | ACTION(8), a2
  TRIGR 1, ST | MC6_SELECT | MC6_SIZE(3), a5
  BP_AFTER a2, sw a5, 0(a2)

  CASE 3                      /* three triggers: 0 (>= buf+4), 1 (< buf+8),
                                 2 (store size 1 only) */
  addi a3, a2, 4
  TRIGR 0, ST | CHAIN | MATCH(2), a3
  addi a3, a2, 8
  TRIGR 1, ST | CHAIN | MATCH(3), a3
  TRIGR 2, ST | MC6_SIZE(1) | MATCH(2), zero
  NO_BP sb a1, 3(a2)          /* fails trigger 0 */
  NO_BP sb a1, 8(a2)          /* fails trigger 1 */
  NO_BP sh a1, 4(a2)          /* fails trigger 2 */
  addi a4, a2, 5
  BP_AFTER a4, sb a1, 5(a2)
  RDT1 a0, 2
  CHECK a0, ST | MC6_SIZE(1) | MATCH(2) | HIT3

  CASE 4                      /* a chain of two load-address triggers
                                 (before): buf+4 <= a < buf+8 */
  TRIG_OFF
  addi a3, a2, 4
  TRIGR 0, LD | CHAIN | MATCH(2), a3
  addi a3, a2, 8
  TRIGR 1, LD | MATCH(3), a3
  li a3, 0x123
  NO_BP lb a3, 3(a2)
  NO_BP lb a3, 8(a2)
  li a3, 0x123
  addi a4, a2, 6
  BP_BEFORE a4, lb a3, 6(a2)
  CHECK a3, 0x123
  RDT1 a0, 1
  CHECK a0, LD | MATCH(3) | MC6_HIT0

  CASE 5                      /* without chain each fires on its own */
  TRIG_OFF
  TRIGR 0, ST, a2
  addi a3, a2, 8
  TRIGR 1, ST, a3
  mv a4, a2
  BP_AFTER a4, sw a1, 0(a2)
  RDT1 a0, 0
  CHECK a0, ST | HIT3
  RDT1 a0, 1
  CHECK a0, ST
  addi a4, a2, 8
  BP_AFTER a4, sw a1, 8(a2)
  RDT1 a0, 1
  CHECK a0, ST | HIT3

  CASE 6                      /* a chain from trigger 2 to 3 leaves 0, 1
                                 alone */
  TRIG_OFF
  TRIGR 2, ST | CHAIN, a2
  TRIGR 3, ST | MC6_SELECT | MC6_SIZE(3), a5
  TRIGR 0, LD, a2
  NO_BP sw a1, 0(a2)
  BP_AFTER a2, sw a5, 0(a2)
  BP_BEFORE a2, lw a3, 0(a2)
  TRIG_OFF
  PASS

  .data
  .align 4
buf: .space 16
