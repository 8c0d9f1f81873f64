/* Zicntr: cycle, time and instret advance (and on RV32 the 64-bit value
 * read through the h halves does too); time agrees with the CLINT's mtime;
 * mcycle/minstret (and the h halves) are writable from M mode. */
#include "common.h"

/* reg = the 64-bit counter (RV32: hi/lo pair re-read until stable,
 * result lo in \lo, hi in \hi; RV64: \lo only). */
.macro READ64 csr, csrh, lo, hi
#if __riscv_xlen == 32
.Lretry\@:
  csrr \hi, \csrh
  csrr \lo, \csr
  csrr s7, \csrh
  bne \hi, s7, .Lretry\@
#else
  csrr \lo, \csr
  li \hi, 0
#endif
.endm

/* Fail unless (hi1:lo1) < (hi2:lo2), unsigned. */
.macro CHECK_LESS lo1, hi1, lo2, hi2
  bltu \hi1, \hi2, .Lok\@
  bne \hi1, \hi2, .Lbad\@
  bltu \lo1, \lo2, .Lok\@
.Lbad\@:
  GOFAIL
.Lok\@:
.endm

/* The counter must advance within a bounded busy loop. */
.macro ADVANCES n, csr, csrh
  CASE \n
  READ64 \csr, \csrh, a0, a1
  li a4, 2000000
.Lwait\@:
  addi a4, a4, -1
  beqz a4, fail
  READ64 \csr, \csrh, a2, a3
  beq a0, a2, .Lwait\@
  CHECK_LESS a0, a1, a2, a3
.endm

  .text
  .globl test_main
test_main:
  ADVANCES 1, cycle, cycleh
  ADVANCES 2, time, timeh
  ADVANCES 3, instret, instreth
  ADVANCES 4, mcycle, mcycleh
  ADVANCES 5, minstret, minstreth

  CASE 6                      /* the pseudo-instructions */
  rdcycle a0
  rdtime a1
  rdinstret a2
  li a4, 100
1:
  addi a4, a4, -1
  bnez a4, 1b
  rdinstret a5
  bgeu a2, a5, fail
#if __riscv_xlen == 32
  rdcycleh a0
  rdtimeh a1
  rdinstreth a2
#endif

  CASE 7                      /* mtime (CLINT) <= time <= mtime */
  li a1, CLINT_MTIME
  LREG a0, 0(a1)              /* RV32: low words; mtime is far from 2^32 */
  rdtime a2
  LREG a3, 0(a1)
  bltu a2, a0, fail
  bltu a3, a2, fail

  CASE 8                      /* minstret and mcycle are writable */
#if __riscv_xlen == 32
  csrw minstret, zero
  li a0, 0x12345
  csrw minstreth, a0
  csrr a1, minstreth
  CHECK a1, 0x12345
  csrr a1, minstret
  li a2, 0x80000000
  bgeu a1, a2, fail
  csrw mcycle, zero
  csrw mcycleh, a0
  csrr a1, mcycleh
  CHECK a1, 0x12345
  csrr a1, instreth           /* the user view sees it too */
  CHECK a1, 0x12345
#else
  li a0, 0x123400000000
  csrw minstret, a0
  csrr a1, minstret
  sub a1, a1, a0
  srli a1, a1, 32
  CHECK a1, 0
  csrw mcycle, a0
  csrr a1, cycle
  sub a1, a1, a0
  srli a1, a1, 32
  CHECK a1, 0
#endif
  PASS
