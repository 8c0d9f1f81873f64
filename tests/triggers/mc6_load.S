/* mcontrol6 load-address triggers, action 0, M mode with MIE = 1: they
 * fire before the load (docs/design.md "Timing"): mcause 3, mepc = the
 * load, mtval = the address, rd unchanged, hit1:hit0 = 1. Stores don't
 * fire a load trigger; every load width, compressed loads, lr and the read
 * half of AMOs (memory unchanged) do. */
#include "trig.h"

#define LD TYPE(T_MCONTROL6) | MC_M | MC_LOAD

  .text
  .globl test_main
test_main:
  la a2, buf
  li a1, 0x1234
  sw a1, 0(a2)

  CASE 1                      /* lw: before, rd unchanged, hit0 only */
  TRIGR 0, LD, a2
  SAME LD
  li a3, 0x777
  BP_BEFORE a2, lw a3, 0(a2)
  CHECK a3, 0x777
  CHECKF s11, 11, 3, 3
  csrr a0, tdata1
  CHECK a0, LD | MC6_HIT0

  CASE 2                      /* every width */
  TRIGR 0, LD, a2
  li a3, 0x777
  BP_BEFORE a2, lb a3, 0(a2)
  BP_BEFORE a2, lbu a3, 0(a2)
  BP_BEFORE a2, lh a3, 0(a2)
  BP_BEFORE a2, lhu a3, 0(a2)
#if XLEN == 64
  BP_BEFORE a2, lwu a3, 0(a2)
  BP_BEFORE a2, ld a3, 0(a2)
#endif
  BP_BEFORE a2, RVC c.lw a3, 0(a2)
  CHECK a3, 0x777

  CASE 3                      /* stores and other addresses don't fire */
  TRIGR 0, LD, a2
  NO_BP sw a1, 0(a2)
  NO_BP sb a1, 0(a2)
  NO_BP lw a3, 4(a2)
  NO_BP lw a3, -4(a2)
  NO_BP lb a3, 1(a2)
  csrr a0, tdata1
  CHECK a0, LD

  CASE 4                      /* lr and AMOs: before, nothing changed */
  li a3, 0x777
  BP_BEFORE a2, lr.w a3, (a2)
  CHECK a3, 0x777
  li a4, 5
  BP_BEFORE a2, amoadd.w a3, a4, (a2)
  CHECK a3, 0x777
  csrw tdata1, zero
  lw a3, 0(a2)
  CHECK a3, 0x1234            /* the AMO did not happen */

  CASE 5                      /* the load happens once the trigger is off */
  TRIGR 0, LD, a2
  li a3, 0
  BP_BEFORE a2, lw a3, 0(a2)
  csrw tdata1, zero
  lw a3, 0(a2)
  CHECK a3, 0x1234
  PASS

  .data
  .align 4
  .space 16
buf: .space 16
  .space 16
