/* Start-up, trap handler and exit paths linked into every ISA test.
 * The test itself provides test_main, which ends with PASS. The exit paths
 * make no calls, so they still work when a test breaks jal/jalr on purpose
 * (mutation.sh). */
#include "common.h"

#include "print.h"

  .section .text.init, "ax"
  .globl _start
_start:
  la t0, trap_entry
  csrw mtvec, t0
  csrw mie, zero
  csrci mstatus, MSTATUS_MIE
  la sp, stack_top
  li gp, 0
  li tp, 0
  /* Recognise QEMU 7.2 (mvendorid 0, marchid = version 7.2.x). */
  csrr t0, mvendorid
  bnez t0, 1f
  csrr t0, marchid
  srli t0, t0, 8
  li t1, 0x702
  bne t0, t1, 1f
  la t0, isa_qemu72
  li t1, 1
  sw t1, 0(t0)
1:
  j test_main

  .text
/* Expected trap (tp != 0): record the trap in s8..s11 and resume at tp in
 * M mode. Unexpected trap: report it and fail with the current case. */
  .align 2
  .globl trap_entry
trap_entry:
  csrr s8, mcause
  csrr s9, mepc
  csrr s10, mtval
  csrr s11, mstatus
  beqz tp, unexpected_trap
  csrw mepc, tp
  li tp, 0
  li s7, MSTATUS_MPP
  csrs mstatus, s7
  mret

unexpected_trap:
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

/* Print "isa: fail case N" (so a runner can tell the guest's verdict from
 * the emulator's own exit codes) and exit with status N = the case; a
 * corrupt gp still gives a nonzero code. */
  .globl fail
fail:
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
  la a0, msg_nl
  PRINT_STR
  slli a0, s7, 16
  li a1, 0x3333
  or a0, a0, a1
  li a1, FINISHER
  sw a0, 0(a1)
  j .

  .globl pass
pass:
  li a0, 0x5555
  li a1, FINISHER
  sw a0, 0(a1)
  j .

/* print_str(a0 = NUL-terminated string), for PUTS. Clobbers a0-a2. */
  .globl print_str
print_str:
  PRINT_STR
  ret

  .section .rodata
msg_trap: .asciz "isa: unexpected trap mcause="
msg_epc:  .asciz " mepc="
msg_tval: .asciz " mtval="
msg_nl:   .asciz "\n"
msg_fail: .asciz "isa: fail case "

  .bss
  .align 4
  .globl isa_qemu72
isa_qemu72: .word 0
  .align 4
  .space 8192
stack_top:
