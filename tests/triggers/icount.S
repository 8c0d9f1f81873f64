/* icount (type 3), action 0 (Debug Spec 1.0 icount; docs/design.md):
 * count decrements for each instruction retired (or trap taken) in an
 * enabled mode; when it goes 1 -> 0, pending is set and the trigger fires
 * before the next instruction in an enabled mode: mcause 3, mepc = that
 * instruction, mtval = 0, hit (bit 24) set, pending cleared. */
#include "trig.h"

#define IC TYPE(T_ICOUNT)

/* a0 = tdata1 of trigger 0 */
.macro T1
  csrw tselect, zero
  csrr a0, tdata1
.endm

  .text
  .globl test_main
test_main:
  CASE 1                      /* count 1, u: fires after one U instruction */
  TRIG 0, IC | IC_COUNT(1) | IC_U, 0
  SAME IC | IC_COUNT(1) | IC_U
  li a3, 0
  DROP_TO 0, 1f, 3f
1:
  addi a3, a3, 1
2:
  addi a3, a3, 1
  GOFAIL
3:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 2b
  CHECKR s9, s7
  CHECK s10, 0
  CHECKF s11, 11, 3, 0        /* from U */
  CHECK a3, 1
  T1
  CHECK a0, IC | IC_U | IC_HIT   /* count 0, pending 0 */

  CASE 2                      /* count 3 */
  TRIG 0, IC | IC_COUNT(3) | IC_U, 0
  li a3, 0
  DROP_TO 0, 1f, 3f
1:
  addi a3, a3, 1
  addi a3, a3, 1
  RVC c.addi a3, 1            /* compressed counts as one */
2:
  addi a3, a3, 1
  GOFAIL
3:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 2b
  CHECKR s9, s7
  CHECK a3, 3

  CASE 3                      /* only enabled modes count: M code and the
                                 mret leave a u-only count alone */
  TRIG 0, IC | IC_COUNT(5) | IC_U, 0
  .rept 10
  nop
  .endr
  T1
  CHECK a0, IC | IC_COUNT(5) | IC_U
  li a3, 0
  DROP_TO 0, 1f, 2f
1:
  addi a3, a3, 1              /* 5 -> 4 */
  addi a3, a3, 1              /* 4 -> 3 */
  ecall                       /* the trap matches: 3 -> 2 */
  GOFAIL
2:
  CHECK s8, CAUSE_ECALL_U
  T1                          /* the M handler did not count */
  CHECK a0, IC | IC_COUNT(2) | IC_U
  CHECK a3, 2
  DROP_TO 0, 1f, 3f
1:
  addi a3, a3, 1              /* 2 -> 1 */
  addi a3, a3, 1              /* 1 -> 0, pending */
2:
  addi a3, a3, 1
  GOFAIL
3:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 2b
  CHECKR s9, s7
  CHECK a3, 4

  CASE 4                      /* pending across an M-mode handler: a U
                                 ecall ends the count; the whole M handler
                                 runs; the trigger fires before the next U
                                 instruction (the spec's note on pending) */
  TRIG 0, IC | IC_COUNT(1) | IC_U, 0
  DROP_TO 0, 1f, 2f
1:
  ecall
  GOFAIL
2:
  CHECK s8, CAUSE_ECALL_U
  T1
  CHECK a0, IC | IC_U | IC_PENDING
  li a3, 0
  .rept 5
  addi a3, a3, 1              /* M mode: nothing fires */
  .endr
  DROP_TO 0, 1f, 3f
1:
  addi a3, a3, 1
  GOFAIL
3:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 1b
  CHECKR s9, s7
  CHECK s10, 0
  CHECK a3, 5
  T1
  CHECK a0, IC | IC_U | IC_HIT

  CASE 5                      /* pending written by software fires before
                                 the first U instruction */
  TRIG 0, IC | IC_U | IC_PENDING, 0
  SAME IC | IC_U | IC_PENDING
  DROP_TO 0, 1f, 2f
1:
  nop
  GOFAIL
2:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 1b
  CHECKR s9, s7

  CASE 6                      /* s only: U instructions don't count */
  TRIG 0, IC | IC_COUNT(2) | IC_S, 0
  DROP_TO 0, 1f, 2f
1:
  nop
  nop
  nop
  ecall
  GOFAIL
2:
  CHECK s8, CAUSE_ECALL_U
  T1
  CHECK a0, IC | IC_COUNT(2) | IC_S
  DROP_TO MPP_S, 1f, 3f
1:
  nop
  nop
2:
  nop
  GOFAIL
3:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 2b
  CHECKR s9, s7
  CHECKF s11, 11, 3, 1

  CASE 7                      /* m, count 2, in M with MIE = 1: the write
                                 itself does not count ("afterwards count
                                 contains the newly written value") */
  li a3, 0
  csrw tselect, zero
  csrw tdata1, zero
  li t0, IC | IC_COUNT(2) | IC_M
  la tp, 2f
  csrw tdata1, t0
  addi a3, a3, 1              /* 2 -> 1 */
  addi a3, a3, 1              /* 1 -> 0 */
1:
  addi a3, a3, 1
  GOFAIL
2:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 1b
  CHECKR s9, s7
  CHECK s10, 0
  CHECK a3, 2
  CHECKF s11, 11, 3, 3
  T1
  CHECK a0, IC | IC_M | IC_HIT

  CASE 8                      /* count 0 never fires */
  TRIG 0, IC | IC_U | IC_S | IC_M, 0
  DROP_TO 0, 1f, 2f
1:
  nop
  ecall
  GOFAIL
2:
  CHECK s8, CAUSE_ECALL_U
  csrw tdata1, zero
  PASS
