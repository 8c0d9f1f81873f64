/* Two triggers on the same load, both "before": trigger 0 with action 0
 * (breakpoint), trigger 1 with action 8. Debug Spec 1.0 Sdtrig "Priority":
 * "triggers that have an action other than 0 or 1 don't affect the
 * execution of the hart ... Such triggers fire independently from those
 * that have an action of 0 or 1." So trigger 1 must stop rvscope (exit
 * status 3, stderr names trigger 1) although trigger 0 raises a
 * breakpoint for the same load; "after" is never printed. */
#include "trig.h"

  .text
  .globl test_main
test_main:
  CASE 1
  la a2, target
  TRIGR 0, TYPE(T_MCONTROL6) | MC_M | MC_LOAD, a2
  TRIGR 1, TYPE(T_MCONTROL6) | ACTION(8) | MC_M | MC_LOAD, a2
  PUTS "before\n"
  la a2, target
  la tp, 1f
  .globl ld_insn
ld_insn:
  lw a1, 0(a2)
1:
  PUTS "after\n"
  CASE 2
  PASS

  .data
  .align 4
  .globl target
target: .word 0
