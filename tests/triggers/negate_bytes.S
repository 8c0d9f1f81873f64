/* Negated match modes on accesses wider than a byte. Debug Spec 1.0
 * mcontrol6.match: 8 "Matches when match = 0 would not match", 9, 12, 13
 * likewise for 1, 4, 5 -- and match 0/1/4/5 match "when any compare value"
 * matches, a compare value being each accessed byte's address (docs/
 * design.md: "Every byte of an access is compared"). So an access that
 * covers the byte tdata2 names does not match mode 8, even though its
 * other bytes differ from tdata2. buf is 64-aligned. */
#include "trig.h"

#define ST TYPE(T_MCONTROL6) | MC_M | MC_STORE
#define LD TYPE(T_MCONTROL6) | MC_M | MC_LOAD
#define HALF (XLEN / 2)

  .text
  .globl test_main
test_main:
  la a2, buf
  li a1, 0x42

  CASE 1                      /* control: 0 (equal) fires for a covering sw */
  addi a5, a2, 2
  TRIGR 0, ST | MATCH(0), a5
  BP_AFTER a2, sw a1, 0(a2)

  CASE 2                      /* 8: a covering sw does not fire */
  TRIGR 0, ST | MATCH(8), a5
  NO_BP sw a1, 0(a2)
  addi a4, a2, 4              /* one that does not cover buf+2 does */
  BP_AFTER a4, sw a1, 4(a2)

  CASE 3                      /* 8 on loads */
  TRIGR 0, LD | MATCH(8), a5
  NO_BP lw a3, 0(a2)
  NO_BP lh a3, 2(a2)
  addi a4, a2, 4
  BP_BEFORE a4, lw a3, 4(a2)

  CASE 4                      /* 9: NAPOT buf+8..buf+9; sw buf+8 overlaps */
  addi a5, a2, 8
  TRIGR 0, LD | MATCH(9), a5
  addi a4, a2, 8
  NO_BP lw a3, 8(a2)
  addi a4, a2, 12
  BP_BEFORE a4, lw a3, 12(a2)

  CASE 5                      /* 12: low nibble 5; lw buf+4 covers buf+5 */
  li a5, (0xf << HALF) | 5
  TRIGR 0, LD | MATCH(12), a5
  NO_BP lw a3, 4(a2)
  addi a4, a2, 8
  BP_BEFORE a4, lw a3, 8(a2)
  TRIG_OFF
  PASS

  .data
  .align 6
buf: .space 64
