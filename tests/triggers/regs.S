/* Trigger-module registers: tinfo, tselect WARL for NTRIG triggers (run
 * with --triggers NTRIG; built for 4, 2, 16 and 0), per-trigger state,
 * tdata3, unimplemented trigger CSRs, and no access below M mode.
 * Debug Spec 1.0 chapter 5.7; docs/design.md "Trigger module". */
#include "trig.h"
#ifndef NTRIG
#define NTRIG 4
#endif

  .text
  .globl test_main
test_main:
#if NTRIG > 0
  CASE 1                      /* tinfo: version 1, types 2-7 and 15 */
  csrr a0, tinfo
  CHECK a0, TINFO_EXPECT
  li a1, -1                   /* read-only: writes are ignored */
  csrw tinfo, a1
  csrr a0, tinfo
  CHECK a0, TINFO_EXPECT

  CASE 2                      /* tselect holds 0..NTRIG-1 */
  li a1, 0
1:
  csrw tselect, a1
  csrr a0, tselect
  CHECKR a0, a1
  csrr a0, tinfo              /* every trigger has every type */
  CHECK a0, TINFO_EXPECT
  addi a1, a1, 1
  li a2, NTRIG
  blt a1, a2, 1b

  CASE 3                      /* writes >= NTRIG are ignored */
  li a1, 1
  csrw tselect, a1
  li a1, NTRIG
  csrw tselect, a1
  csrr a0, tselect
  CHECK a0, 1
  li a1, NTRIG + 1
  csrw tselect, a1
  csrr a0, tselect
  CHECK a0, 1
  li a1, 1000
  csrw tselect, a1
  csrr a0, tselect
  CHECK a0, 1
  li a1, -1
  csrw tselect, a1
  csrr a0, tselect
  CHECK a0, 1
  li a1, NTRIG - 1            /* the last one is still selectable */
  csrw tselect, a1
  csrr a0, tselect
  CHECK a0, NTRIG - 1
  csrw tselect, zero

  CASE 4                      /* reset: every trigger disabled, tdata2 = 0 */
  li a1, 0
1:
  csrw tselect, a1
  csrr a0, tdata1
  CHECK a0, TYPE(T_DISABLED)
  csrr a0, tdata2
  CHECK a0, 0
  csrr a0, tdata3
  CHECK a0, 0
  addi a1, a1, 1
  li a2, NTRIG
  blt a1, a2, 1b

  CASE 5                      /* each trigger has its own tdata1/tdata2 */
  li a1, 0
1:
  csrw tselect, a1
  csrw tdata1, zero
  li a2, 0x1111
  mul a2, a2, a1
  addi a2, a2, 0x123
  csrw tdata2, a2
  /* a disarmed mcontrol6 (no m/s/u) whose match field = index & 3 */
  andi a3, a1, 3
  slli a3, a3, 7
  li a4, TYPE(T_MCONTROL6) | MC_STORE
  or a3, a3, a4
  csrw tdata1, a3
  addi a1, a1, 1
  li a2, NTRIG
  blt a1, a2, 1b
  li a1, 0
1:
  csrw tselect, a1
  li a2, 0x1111
  mul a2, a2, a1
  addi a2, a2, 0x123
  csrr a0, tdata2
  CHECKR a0, a2
  andi a3, a1, 3
  slli a3, a3, 7
  li a4, TYPE(T_MCONTROL6) | MC_STORE
  or a3, a3, a4
  csrr a0, tdata1
  CHECKR a0, a3
  csrw tdata1, zero
  csrr a0, tdata1
  CHECK a0, TYPE(T_DISABLED)
  csrr a0, tdata2             /* writing tdata1 leaves tdata2 alone */
  CHECKR a0, a2
  csrw tdata2, zero
  addi a1, a1, 1
  li a2, NTRIG
  blt a1, a2, 1b
  csrw tselect, zero

  CASE 6                      /* tdata2 holds any XLEN value */
  li a1, XL(0xdeadbeef, 0xfedcba9876543210)
  csrw tdata2, a1
  csrr a0, tdata2
  CHECKR a0, a1
  li a1, -1
  csrw tdata2, a1
  csrr a0, tdata2
  CHECKR a0, a1
  csrw tdata2, zero

  CASE 7                      /* tdata3 reads 0 (no context matching) */
  li a1, -1
  csrw tdata3, a1
  csrr a0, tdata3
  CHECK a0, 0
  li a1, 0x12345
  csrw tdata3, a1
  csrr a0, tdata3
  CHECK a0, 0

  CASE 8                      /* tcontrol and mcontext are not implemented */
  TRAP CAUSE_ILLEGAL, csrr a0, 0x7a5
  TRAP CAUSE_ILLEGAL, csrw 0x7a5, zero
  TRAP CAUSE_ILLEGAL, csrr a0, 0x7a8

  /* Below M mode every trigger CSR is an illegal instruction. */
  CASE 9                      /* U mode */
  li a1, TYPE(T_MCONTROL6) | MC_LOAD    /* disarmed: no m/s/u */
  csrw tdata1, a1
  DROP_TO 0, 1f, 2f
1:
  csrr a0, tdata1
  GOFAIL
2:
  CHECK s8, CAUSE_ILLEGAL
  la a0, 1b
  CHECKR s9, a0
  CHECKF s11, 11, 3, 0        /* MPP = U */
  .irp csr, tselect, tdata1, tdata2, tdata3, tinfo
  DROP_TO 0, 1f, 2f
1:
  csrr a0, \csr
  GOFAIL
2:
  CHECK s8, CAUSE_ILLEGAL
  la a0, 1b
  CHECKR s9, a0
  .endr
  DROP_TO 0, 1f, 2f
1:
  csrw tdata1, zero
  GOFAIL
2:
  CHECK s8, CAUSE_ILLEGAL
  csrr a0, tdata1             /* the U-mode write did not happen */
  CHECK a0, TYPE(T_MCONTROL6) | MC_LOAD
  DROP_TO 0, 1f, 2f
1:
  csrwi tselect, 1
  GOFAIL
2:
  CHECK s8, CAUSE_ILLEGAL
  csrr a0, tselect
  CHECK a0, 0

  CASE 10                     /* S mode */
  .irp csr, tselect, tdata1, tdata2, tdata3, tinfo
  DROP_TO MPP_S, 1f, 2f
1:
  csrr a0, \csr
  GOFAIL
2:
  CHECK s8, CAUSE_ILLEGAL
  la a0, 1b
  CHECKR s9, a0
  CHECKF s11, 11, 3, 1        /* MPP = S */
  .endr
  DROP_TO MPP_S, 1f, 2f
1:
  csrw tdata2, zero
  GOFAIL
2:
  CHECK s8, CAUSE_ILLEGAL
  csrw tdata1, zero

  CASE 11                     /* the same in M mode is fine */
  csrr a0, tselect
  csrr a0, tdata3
  csrr a0, tinfo

#else /* NTRIG == 0: --triggers 0 */

  CASE 1                      /* tselect stays 0 */
  csrr a0, tselect
  CHECK a0, 0
  li a1, 1
  csrw tselect, a1
  csrr a0, tselect
  CHECK a0, 0

  CASE 2                      /* tdata1/2/3 read 0 and ignore writes */
  csrr a0, tdata1
  CHECK a0, 0
  li a1, TYPE(T_MCONTROL6) | MC_M | MC_STORE
  csrw tdata1, a1
  csrr a0, tdata1
  CHECK a0, 0
  li a1, -1
  csrw tdata2, a1
  csrr a0, tdata2
  CHECK a0, 0
  csrw tdata3, a1
  csrr a0, tdata3
  CHECK a0, 0

  CASE 3                      /* and nothing fires */
  li a1, TYPE(T_MCONTROL6) | MC_M | MC_STORE | MC_LOAD
  csrw tdata1, a1
  la a2, data
  csrw tdata2, a2
  sw a1, 0(a2)
  lw a1, 0(a2)

  CASE 4                      /* tinfo: "if the currently selected trigger
                                 doesn't exist, this field [info] contains 1"
                                 (Debug Spec 1.0, tinfo.info) */
  csrr a0, tinfo
  li a1, 0xffff
  and a0, a0, a1
  CHECK a0, 1
#endif
  PASS

  .data
  .align 3
data: .dword 0
