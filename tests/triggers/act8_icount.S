/* Action 8 on icount (type 3), count 1, u = 1: after one U-mode
 * instruction (it prints "A") rvscope stops (exit status 3, stderr names
 * icount) before the second (which would print "B"). */
#include "trig.h"

  .text
  .globl test_main
test_main:
  CASE 1
  TRIG 0, TYPE(T_ICOUNT) | IC_COUNT(1) | IC_U | 8, 0
  SAME TYPE(T_ICOUNT) | IC_COUNT(1) | IC_U | 8
  li a2, UART_THR
  li a1, 'A'
  li a3, 'B'
  DROP_TO 0, 1f, 2f
1:
  sb a1, 0(a2)
  sb a3, 0(a2)
  ecall
2:
  CASE 2
  PASS
