/* mcontrol6 match = 1 (NAPOT): Debug Spec 1.0, mcontrol6.match = 1:
 * "tdata2 is WARL and if bits maskmax6-1:0 are written with all ones then
 * bit maskmax6-1 will be set to 0" (maskmax6 <= XLEN), which is how a
 * debugger discovers maskmax6 (the sequence in the mcontrol6 text). */
#include "trig.h"

  .text
  .globl test_main
test_main:
  CASE 1                      /* the discovery sequence */
  csrw tselect, zero
  csrw tdata1, zero
  csrw tdata2, zero
  li a1, TYPE(T_MCONTROL6) | MATCH(1) | MC_STORE
  csrw tdata1, a1
  csrr a0, tdata1
  CHECK a0, TYPE(T_MCONTROL6) | MATCH(1) | MC_STORE
  li a1, -1
  csrw tdata2, a1
  csrr a0, tdata2
  li a1, -1
  bne a0, a1, 1f              /* some bit (maskmax6-1) must now be 0 */
  GOFAIL
1:
  CASE 2                      /* and that NAPOT range still works: tdata2
                                 = buf | 3 covers buf..buf+7 */
  csrw tdata1, zero
  la a1, buf
  ori a1, a1, 3
  csrw tdata2, a1
  csrr a0, tdata2
  CHECKR a0, a1
  csrw tdata1, zero
  PASS

  .data
  .align 4
buf: .space 16
