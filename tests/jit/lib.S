/* Shared code of the JIT tests, linked after tests/isa/harness.S: the
 * skip_handler described in jit.h. */
#include "common.h"
#include "jit.h"

  .text
  .align 2
  .globl skip_handler
skip_handler:                 /* retired instructions, for SKIP_HANDLER_INSNS */
  csrr s6, minstret           /*  1 */
  csrr s8, mcause             /*  2 */
  bltz s8, 1f                 /*  3  an interrupt: not expected here */
  li s7, 1                    /*  4 */
  sll s7, s7, s8              /*  5 */
  and s7, s7, s4              /*  6 */
  beqz s7, 1f                 /*  7 */
  csrr s9, mepc               /*  8 */
  csrr s10, mtval             /*  9 */
  lla s7, trap_regs           /* 10, 11 */
  SREG a1, 0(s7)              /* 12 */
  SREG a2, XB(s7)             /* 13 */
  SREG a3, 2*XB(s7)           /* 14 */
  SREG a4, 3*XB(s7)           /* 15 */
  addi s7, s9, 4              /* 16 */
  csrw mepc, s7               /* 17 */
  addi s5, s5, 1              /* 18 */
  mret                        /* 19 */
1:
  li tp, 0                    /* report it as unexpected */
  j trap_entry

  .bss
  .align 4
  .globl trap_regs
trap_regs: .space 4 * 8
