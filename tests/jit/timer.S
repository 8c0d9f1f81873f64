/* Timer interrupts taken inside a long hot loop (8000 iterations of a
 * 25-instruction straight-line body). The first arrives FIRST ticks after
 * arming, then the handler re-arms mtimecmp STRIDE ticks later until K
 * have been taken. rvscope's time is deterministic (docs/design.md: mtime
 * advances by one per instruction slot; a slice ends exactly at a
 * mtimecmp deadline), so where each interrupt lands does not depend on how
 * the instructions are run: the guest prints, per interrupt, mepc (as an
 * offset into the loop), the loop counter, minstret since the start and
 * mtime - mtimecmp, and tests/jit/run.sh requires the same output with and
 * without --no-jit. This part is a differential check: the exact
 * positions are rvscope's time model, not values derived from the spec.
 * Checked by hand in the guest: every interrupt (K of them) was taken,
 * inside the loop, at decreasing loop counters, and the loop's results are
 * exact (the sums over s2 = N..1 of s2, s2 * s2, 1, 16, and xor). */
#include "common.h"
#include "jit.h"
#include "print.h"

#define N 8000
#define FIRST 3001
#define STRIDE 4999           /* not a multiple of the body: each lands elsewhere in it */
#define K 24
#define MIP_MTIP 0x80
#define REC (4 * XB)          /* log record: mepc, s2, minstret, lateness */

  .text
  .globl test_main
test_main:
  CASE 1
  la t0, timer_handler
  csrw mtvec, t0
  la s6, irq_log
  li s5, 0
  la s1, counter
  sw zero, 0(s1)
  li a4, 0
  li a5, 0
  li a6, 0
  li a7, 0
  li s2, N
  csrr s0, minstret
  li a1, CLINT_MTIME          /* mtimecmp = mtime + FIRST (< 2^32 here) */
  LREG a0, 0(a1)
  li a2, FIRST
  add a0, a0, a2
  li a1, CLINT_MTIMECMP
#if __riscv_xlen == 32
  li a2, -1
  sw a2, 4(a1)
  sw a0, 0(a1)
  sw zero, 4(a1)
#else
  sd a0, 0(a1)
#endif
  li t0, MIP_MTIP
  csrw mie, t0
  csrsi mstatus, MSTATUS_MIE
loop_top:
  add a5, a5, s2
  mul t0, s2, s2
  add a6, a6, t0
  lw t1, 0(s1)
  addi t1, t1, 1
  sw t1, 0(s1)
  xor a7, a7, s2
  .rept 16
  addi a4, a4, 1
  .endr
  addi s2, s2, -1
  bnez s2, loop_top
loop_end:
  csrci mstatus, MSTATUS_MIE
  csrw mie, zero

  CASE 2                      /* the loop's results */
  CHECK a4, 16 * N
  CHECK a5, N * (N + 1) / 2
  CHECK a6, (N * (N + 1) * (2 * N + 1) / 6) & XMASK
  CHECK a7, N                 /* xor of 1..N is N when N % 4 == 0 */
  lw t0, 0(s1)
  CHECK t0, N

  CASE 3                      /* print the log; each in the loop, in order */
  CHECK s5, K
  la s3, irq_log
  li s4, 0
  li s0, N + 1                /* the previous s2 */
1:
  PUTS "timer: irq "
  mv a0, s4
  PRINT_HEX
  PUTS " mepc=loop+"
  LREG a0, 0(s3)
  la t0, loop_top
  sub a0, a0, t0
  PRINT_HEX
  PUTS " s2="
  LREG a0, XB(s3)
  PRINT_HEX
  PUTS " minstret="
  LREG a0, 2*XB(s3)
  PRINT_HEX
  PUTS " late="
  LREG a0, 3*XB(s3)
  PRINT_HEX
  PUTS "\n"
  LREG t0, 0(s3)
  la t1, loop_top
  bltu t0, t1, fail
  la t1, loop_end
  bgeu t0, t1, fail
  LREG t0, XB(s3)
  beqz t0, fail
  bgeu t0, s0, fail
  mv s0, t0
  addi s3, s3, REC
  addi s4, s4, 1
  li t0, K
  bne s4, t0, 1b
  PASS

/* Records the interrupt (mepc, s2, minstret since the start in s0,
 * mtime - mtimecmp) at s6, then moves mtimecmp STRIDE on, or turns the
 * timer off after the K-th. Uses only s5-s11. */
  .align 2
timer_handler:
  csrr s8, mcause
  li s7, XMIN + 7
  bne s8, s7, 2f
  csrr s9, mepc
  SREG s9, 0(s6)
  SREG s2, XB(s6)
  csrr s10, minstret
  sub s10, s10, s0
  SREG s10, 2*XB(s6)
  li s7, CLINT_MTIME
  LREG s10, 0(s7)
  li s7, CLINT_MTIMECMP
  LREG s11, 0(s7)             /* RV32: low words (mtime < 2^32 here) */
  sub s10, s10, s11
  SREG s10, 3*XB(s6)
  addi s6, s6, REC
  addi s5, s5, 1
  li s10, STRIDE
  add s11, s11, s10
  SREG s11, 0(s7)             /* later than now: MTIP clears */
  li s10, K
  blt s5, s10, 1f
  li s10, MIP_MTIP
  csrc mie, s10
1:
  mret
2:
  li tp, 0
  j trap_entry

  .bss
  .align 3
counter: .space 8
irq_log: .space K * REC
