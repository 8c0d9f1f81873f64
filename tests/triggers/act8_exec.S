/* Action 8 on an mcontrol6 execute trigger: rvscope stops (exit status 3)
 * before the instruction, a store of "X" to the UART, executes. */
#include "trig.h"

  .text
  .globl test_main
test_main:
  CASE 1
  la a2, ex_insn
  TRIGR 0, TYPE(T_MCONTROL6) | ACTION(8) | MC_M | MC_EXEC, a2
  PUTS "before\n"
  li a2, UART_THR
  li a3, 'X'
  .globl ex_insn
ex_insn:
  sb a3, 0(a2)
  PUTS "after\n"
  CASE 2
  PASS
