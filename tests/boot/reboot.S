/* Prints "boot" and asks for a reset (sifive_test 0x7777): rvscope must
 * power-cycle the machine and run it again (forever), or with --no-reboot
 * exit 0 after one boot. */
  .section .text.init
  .globl _start
_start:
  csrr t0, mhartid
  bnez t0, 2f
  li t0, 0x10000000
  la t1, msg
1:
  lbu t2, 0(t1)
  beqz t2, 3f
  sb t2, 0(t0)
  addi t1, t1, 1
  j 1b
3:
  li t0, 0x100000
  li t1, 0x7777
  sw t1, 0(t0)
2:
  wfi
  j 2b
msg:
  .string "boot\n"
