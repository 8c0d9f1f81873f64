/* UART print macros for the test harnesses (tests/isa, tests/triggers):
 * no calls, so they work while a test breaks jal/jalr on purpose. */
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
