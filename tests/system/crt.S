/* Start-up for the system-test guests: every hart enters _start with
 * a0 = hartid (QEMU's reset code and rvscope alike). Hart 0 clears .bss
 * and runs main(0); the others wait until it has done so, then run
 * secondary_main(hartid) (by default: sleep forever). */
#if __riscv_xlen == 64
# define STORE sd
# define LOAD  ld
#else
# define STORE sw
# define LOAD  lw
#endif
  .section .text.init, "ax"
  .globl _start
_start:
  mv    s0, a0                  /* hartid, as the machine passed it */
  la    t0, default_trap
  csrw  mtvec, t0
  li    t1, 8                   /* sp = __stacks + (hartid + 1) * 16 KiB */
  bgeu  s0, t1, park
  la    sp, __stacks
  addi  t0, s0, 1
  slli  t0, t0, 14
  add   sp, sp, t0
  bnez  s0, secondary
  la    t0, __bss_start
  la    t1, __bss_end
1:bgeu  t0, t1, 2f
  sw    zero, 0(t0)
  addi  t0, t0, 4
  j     1b
2:fence rw, rw
  la    t0, boot_go
  li    t1, 1
  sw    t1, 0(t0)
  mv    a0, s0
  call  main
  call  exit
secondary:
  la    t0, boot_go
1:lw    t1, 0(t0)
  beqz  t1, 1b
  fence rw, rw
  mv    a0, s0
  call  secondary_main
park:
  wfi
  j     park

  .data
  .align 2
  .globl boot_go
boot_go: .word 0
