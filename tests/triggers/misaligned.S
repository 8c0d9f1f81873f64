/* Triggers on misaligned accesses (rvscope performs them, byte by byte
 * internally, as QEMU does). A misaligned sw is still one 32-bit store of
 * one value: Debug Spec 1.0 mcontrol6.size = 3 "will only match against
 * 32-bit memory accesses", and select = 1 has "exactly one compare value
 * ... the data value ... stored"; docs/design.md: "size != 0 requires the
 * access to have that size". The address compare covers every byte.
 * mtval must be an address the access touched (buf+1..buf+4 here). */
#include "trig.h"

#define ST TYPE(T_MCONTROL6) | MC_M | MC_STORE
#define LD TYPE(T_MCONTROL6) | MC_M | MC_LOAD

/* s10 (mtval) must be within [a2 + 1, a2 + 4]. */
.macro TVAL_IN_ACCESS
  addi s7, a2, 1
  bltu s10, s7, 8f
  addi s7, a2, 4
  bgtu s10, s7, 8f
  j 9f
8:
  GOFAIL
9:
.endm

/* insn must fire after itself. */
.macro FIRES_AFTER insn:vararg
  la tp, .Lres\@
  \insn
.Lnext\@:
  GOFAIL
.Lres\@:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, .Lnext\@
  CHECKR s9, s7
  TVAL_IN_ACCESS
.endm

  .text
  .globl test_main
test_main:
  la a2, buf
  addi a5, a2, 2              /* tdata2 = buf + 2 */
  li a1, 0x11223344

  CASE 1                      /* address, any size: sw at buf+1 covers it */
  TRIGR 0, ST, a5
  FIRES_AFTER sw a1, 1(a2)
  csrw tdata1, zero
  lw a3, 1(a2)
  CHECKR a3, a1               /* stored */

  CASE 2                      /* load, any size: before, rd unchanged */
  TRIGR 0, LD, a5
  li a3, 0
  la tp, 1f
2:
  lw a3, 1(a2)
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 2b
  CHECKR s9, s7
  TVAL_IN_ACCESS
  CHECK a3, 0
  TRIG_OFF

  CASE 3                      /* size = 3: a misaligned sw is 32-bit */
  TRIGR 0, ST | MC6_SIZE(3), a5
  FIRES_AFTER sw a1, 1(a2)
  TRIG_OFF

  CASE 4                      /* size = 2: a misaligned sh at buf+1 */
  TRIGR 0, ST | MC6_SIZE(2), a5
  FIRES_AFTER sh a1, 1(a2)
  TRIG_OFF

  CASE 5                      /* data: misaligned sw of the value */
  TRIGR 0, ST | MC6_SELECT | MC6_SIZE(3), a1
  FIRES_AFTER sw a1, 1(a2)
  TRIG_OFF
  PASS

  .data
  .align 4
buf: .space 16
