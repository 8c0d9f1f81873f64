/* Action 9 (external trigger output 1) on a byte-store trigger on the
 * UART's transmit register: the store completes ("S" is printed), then
 * rvscope stops (exit status 3) before the next instruction prints "X". */
#include "trig.h"

  .text
  .globl test_main
test_main:
  CASE 1
  li a2, UART_THR
  TRIGR 0, TYPE(T_MCONTROL6) | ACTION(9) | MC_M | MC6_SIZE(1) | MC_STORE, a2
  li a1, 'S'
  li a3, 'X'
  .globl st_insn
st_insn:
  sb a1, 0(a2)
  sb a3, 0(a2)
  CASE 2
  PASS
