/* Action 8 (external trigger output 0) on an mcontrol6 store trigger:
 * rvscope stops right after the store with exit status 3 and a stderr line
 * naming the trigger, its type, the address and the store instruction
 * (docs/design.md; tests/triggers/run.sh checks all that). The guest
 * prints "before", stores to target, prints "after": "after" must never
 * appear. Variants: MIE0 (mstatus.MIE = 0: the re-entrancy rule is only
 * about action 0), UMODE (the store runs in U mode, trigger u = 1). */
#include "trig.h"

#ifdef UMODE
#define MODEBIT MC_U
#else
#define MODEBIT MC_M
#endif

  .text
  .globl test_main
test_main:
  CASE 1
  la a2, target
  TRIGR 0, TYPE(T_MCONTROL6) | ACTION(8) | MODEBIT | MC_STORE, a2
  SAME TYPE(T_MCONTROL6) | ACTION(8) | MODEBIT | MC_STORE
  PUTS "before\n"
#ifdef MIE0
  csrci mstatus, MSTATUS_MIE
#endif
  la a2, target
  li a1, 0x5a
#ifdef UMODE
  DROP_TO 0, st_insn, 1f
#endif
  .globl st_insn
st_insn:
  sw a1, 0(a2)
#ifdef UMODE
  ecall
1:
#endif
  PUTS "after\n"
  CASE 2
  PASS

  .data
  .align 4
  .space 8
  .globl target
target: .word 0
