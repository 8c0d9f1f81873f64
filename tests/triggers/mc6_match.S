/* mcontrol6 match modes on load addresses (byte loads, so each access has
 * exactly one compare value): 0 equal, 1 NAPOT, 2 >=, 3 <, 4 low-half
 * mask, 5 high-half mask, and the negations 8, 9, 12, 13 (Debug Spec 1.0
 * mcontrol6.match). A load that matches traps before it executes (mcause
 * 3, mtval = the address); one that does not runs. buf is 64-aligned. */
#include "trig.h"

#define LD TYPE(T_MCONTROL6) | MC_M | MC_LOAD
#define HALF (XLEN / 2)

/* lb from buf + off must (yes = 1) or must not (0) fire. */
.macro LBAT off, yes
  addi a4, a2, \off
  .if \yes
  BP_BEFORE a4, lb a3, 0(a4)
  .else
  NO_BP lb a3, 0(a4)
  .endif
.endm

/* Arm trigger 0 as LD with match m, tdata2 = register r. */
.macro ARM m, r
  TRIGR 0, LD | MATCH(\m), \r
  SAME LD | MATCH(\m)
.endm

  .text
  .globl test_main
test_main:
  la a2, buf

  CASE 1                      /* 0: equal */
  addi a5, a2, 5
  ARM 0, a5
  LBAT 5, 1
  LBAT 4, 0
  LBAT 6, 0

  CASE 2                      /* 8: not equal */
  ARM 8, a5
  LBAT 5, 0
  LBAT 4, 1
  LBAT 6, 1
  LBAT 63, 1

  CASE 3                      /* 1: NAPOT, tdata2 = buf+8 | 3: buf+8..buf+15 */
  addi a5, a2, 8 + 3
  ARM 1, a5
  LBAT 7, 0
  LBAT 8, 1
  LBAT 11, 1
  LBAT 15, 1
  LBAT 16, 0
  CASE 4                      /* NAPOT with tdata2 bit 0 = 0: 2 bytes */
  addi a5, a2, 8
  ARM 1, a5
  LBAT 8, 1
  LBAT 9, 1
  LBAT 10, 0
  LBAT 7, 0
  CASE 5                      /* NAPOT, 32 bytes: buf+32..buf+63 */
  addi a5, a2, 32 + 15
  ARM 1, a5
  LBAT 31, 0
  LBAT 32, 1
  LBAT 63, 1

  CASE 6                      /* 9: not NAPOT (buf+8..buf+15) */
  addi a5, a2, 8 + 3
  ARM 9, a5
  LBAT 7, 1
  LBAT 8, 0
  LBAT 15, 0
  LBAT 16, 1

  CASE 7                      /* 2: >= buf+8 */
  addi a5, a2, 8
  ARM 2, a5
  LBAT 7, 0
  LBAT 0, 0
  LBAT 8, 1
  LBAT 63, 1

  CASE 8                      /* 3: < buf+8 */
  ARM 3, a5
  LBAT 7, 1
  LBAT 0, 1
  LBAT 8, 0
  LBAT 63, 0

  CASE 9                      /* 4: low half & mask == value:
                                 mask 0xf, value = (buf+5) & 0xf = 5 */
  li a5, (0xf << HALF) | 5
  ARM 4, a5
  LBAT 5, 1
  LBAT 21, 1                    /* also buf+21: same low nibble */
  LBAT 6, 0
  LBAT 4, 0
  CASE 10                     /* 12: not (4) */
  ARM 12, a5
  LBAT 5, 0
  LBAT 21, 0
  LBAT 6, 1

  /* 5: high half & mask == value. RV32: the high half of every RAM
   * address is 0x80xx; RV64: it is 0. */
  CASE 11
#if XLEN == 32
  srli a3, a2, 16             /* value = buf's high half, mask 0xffff */
  li a5, 0xffff << 16
  or a5, a5, a3
#else
  li a5, (0xffffffff << 32) | 0
#endif
  ARM 5, a5
  LBAT 0, 1
  LBAT 63, 1
#if XLEN == 32
  li a5, (0xffff << 16) | 0x7fff   /* a half no RAM address has */
#else
  li a5, (0xffffffff << 32) | 1
#endif
  ARM 5, a5
  LBAT 0, 0
  CASE 12                     /* 13: not (5) */
  ARM 13, a5
  LBAT 0, 1
  LBAT 63, 1
  TRIG_OFF
  PASS

  .data
  .align 6
buf: .space 64
  .space 64
