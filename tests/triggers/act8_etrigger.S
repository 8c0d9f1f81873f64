/* Action 8 on an etrigger (type 5) for ecall from U (tdata2 bit 8, u = 1):
 * rvscope stops (exit status 3, stderr names etrigger) as the trap enters
 * the M-mode handler; the handler never runs (its first instruction would print "H").
 * The re-entrancy rule is about action 0 only. */
#include "trig.h"

/* The handler's first instruction prints "H" (s5 = UART, s4 = 'H'). */
  .text
  .align 2
h_entry:
  sb s4, 0(s5)
  j trap_entry

  .text
  .globl test_main
test_main:
  CASE 1
  TRIG 0, TYPE(T_ETRIGGER) | IT_U | 8, 1 << CAUSE_ECALL_U
  SAME TYPE(T_ETRIGGER) | IT_U | 8
  PUTS "before\n"
  la a0, h_entry
  csrw mtvec, a0
  li s5, UART_THR
  li s4, 'H'
  DROP_TO 0, 1f, 2f
1:
  .globl ec_insn
ec_insn:
  ecall
  GOFAIL
2:
  PUTS "handler\n"
  CASE 2
  PASS
