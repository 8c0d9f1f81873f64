/* start.S — reset entry.  QEMU virt with -bios none (and rvscope) jump to
 * 0x80000000 in M mode; linker.ld puts .text.entry there. */
#include "xlen.h"

  .section .text.entry, "ax"
  .globl _start
_start:
  /* gp must be set without relaxation, or the assembler would compute it
   * relative to the (still garbage) gp itself. */
  .option push
  .option norelax
  la    gp, __global_pointer$
  .option pop
  la    sp, _stack_top
  /* Trap into the runtime from the very start, so a fault before
   * cte_init() is reported instead of jumping to address 0. */
  la    t0, __am_asm_trap
  csrw  mtvec, t0
  /* Zero .bss (a word at a time; linker.ld aligns both ends). */
  la    t0, _bss_start
  la    t1, _bss_end
1:
  bgeu  t0, t1, 2f
  STORE zero, 0(t0)
  addi  t0, t0, XLENB
  j     1b
2:
  call  _trm_init     /* calls main() and halt()s with its result */
3:
  j     3b
