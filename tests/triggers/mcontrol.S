/* mcontrol (type 2), M mode with MIE = 1: the timing bit picks when store
 * and load triggers fire (docs/design.md: "mcontrol (type 2) follows its
 * timing bit for stores"); timing = 1: after (mepc = next, the store is in
 * memory / the load wrote rd); timing = 0: before (mepc = the instruction,
 * the store did not happen / rd unchanged). hit is bit 20. Also sizelo,
 * select, match, m/u filters and a chain whose timings differ (never
 * fires: Debug Spec 1.0 mcontrol). */
#include "trig.h"

#define M2 TYPE(T_MCONTROL) | MCTL_MASKMAX(MCTL_MASKMAX_VAL)
#define ST M2 | MC_M | MC_STORE
#define LD M2 | MC_M | MC_LOAD

  .text
  .globl test_main
test_main:
  la a2, buf
  sw zero, 0(a2)

  CASE 1                      /* store, timing = 1: after */
  TRIGR 0, ST | MCTL_TIMING, a2
  SAME ST | MCTL_TIMING
  li a1, 0x21
  BP_AFTER a2, sw a1, 0(a2)
  csrr a0, tdata1
  CHECK a0, ST | MCTL_TIMING | MCTL_HIT
  csrw tdata1, zero
  lw a3, 0(a2)
  CHECK a3, 0x21

  CASE 2                      /* store, timing = 0: before, no store */
  TRIGR 0, ST, a2
  SAME ST
  li a1, 0x22
  BP_BEFORE a2, sw a1, 0(a2)
  csrr a0, tdata1
  CHECK a0, ST | MCTL_HIT
  csrw tdata1, zero
  lw a3, 0(a2)
  CHECK a3, 0x21              /* the store did not happen */

  CASE 3                      /* load, timing = 0: before, rd unchanged */
  TRIGR 0, LD, a2
  li a3, 0
  BP_BEFORE a2, lw a3, 0(a2)
  CHECK a3, 0
  csrr a0, tdata1
  CHECK a0, LD | MCTL_HIT

  CASE 4                      /* load, timing = 1: after, rd written */
  TRIGR 0, LD | MCTL_TIMING, a2
  SAME LD | MCTL_TIMING
  li a3, 0
  BP_AFTER a2, lw a3, 0(a2)
  CHECK a3, 0x21

  CASE 5                      /* sizelo = 1: bytes only */
  TRIGR 0, ST | MCTL_TIMING | MCTL_SIZELO(1), a2
  SAME ST | MCTL_TIMING | MCTL_SIZELO(1)
  NO_BP sw a1, 0(a2)
  NO_BP sh a1, 0(a2)
  BP_AFTER a2, sb a1, 0(a2)
  CASE 6                      /* sizelo = 3: words only */
  TRIGR 0, ST | MCTL_SIZELO(3), a2
  NO_BP sb a1, 0(a2)
  BP_BEFORE a2, sw a1, 0(a2)
#if XLEN == 64
  CASE 7                      /* RV64 sizehi:sizelo = 5: doublewords only */
  TRIGR 0, ST | MCTL_SIZEHI(1) | MCTL_SIZELO(1), a2
  SAME ST | MCTL_SIZEHI(1) | MCTL_SIZELO(1)
  NO_BP sw a1, 0(a2)
  BP_BEFORE a2, sd a1, 0(a2)
#endif

  CASE 8                      /* select = 1 (data), timing 0 and 1 */
  li a5, 0x5678
  TRIGR 0, ST | MCTL_SELECT | MCTL_SIZELO(3) | MCTL_TIMING, a5
  NO_BP sw a1, 0(a2)
  BP_AFTER a2, sw a5, 0(a2)
  csrw tdata1, zero
  sw zero, 0(a2)
  TRIGR 0, ST | MCTL_SELECT | MCTL_SIZELO(3), a5
  BP_BEFORE a2, sw a5, 0(a2)
  csrw tdata1, zero
  lw a3, 0(a2)
  CHECK a3, 0                 /* before: not stored */

  CASE 9                      /* match 2 (>= buf+8), NAPOT */
  addi a5, a2, 8
  TRIGR 0, LD | MATCH(2), a5
  NO_BP lb a3, 7(a2)
  addi a4, a2, 8
  BP_BEFORE a4, lb a3, 8(a2)
  addi a5, a2, 8 + 1          /* buf+8..buf+11 */
  TRIGR 0, LD | MATCH(1), a5
  NO_BP lb a3, 12(a2)
  addi a4, a2, 11
  BP_BEFORE a4, lb a3, 11(a2)

  CASE 10                     /* u only: not in M; in U */
  TRIGR 0, M2 | MC_U | MC_STORE, a2
  NO_BP sw a1, 0(a2)
  DROP_TO 0, 1f, 2f
1:
  sw a1, 0(a2)
  GOFAIL
2:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 1b
  CHECKR s9, s7               /* before */
  CHECKF s11, 11, 3, 0

  CASE 11                     /* execute */
  la a4, ex11
  TRIGR 0, M2 | MC_M | MC_EXEC, a4
  li a3, 0
  la tp, 1f
ex11:
  addi a3, a3, 1
  GOFAIL
1:
  CHECK s8, CAUSE_BREAKPOINT
  CHECKR s9, a4
  CHECKR s10, a4
  CHECK a3, 0

  CASE 12                     /* chain, same timing: fires */
  TRIG_OFF
  TRIGR 0, ST | CHAIN | MCTL_TIMING, a2
  li a5, 0x99
  TRIGR 1, ST | MCTL_SELECT | MCTL_SIZELO(3) | MCTL_TIMING, a5
  NO_BP sw a1, 0(a2)
  BP_AFTER a2, sw a5, 0(a2)
  CASE 13                     /* chain, timings differ: never fires */
  TRIGR 0, ST | CHAIN, a2
  TRIGR 1, ST | MCTL_SELECT | MCTL_SIZELO(3) | MCTL_TIMING, a5
  NO_BP sw a5, 0(a2)
  TRIG_OFF
  PASS

  .data
  .align 4
buf: .space 16
