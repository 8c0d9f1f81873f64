/* etrigger (type 5), action 0 (Debug Spec 1.0 etrigger and "Native
 * Triggers"; docs/design.md): it fires as a trap whose cause is set in
 * tdata2 enters its handler, from a mode it enables, before the handler's
 * first instruction: a breakpoint with mtval = 0 and xepc = the handler.
 * Under the re-entrancy rule that breakpoint cannot happen in an M-mode
 * handler (MIE = 0), nor in an S-mode handler when breakpoints are
 * delegated (SIE = 0 there): then the trigger neither fires nor sets hit.
 * With the exception delegated to S and breakpoints going to M it fires. */
#include "trig.h"

#define ET TYPE(T_ETRIGGER)

/* a0 = tdata1 of trigger 0 */
.macro T1
  csrw tselect, zero
  csrr a0, tdata1
.endm

  .text
  .globl test_main
test_main:
  CASE 1                      /* ecall from U to an M handler: suppressed */
  TRIG 0, ET | IT_U, 1 << CAUSE_ECALL_U
  SAME ET | IT_U
  DROP_TO 0, 1f, 2f
1:
  ecall
  GOFAIL
2:
  CHECK s8, CAUSE_ECALL_U     /* the handler saw the ecall, not cause 3 */
  la s7, 1b
  CHECKR s9, s7
  T1
  CHECK a0, ET | IT_U         /* hit = 0 */

  CASE 2                      /* ecall from U delegated to S, breakpoints
                                 to M: fires before the S handler runs */
  li a0, 1 << CAUSE_ECALL_U
  csrw medeleg, a0
  csrw scause, zero
  DROP_TO 0, 1f, 3f
1:
  ecall
2:
  GOFAIL
3:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, s_trap_entry
  CHECKR s9, s7               /* mepc = the S handler's first instruction */
  CHECK s10, 0
  CHECKF s11, 11, 3, 1        /* MPP = S: taken from the handler */
  csrr a0, scause             /* the ecall itself went to S */
  CHECK a0, CAUSE_ECALL_U
  csrr a0, sepc
  la s7, 1b
  CHECKR a0, s7
  T1
  CHECK a0, ET | IT_U | IT_HIT

  CASE 3                      /* the same with breakpoints delegated: the
                                 S handler runs with SIE = 0: suppressed */
  TRIG 0, ET | IT_U, 1 << CAUSE_ECALL_U
  li a0, (1 << CAUSE_ECALL_U) | (1 << CAUSE_BREAKPOINT)
  csrw medeleg, a0
  DROP_TO 0, 1f, 4f
1:
  la tp, 3f
  ecall
2:
  GOFAIL
3:                            /* in S, from the S handler */
  CHECK s8, CAUSE_ECALL_U
  la s7, 1b + 8               /* the ecall (after la = auipc + addi) */
  CHECKR s9, s7
  la tp, 4f
  ecall
  GOFAIL
4:
  CHECK s8, CAUSE_ECALL_S
  T1
  CHECK a0, ET | IT_U

  CASE 4                      /* the mode filter is the mode the trap came
                                 from: s only, ecall from U: no fire */
  li a0, 1 << CAUSE_ECALL_U
  csrw medeleg, a0
  TRIG 0, ET | IT_S, 1 << CAUSE_ECALL_U
  DROP_TO 0, 1f, 4f
1:
  la tp, 3f
  ecall
  GOFAIL
3:                            /* in S: not interrupted by a breakpoint */
  CHECK s8, CAUSE_ECALL_U
  la tp, 4f
  ecall
  GOFAIL
4:
  CHECK s8, CAUSE_ECALL_S
  T1
  CHECK a0, ET | IT_S

  CASE 5                      /* a cause that is not selected: no fire */
  TRIG 0, ET | IT_U, 1 << CAUSE_ILLEGAL
  DROP_TO 0, 1f, 4f
1:
  la tp, 3f
  ecall
  GOFAIL
3:
  CHECK s8, CAUSE_ECALL_U
  la tp, 4f
  ecall
  GOFAIL
4:
  CHECK s8, CAUSE_ECALL_S

  CASE 6                      /* illegal instruction from S, delegated to
                                 S, s = 1: fires, mepc = stvec */
  li a0, 1 << CAUSE_ILLEGAL
  csrw medeleg, a0
  TRIG 0, ET | IT_S, 1 << CAUSE_ILLEGAL
  DROP_TO MPP_S, 1f, 3f
1:
  csrr a0, mstatus            /* illegal in S */
  GOFAIL
3:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, s_trap_entry
  CHECKR s9, s7
  CHECK s10, 0
  csrr a0, scause
  CHECK a0, CAUSE_ILLEGAL
  csrw medeleg, zero
  csrw tdata1, zero
  PASS
