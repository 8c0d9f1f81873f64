/* Start-up, trap handler and exit paths linked into every ISA test.
 * The test itself provides test_main, which ends with PASS. The exit paths
 * make no calls, so they still work when a test breaks jal/jalr on purpose
 * (mutation.sh). */
#include "common.h"

/* Print the NUL-terminated string at a0. Clobbers a0-a2. */
.macro PRINT_STR
  li a1, UART_THR
.Lloop\@:
  lbu a2, 0(a0)
  beqz a2, .Ldone\@
  sb a2, 0(a1)
  addi a0, a0, 1
  j .Lloop\@
.Ldone\@:
.endm

/* Print a0 as "0x" and XLEN/4 hex digits. Clobbers a0-a4. */
.macro PRINT_HEX
  li a1, UART_THR
  li a2, '0'
  sb a2, 0(a1)
  li a2, 'x'
  sb a2, 0(a1)
  li a3, __riscv_xlen - 4
.Lloop\@:
  srl a2, a0, a3
  andi a2, a2, 0xf
  addi a2, a2, '0'
  li a4, '9'
  ble a2, a4, .Ldigit\@
  addi a2, a2, 'a' - '0' - 10
.Ldigit\@:
  sb a2, 0(a1)
  addi a3, a3, -4
  bgez a3, .Lloop\@
.endm

/* Print decimal digit "div" of a0 (a0 < 10 * div), leading zeros dropped
 * while a4 == 0. Clobbers a0-a4. */
.macro DIGIT div
  li a1, UART_THR
  li a3, \div
  li a2, '0'
.Lsub\@:
  bltu a0, a3, .Lout\@
  sub a0, a0, a3
  addi a2, a2, 1
  j .Lsub\@
.Lout\@:
  li a3, '0'
  bne a2, a3, .Lput\@
  beqz a4, .Ldone\@
.Lput\@:
  sb a2, 0(a1)
  li a4, 1
.Ldone\@:
.endm

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
