/* Instructions a block compiler may not compile, in the middle of a hot
 * loop (300 iterations): ecall, an illegal custom-0 word, a write to the
 * read-only CSR cycle (illegal, the canonical unimp), ebreak, CSR reads and
 * writes (mscratch, minstret) and fence.i. skip_handler (lib.S) resumes
 * after each trap. Checked by hand: the sums of the addi between them,
 * mcause of every trap (11 + 2 + 2 + 3 per iteration), mepc = the
 * trapping instruction and mtval (0 for ecall, the instruction bits for
 * illegal instructions, the pc for ebreak, docs/design.md), the values
 * passed through mscratch, the minstret difference across one iteration and
 * across the whole loop (traps do not retire; each runs the handler's
 * SKIP_HANDLER_INSNS instructions). */
#include "common.h"
#include "jit.h"

#define N 300
#define UNIMP 0xc0001073      /* csrrw zero, cycle, zero */
#define H SKIP_HANDLER_INSNS

/* After a trap at label: s3 += mcause, s1 |= mepc - label (3 insns). */
.macro SAW label
  add s3, s3, s8
  lla a6, \label
  sub a6, s9, a6
  or s1, s1, a6
.endm

  .text
  .globl test_main
test_main:
  CASE 1
  SKIP_ON (1 << CAUSE_ECALL_M) | (1 << CAUSE_ILLEGAL) | (1 << CAUSE_BREAKPOINT)
  li a1, 0
  li a2, 0
  li a3, 0
  li a4, 0
  li a5, 0
  li s1, 0
  li s3, 0
  li t3, 0
  li t5, 0
  li t6, 0
  li a7, UNIMP
  csrw mscratch, zero
  li s2, N
  csrr s0, minstret
loop:                         /* retired, counted from the first csrr */
  csrr t0, minstret           /*  1 */
  addi a1, a1, 1              /*  2 */
t_ecall:
  ecall                       /*    trap: H */
  SAW t_ecall                 /*  3-7 */
  or s1, s1, s10              /*  8  mtval 0 */
  addi a2, a2, 2              /*  9 */
t_custom:
  .word 0x0000000b            /*    custom-0: illegal, H */
  SAW t_custom                /* 10-14 */
  addi a6, s10, -0xb          /* 15  mtval = the instruction */
  or s1, s1, a6               /* 16 */
  addi a3, a3, 3              /* 17 */
t_unimp:
  csrrw zero, cycle, zero     /*    illegal (read-only CSR), H */
  SAW t_unimp                 /* 18-22 */
  sub a6, s10, a7             /* 23 */
  or s1, s1, a6               /* 24 */
  addi a4, a4, 4              /* 25 */
t_ebreak:
  ebreak                      /*    H */
  SAW t_ebreak                /* 26-30 */
  sub a6, s10, s9             /* 31  mtval = pc */
  or s1, s1, a6               /* 32 */
  csrrw t2, mscratch, a1      /* 33  t2 = a1 of the previous iteration */
  add t3, t3, t2              /* 34 */
  csrrs t4, mscratch, zero    /* 35  t4 = a1 */
  add t5, t5, t4              /* 36 */
  fence.i                     /* 37 */
  addi a5, a5, 5              /* 38 */
  csrr t1, minstret           /* 39 */
  sub t1, t1, t0              /* 40 */
  add t6, t6, t1              /* 41 */
  addi s2, s2, -1             /* 42 */
  bnez s2, loop               /* 43 */
  csrr t0, minstret
  sub s0, t0, s0
  SKIP_OFF
  CHECK a1, N
  CHECK a2, 2 * N
  CHECK a3, 3 * N
  CHECK a4, 4 * N
  CHECK a5, 5 * N
  CHECK s1, 0                 /* every mepc and mtval */
  CHECK s3, 18 * N            /* 11 + 2 + 2 + 3 */
  CHECK s5, 4 * N
  CHECK t3, N * (N - 1) / 2   /* sum of 0..N-1 */
  CHECK t5, N * (N + 1) / 2   /* sum of 1..N */
  CHECK t6, N * (38 + 4 * H)  /* insns 1-38 of each iteration */
  CHECK s0, 1 + N * (43 + 4 * H)
  PASS
