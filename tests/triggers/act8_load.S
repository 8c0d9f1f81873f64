/* Action 8 on an mcontrol6 load trigger: rvscope stops (exit status 3) at
 * the load and prints nothing after it. */
#include "trig.h"

  .text
  .globl test_main
test_main:
  CASE 1
  la a2, target
  TRIGR 0, TYPE(T_MCONTROL6) | ACTION(8) | MC_M | MC_LOAD, a2
  PUTS "before\n"
  la a2, target
  .globl ld_insn
ld_insn:
  lw a1, 0(a2)
  PUTS "after\n"
  CASE 2
  PASS

  .data
  .align 4
  .globl target
target: .word 0
