/* A chain whose last trigger has action 8 and whose first has action 0:
 * the chain's action is the last one's, so rvscope stops (exit status 3)
 * at the store that matches both, and not at the one matching only the
 * first. */
#include "trig.h"

  .text
  .globl test_main
test_main:
  CASE 1
  la a2, target
  TRIGR 0, TYPE(T_MCONTROL6) | CHAIN | MC_M | MC_STORE, a2
  li a5, 0x77
  TRIGR 1, TYPE(T_MCONTROL6) | ACTION(8) | MC6_SELECT | MC6_SIZE(3) | MC_M | MC_STORE, a5
  li a1, 0x66
  sw a1, 0(a2)                /* address only: nothing */
  PUTS "before\n"
  la a2, target
  li a5, 0x77
  .globl st_insn
st_insn:
  sw a5, 0(a2)
  PUTS "after\n"
  CASE 2
  PASS

  .data
  .align 4
  .globl target
target: .word 0
