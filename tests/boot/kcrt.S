/* Entry of the S-mode test kernel (sbi_kernel.c), linked at 0x80200000
 * where OpenSBI's fw_jump jumps: a0 = hart id, a1 = device tree (or the
 * opaque value of an HSM hart_start). Each hart gets a 4 KiB stack. */
  .section .text.entry
  .globl _start, secondary_entry
_start:
  la t0, kmain
  j 1f
secondary_entry:
  la t0, secondary
1:
  la sp, stacks
  addi t1, a0, 1
  slli t1, t1, 12
  add sp, sp, t1
  la t1, strap
  csrw stvec, t1
  jalr t0
2:
  wfi
  j 2b

  .bss
  .balign 16
stacks:
  .space 4096 * 8
