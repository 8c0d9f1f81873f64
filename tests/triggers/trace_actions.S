/* Actions 2, 3, 4 (trace on/off/notify; docs/design.md: they write to the
 * trace stream, checked by run.sh): the access runs, no trap, no stop; the trigger fired, so
 * its hit bits are set (Debug Spec 1.0: "The TM updates this field when
 * the trigger fires"). Not suppressed by MIE = 0 (action != 0). */
#include "trig.h"

#define ST TYPE(T_MCONTROL6) | MC_M | MC_STORE
#define LD TYPE(T_MCONTROL6) | MC_M | MC_LOAD

  .text
  .globl test_main
test_main:
  la a2, buf
  li a1, 0x31
  CASE 1
  .irp a, 2, 3, 4
  TRIGR 0, ST | ACTION(\a), a2
  SAME ST | ACTION(\a)
  NO_BP sw a1, 0(a2)
  csrr a0, tdata1
  CHECK a0, ST | ACTION(\a) | MC6_HIT1 | MC6_HIT0
  TRIGR 0, LD | ACTION(\a), a2
  li a3, 0
  NO_BP lw a3, 0(a2)
  CHECK a3, 0x31              /* the load ran */
  csrr a0, tdata1
  CHECK a0, LD | ACTION(\a) | MC6_HIT0
  .endr
  TRIG_OFF
  PASS

  .data
  .align 4
buf: .space 16
