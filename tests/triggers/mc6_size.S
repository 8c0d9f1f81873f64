/* mcontrol6 address triggers: every byte of an access is compared (Debug
 * Spec 1.0 select = 0: one compare value per accessed byte is recommended;
 * docs/design.md: "Every byte of an access is compared"), and size != 0
 * restricts the trigger to accesses of that size. All accesses here are
 * naturally aligned; tdata2 = buf + 2. mtval = the access's address. */
#include "trig.h"

#define ST TYPE(T_MCONTROL6) | MC_M | MC_STORE
#define LD TYPE(T_MCONTROL6) | MC_M | MC_LOAD

/* a4 = address (buf + off) for the BP macros */
.macro AT off
  addi a4, a2, \off
.endm

  .text
  .globl test_main
test_main:
  la a2, buf
  addi a5, a2, 2              /* a5 = tdata2 = buf + 2 */

  CASE 1                      /* stores covering buf+2 fire */
  TRIGR 0, ST, a5
  li a1, 0x1111
  AT 0
  BP_AFTER a4, sw a1, 0(a2)   /* buf..buf+3 */
  AT 2
  BP_AFTER a4, sh a1, 2(a2)   /* buf+2..buf+3 */
  AT 2
  BP_AFTER a4, sb a1, 2(a2)
#if XLEN == 64
  AT 0
  BP_AFTER a4, sd a1, 0(a2)   /* buf..buf+7 */
#endif

  CASE 2                      /* stores next to it don't */
  TRIGR 0, ST, a5             /* clears the hit bits */
  NO_BP sw a1, 4(a2)
  NO_BP sw a1, -4(a2)
  NO_BP sh a1, 0(a2)
  NO_BP sh a1, 4(a2)
  NO_BP sb a1, 1(a2)
  NO_BP sb a1, 3(a2)
#if XLEN == 64
  NO_BP sd a1, 8(a2)
  NO_BP sd a1, -8(a2)
#endif
  csrr a0, tdata1
  CHECK a0, ST

  CASE 3                      /* the same for loads (before) */
  TRIGR 0, LD, a5
  AT 0
  BP_BEFORE a4, lw a3, 0(a2)
  AT 2
  BP_BEFORE a4, lhu a3, 2(a2)
  AT 2
  BP_BEFORE a4, lbu a3, 2(a2)
#if XLEN == 64
  AT 0
  BP_BEFORE a4, ld a3, 0(a2)
#endif
  NO_BP lw a3, 4(a2)
  NO_BP lw a3, -4(a2)
  NO_BP lh a3, 0(a2)
  NO_BP lb a3, 3(a2)

  CASE 4                      /* size = 3: 32-bit accesses only */
  TRIGR 0, ST | MC6_SIZE(3), a5
  SAME ST | MC6_SIZE(3)
  AT 0
  BP_AFTER a4, sw a1, 0(a2)
  BP_AFTER a4, RVC c.sw a1, 0(a2)
  NO_BP sh a1, 2(a2)
  NO_BP sb a1, 2(a2)
#if XLEN == 64
  NO_BP sd a1, 0(a2)
#endif
  NO_BP sw a1, 4(a2)

  CASE 5                      /* size = 1: byte accesses only */
  TRIGR 0, ST | MC6_SIZE(1), a5
  SAME ST | MC6_SIZE(1)
  AT 2
  BP_AFTER a4, sb a1, 2(a2)
  NO_BP sh a1, 2(a2)
  NO_BP sw a1, 0(a2)
#if XLEN == 64
  NO_BP sd a1, 0(a2)
#endif
  NO_BP sb a1, 3(a2)

  CASE 6                      /* size = 2: halfwords only */
  TRIGR 0, ST | MC6_SIZE(2), a5
  AT 2
  BP_AFTER a4, sh a1, 2(a2)
  NO_BP sb a1, 2(a2)
  NO_BP sw a1, 0(a2)

  CASE 7                      /* size = 5: 64-bit accesses only (none on RV32) */
  TRIGR 0, ST | MC6_SIZE(5), a5
  SAME ST | MC6_SIZE(5)
#if XLEN == 64
  AT 0
  BP_AFTER a4, sd a1, 0(a2)
#endif
  NO_BP sb a1, 2(a2)
  NO_BP sh a1, 2(a2)
  NO_BP sw a1, 0(a2)

  CASE 8                      /* size on loads: 3 */
  TRIGR 0, LD | MC6_SIZE(3), a5
  AT 0
  BP_BEFORE a4, lw a3, 0(a2)
  NO_BP lhu a3, 2(a2)
  NO_BP lbu a3, 2(a2)
#if XLEN == 64
  NO_BP ld a3, 0(a2)
#endif
  CASE 9                      /* size 1 on loads */
  TRIGR 0, LD | MC6_SIZE(1), a5
  AT 2
  BP_BEFORE a4, lbu a3, 2(a2)
  NO_BP lhu a3, 2(a2)
  NO_BP lw a3, 0(a2)
  TRIG_OFF
  PASS

  .data
  .align 4
  .space 16
buf: .space 16
  .space 16
