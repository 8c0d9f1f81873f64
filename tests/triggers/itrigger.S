/* itrigger (type 4), action 0 (Debug Spec 1.0 itrigger and "Native
 * Triggers"; docs/design.md): it fires as an interrupt whose number is set
 * in tdata2 enters its handler, from a mode it enables: a breakpoint with
 * mtval = 0 and xepc = the handler. Here a supervisor software interrupt
 * delegated to S, taken in U, with breakpoints going to M: it fires. A
 * machine timer interrupt handled in M (MIE = 0 there) is suppressed by
 * the re-entrancy rule: no fire, hit = 0. */
#include "trig.h"

#define IT TYPE(T_ITRIGGER)
#define IRQ_SSI 1
#define IRQ_MTI 7
#define INT(n) (XMIN + (n))

/* a0 = tdata1 of trigger 0 */
.macro T1
  csrw tselect, zero
  csrr a0, tdata1
.endm

.macro TIMER_OFF
  li a1, CLINT_MTIMECMP
  li a2, -1
  sw a2, 0(a1)
  sw a2, 4(a1)
.endm

  .text
  .globl test_main
test_main:
  TIMER_OFF
  CASE 1                      /* SSI in U, delegated to S: fires */
  li a0, 1 << IRQ_SSI
  csrw mideleg, a0
  csrw mie, a0                /* sie.SSIE */
  TRIG 0, IT | IT_U, 1 << IRQ_SSI
  SAME IT | IT_U
  csrsi mip, 1 << IRQ_SSI     /* pending; not taken in M */
  DROP_TO 0, 1f, 3f
1:
  nop
  GOFAIL
3:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, s_trap_entry
  CHECKR s9, s7
  CHECK s10, 0
  CHECKF s11, 11, 3, 1        /* from the S handler */
  csrr a0, scause
  CHECK a0, INT(IRQ_SSI)
  csrr a0, sepc
  la s7, 1b
  CHECKR a0, s7
  csrci mip, 1 << IRQ_SSI
  T1
  CHECK a0, IT | IT_U | IT_HIT

  CASE 2                      /* s only: an interrupt from U: no fire */
  TRIG 0, IT | IT_S, 1 << IRQ_SSI
  li a0, 1 << IRQ_SSI
  csrw mideleg, a0
  csrw mie, a0
  csrsi mip, 1 << IRQ_SSI
  DROP_TO 0, 1f, 3f           /* the S handler resumes at 3f, in S */
1:
  nop
  GOFAIL
3:                            /* in S after the interrupt */
  CHECK s8, INT(IRQ_SSI)
  csrci sip, 1 << IRQ_SSI
  la tp, 4f
  ecall
  GOFAIL
4:
  CHECK s8, CAUSE_ECALL_S
  T1
  CHECK a0, IT | IT_S
  csrw mideleg, zero
  csrw mie, zero

  CASE 3                      /* machine timer into M: suppressed */
  TRIG 0, IT | IT_M | IT_U, 1 << IRQ_MTI
  li a1, CLINT_MTIME
  lw a0, 0(a1)
  addi a0, a0, 100
  li a1, CLINT_MTIMECMP
  sw a0, 0(a1)
  sw zero, 4(a1)
  li a0, 1 << IRQ_MTI
  la tp, 2f
  csrw mie, a0
  li a4, 1000000
1:
  addi a4, a4, -1
  bnez a4, 1b
  GOFAIL
2:
  CHECK s8, INT(IRQ_MTI)      /* the handler saw the interrupt */
  TIMER_OFF
  T1
  CHECK a0, IT | IT_M | IT_U  /* hit = 0 */
  csrw tdata1, zero
  PASS
