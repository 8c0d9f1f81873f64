/* Start-up, trap handlers and exit paths of the trigger tests, after
 * tests/isa/harness.S. Differences: PMP entry 0 opens all memory for U/S,
 * stvec has an S-mode handler, an M-mode trap resumes with MIE = 1 (so
 * action-0 triggers can fire in M mode right after it), and the fail path
 * first clears mstatus.MIE and disables every trigger, so a trigger left
 * armed on the UART or the finisher cannot get in the way of the report.
 * The test provides test_main, which ends with PASS. */
#include "trig.h"

#include "print.h"

  .section .text.init, "ax"
  .globl _start
_start:
  la t0, trap_entry
  csrw mtvec, t0
  la t0, s_trap_entry
  csrw stvec, t0
  csrw mie, zero
  csrw medeleg, zero
  csrw mideleg, zero
  li t0, -1                   /* PMP entry 0: NAPOT over everything, RWX */
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  la sp, stack_top
  li gp, 0
  li tp, 0
  /* mie = 0, so MIE = 1 takes no interrupt but lets action-0 triggers
   * fire in M mode (re-entrancy rule, option 1). */
  csrsi mstatus, MSTATUS_MIE
  j test_main

  .text
/* M-mode trap: record, resume at tp in M mode with MIE = 1 (after an
 * interrupt, with mie = 0). */
  .align 2
  .globl trap_entry
trap_entry:
  csrr s8, mcause
  csrr s9, mepc
  csrr s10, mtval
  csrr s11, mstatus
  beqz tp, unexpected_trap
  bgez s8, 1f                 /* an interrupt: mie = 0, or it comes back */
  csrw mie, zero
1:
  csrw mepc, tp
  li tp, 0
  li s7, MSTATUS_MPP | MSTATUS_MPIE
  csrs mstatus, s7
  mret

/* S-mode trap (delegated): record, resume at tp in S mode. */
  .align 2
  .globl s_trap_entry
s_trap_entry:
  csrr s8, scause
  csrr s9, sepc
  csrr s10, stval
  csrr s11, sstatus
  beqz tp, s_unexpected
  bgez s8, 1f                 /* an interrupt: sie = 0 */
  csrw sie, zero
1:
  csrw sepc, tp
  li tp, 0
  li s7, MSTATUS_SPP
  csrs sstatus, s7
  sret
s_unexpected:
  /* Back to M for the report: an illegal instruction in S (tp = 0). */
  csrr zero, mstatus
  j fail

unexpected_trap:
  csrci mstatus, MSTATUS_MIE
  la a0, msg_trap
  PRINT_STR
  mv a0, s8
  PRINT_HEX
  la a0, msg_epc
  PRINT_STR
  mv a0, s9
  PRINT_HEX
  la a0, msg_tval
  PRINT_STR
  mv a0, s10
  PRINT_HEX
  la a0, msg_nl
  PRINT_STR
  /* fall through */

/* Print "triggers: fail case N (a0=.. s7=..; last trap: ...)" and exit
 * with (N << 16) | 0x3333. After a failed CHECK, s7 holds the expected
 * value and a0 usually the value read; s8..s10 are the last trap's cause,
 * epc and tval. */
  .globl fail
fail:
  csrci mstatus, MSTATUS_MIE
  csrw mscratch, s7
  la s7, fail_regs
  SREG a0, 0(s7)
  csrr a0, mscratch
  SREG a0, 8(s7)
  li tp, 0
  li s7, 15
1:
  csrw tselect, s7
  csrw tdata1, zero
  addi s7, s7, -1
  bgez s7, 1b
  andi s7, gp, 0xff
  bnez s7, 1f
  li s7, 255
1:
  la a0, msg_fail
  PRINT_STR
  mv a0, s7
  li a4, 0
  DIGIT 100
  DIGIT 10
  li a4, 1
  DIGIT 1
  la a0, msg_a0
  PRINT_STR
  la a0, fail_regs
  LREG a0, 0(a0)
  PRINT_HEX
  la a0, msg_s7
  PRINT_STR
  la a0, fail_regs
  LREG a0, 8(a0)
  PRINT_HEX
  la a0, msg_s8
  PRINT_STR
  mv a0, s8
  PRINT_HEX
  la a0, msg_s9
  PRINT_STR
  mv a0, s9
  PRINT_HEX
  la a0, msg_s10
  PRINT_STR
  mv a0, s10
  PRINT_HEX
  la a0, msg_end
  PRINT_STR
  slli a0, s7, 16
  li a1, 0x3333
  or a0, a0, a1
  li a1, FINISHER
  sw a0, 0(a1)
  j .

  .globl pass
pass:
  csrci mstatus, MSTATUS_MIE
  li s7, 15
1:
  csrw tselect, s7
  csrw tdata1, zero
  addi s7, s7, -1
  bgez s7, 1b
  li a0, 0x5555
  li a1, FINISHER
  sw a0, 0(a1)
  j .

  .globl print_str
print_str:
  PRINT_STR
  ret

  .section .rodata
msg_trap: .asciz "triggers: unexpected trap cause="
msg_epc:  .asciz " epc="
msg_tval: .asciz " tval="
msg_nl:   .asciz "\n"
msg_fail: .asciz "triggers: fail case "
msg_a0:   .asciz " (a0="
msg_s7:   .asciz " s7="
msg_s8:   .asciz "; last trap: cause="
msg_s9:   .asciz " epc="
msg_s10:  .asciz " tval="
msg_end:  .asciz ")\n"

  .bss
  .align 4
fail_regs: .dword 0, 0
  .space 8192
stack_top:
