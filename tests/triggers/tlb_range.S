/* Triggers whose address range reaches the top of the address space
 * (match 2 ">= tdata2", data triggers with select = 1, the masked and the
 * negated match modes) must keep firing on every matching access of a
 * page, also after an earlier access to that page: the page may never go
 * on the fast path (docs/design.md "Debugging costs nothing while
 * disarmed": only pages that cannot match leave the checks). */
#include "trig.h"

#define ST TYPE(T_MCONTROL6) | MC_M | MC_STORE
#define LD TYPE(T_MCONTROL6) | MC_M | MC_LOAD

  .text
  .globl test_main
test_main:
  la a2, buf
  li a1, 0x42

  CASE 1                      /* store address >= buf: two stores in a row */
  TRIGR 0, ST | MATCH(2), a2
  BP_AFTER a2, sw a1, 0(a2)
  BP_AFTER a2, sw a1, 0(a2)
  addi a4, a2, 8
  BP_AFTER a4, sw a1, 8(a2)

  CASE 2                      /* store address >= buf after a store below
                                 buf on the same page */
  addi a4, a2, 16
  TRIGR 0, ST | MATCH(2), a4
  NO_BP sw a1, 0(a2)
  BP_AFTER a4, sw a1, 16(a2)

  CASE 3                      /* load address >= buf+16 after a load below */
  TRIGR 0, LD | MATCH(2), a4
  NO_BP lw a3, 0(a2)
  BP_BEFORE a4, lw a3, 16(a2)

  CASE 4                      /* store data, after another store */
  li a5, 0x5a5a
  TRIGR 0, ST | MC6_SELECT | MC6_SIZE(3), a5
  NO_BP sw a1, 0(a2)
  BP_AFTER a2, sw a5, 0(a2)
  BP_AFTER a2, sw a5, 0(a2)

  CASE 5                      /* negated equal: everything but buf+16 (byte
                                 stores: see negate_bytes for wider ones) */
  TRIGR 0, ST | MATCH(8), a4
  NO_BP sb a1, 16(a2)
  BP_AFTER a2, sb a1, 0(a2)
  BP_AFTER a2, sb a1, 0(a2)
  TRIG_OFF
  PASS

  .data
  .align 6
buf: .space 64
