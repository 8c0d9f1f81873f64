/* Action 8 on an itrigger (type 4) for the machine timer interrupt
 * (tdata2 bit 7, m = 1), taken in M mode: rvscope stops (exit status 3,
 * stderr names itrigger) as the interrupt enters its handler, before the
 * handler's first instruction, which would print "H". */
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
  TRIG 0, TYPE(T_ITRIGGER) | IT_M | 8, 1 << 7
  SAME TYPE(T_ITRIGGER) | IT_M | 8
  PUTS "before\n"
  la a0, h_entry
  csrw mtvec, a0
  li s5, UART_THR
  li s4, 'H'
  li a1, CLINT_MTIME
  lw a0, 0(a1)
  addi a0, a0, 200
  li a1, CLINT_MTIMECMP
  li a2, -1
  sw a2, 4(a1)
  sw a0, 0(a1)
  sw zero, 4(a1)
  la tp, 2f
  li a0, 1 << 7
  csrw mie, a0                /* MIE = 1 already */
  li a4, 1000000
1:
  addi a4, a4, -1
  bnez a4, 1b
  GOFAIL
2:
  PUTS "handler\n"
  CASE 2
  PASS
