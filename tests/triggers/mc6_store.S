/* mcontrol6 store-address triggers, action 0, in M mode (mstatus.MIE = 1):
 * they fire immediately after the store (docs/design.md "Timing"): mcause
 * 3, mepc = the next instruction, mtval = the store address, the value is
 * in memory, hit1:hit0 = 3. Loads don't fire a store trigger; other
 * addresses don't fire it; every store width, compressed stores and the
 * write half of AMOs and successful sc do. */
#include "trig.h"

#define ST TYPE(T_MCONTROL6) | MC_M | MC_STORE

/* a0 = tdata1 of trigger 0 */
.macro HITS
  csrw tselect, zero
  csrr a0, tdata1
.endm

  .text
  .globl test_main
test_main:
  la a2, buf
  CASE 1                      /* sw: after, value stored, hit = 3 */
  TRIGR 0, ST, a2
  SAME ST
  li a1, 0x5a5a
  BP_AFTER a2, sw a1, 0(a2)
  CHECKF s11, 11, 3, 3        /* from M mode */
  HITS
  CHECK a0, ST | MC6_HIT1 | MC6_HIT0
  csrw tdata1, zero
  lw a3, 0(a2)
  CHECK a3, 0x5a5a

  CASE 2                      /* other addresses and loads don't fire */
  TRIGR 0, ST, a2
  NO_BP sw a1, 4(a2)
  NO_BP sw a1, -4(a2)
  NO_BP sb a1, 4(a2)
  NO_BP sb a1, -1(a2)
  NO_BP lw a3, 0(a2)
  NO_BP lb a3, 0(a2)
  HITS
  CHECK a0, ST                /* hit bits still 0 */

  CASE 3                      /* every width; mtval = the address */
  li a1, 0x11
  BP_AFTER a2, sb a1, 0(a2)
  HITS
  CHECK a0, ST | MC6_HIT1 | MC6_HIT0
  TRIGR 0, ST, a2             /* hit bits cleared by the rewrite */
  SAME ST
  li a1, 0x2222
  BP_AFTER a2, sh a1, 0(a2)
#if XLEN == 64
  li a1, 0x3333
  BP_AFTER a2, sd a1, 0(a2)
#endif
  csrw tdata1, zero
  lhu a3, 0(a2)
#if XLEN == 64
  CHECK a3, 0x3333
#else
  CHECK a3, 0x2222
#endif

  CASE 4                      /* hit bits are writable: 0 clears them */
  TRIGR 0, ST | MC6_HIT1 | MC6_HIT0, a2
  SAME ST | MC6_HIT1 | MC6_HIT0
  li a1, ST
  csrw tdata1, a1
  HITS
  CHECK a0, ST

  CASE 5                      /* a compressed store: mepc = pc + 2 */
  li a1, 0x77
  BP_AFTER a2, RVC c.sw a1, 0(a2)
  csrw tdata1, zero
  lw a3, 0(a2)
  CHECK a3, 0x77
  TRIGR 0, ST, a2

  CASE 6                      /* AMO: the write half fires, after the AMO */
  li a1, 0x99
  li a3, 0
  BP_AFTER a2, amoswap.w a3, a1, (a2)
  CHECK a3, 0x77              /* rd got the old value */
  HITS
  CHECK a0, ST | MC6_HIT1 | MC6_HIT0
  csrw tdata1, zero
  lw a3, 0(a2)
  CHECK a3, 0x99

  CASE 7                      /* lr does not fire a store trigger; a
                                 successful sc does */
  TRIGR 0, ST, a2
  NO_BP lr.w a3, (a2)
  CHECK a3, 0x99
  li a1, 0xaa
  li a4, 1
  BP_AFTER a2, sc.w a4, a1, (a2)
  CHECK a4, 0                 /* sc succeeded */
  csrw tdata1, zero
  lw a3, 0(a2)
  CHECK a3, 0xaa

  CASE 8                      /* fires again on the next store */
  TRIGR 0, ST, a2
  li a1, 1
  BP_AFTER a2, sw a1, 0(a2)
  li a1, 2
  BP_AFTER a2, sw a1, 0(a2)
  csrw tdata1, zero
  lw a3, 0(a2)
  CHECK a3, 2

  CASE 9                      /* a trigger that is not trigger 0 */
  li a4, 3
  TRIGR 3, ST, a2
  SAME ST
  li a1, 4
  BP_AFTER a2, sw a1, 0(a2)
  RDT1 a0, 3
  CHECK a0, ST | MC6_HIT1 | MC6_HIT0
  RDT1 a0, 0                  /* trigger 0 is untouched */
  CHECK a0, TYPE(T_DISABLED)
  li a0, 3
  csrw tselect, a0
  csrw tdata1, zero

  CASE 10                     /* disabled again: nothing fires */
  NO_BP sw a1, 0(a2)
  TRIGR 0, TYPE(T_MCONTROL6) | MC_STORE, a2   /* no mode bit: off */
  NO_BP sw a1, 0(a2)
  TRIG_OFF
  PASS

  .data
  .align 4
  .space 16
buf: .space 16
  .space 16
