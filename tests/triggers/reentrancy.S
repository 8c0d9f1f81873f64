/* Re-entrancy, option 1 (Debug Spec 1.0 "Native Triggers"; docs/design.md):
 * action-0 triggers neither match nor fire in M mode while mstatus.MIE = 0,
 * nor in S mode while sstatus.SIE = 0 when medeleg[3] = 1. They do fire in
 * S mode with SIE = 0 when breakpoints go to M (medeleg[3] = 0), and in U
 * mode whatever MIE/SIE are. A suppressed trigger leaves its hit bits 0
 * and its access happens normally. */
#include "trig.h"

#define ST TYPE(T_MCONTROL6) | MC_STORE
#define LD TYPE(T_MCONTROL6) | MC_LOAD
#define EX TYPE(T_MCONTROL6) | MC_EXEC
#define HIT3 MC6_HIT1 | MC6_HIT0

  .text
  .globl test_main
test_main:
  la a2, buf
  mv a4, a2

  CASE 1                      /* M, MIE = 0: store trigger silent */
  TRIGR 0, ST | MC_M, a2
  csrci mstatus, MSTATUS_MIE
  li a1, 0x11
  NO_BP sw a1, 0(a2)
  csrr a0, tdata1
  CHECK a0, ST | MC_M         /* hit bits 0 */
  lw a3, 0(a2)
  CHECK a3, 0x11              /* the store happened */
  csrsi mstatus, MSTATUS_MIE  /* MIE = 1: it fires again */
  li a1, 0x12
  BP_AFTER a4, sw a1, 0(a2)
  csrr a0, tdata1
  CHECK a0, ST | MC_M | HIT3

  CASE 2                      /* M, MIE = 0: load and execute silent */
  TRIGR 0, LD | MC_M, a2
  csrci mstatus, MSTATUS_MIE
  li a3, 0
  NO_BP lw a3, 0(a2)
  CHECK a3, 0x12              /* the load happened */
  csrr a0, tdata1
  CHECK a0, LD | MC_M
  la a4, ex2
  TRIGR 1, EX | MC_M, a4
  li a3, 0
ex2:
  addi a3, a3, 1
  CHECK a3, 1
  csrr a0, tdata1
  CHECK a0, EX | MC_M
  csrsi mstatus, MSTATUS_MIE
  TRIG_OFF

  CASE 3                      /* M, MIE = 0, medeleg[3] = 1: still silent */
  li a0, 1 << CAUSE_BREAKPOINT
  csrw medeleg, a0
  TRIGR 0, ST | MC_M, a2
  csrci mstatus, MSTATUS_MIE
  NO_BP sw a1, 0(a2)
  csrr a0, tdata1
  CHECK a0, ST | MC_M
  csrsi mstatus, MSTATUS_MIE

  CASE 4                      /* S, SIE = 0, medeleg[3] = 1: silent */
  TRIGR 0, ST | MC_S, a2
  csrci mstatus, MSTATUS_SIE
  DROP_TO MPP_S, 1f, 2f
1:
  li a1, 0x44
  sw a1, 0(a2)
  ecall
  GOFAIL
2:
  CHECK s8, CAUSE_ECALL_S
  csrr a0, tdata1
  CHECK a0, ST | MC_S
  lw a3, 0(a2)
  CHECK a3, 0x44

  CASE 5                      /* S, SIE = 1, medeleg[3] = 1: fires, to the
                                 S handler (scause 3, sepc = next, stval) */
  li a0, MSTATUS_SIE
  csrs mstatus, a0
  DROP_TO MPP_S, 1f, 4f
1:
  la tp, 3f
  li a1, 0x55
  sw a1, 0(a2)
2:
  GOFAIL
3:                            /* back in S from the S handler */
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 2b
  CHECKR s9, s7
  CHECKR s10, a2
  la tp, 4f
  ecall                       /* to M */
  GOFAIL
4:
  CHECK s8, CAUSE_ECALL_S
  csrr a0, tdata1
  CHECK a0, ST | MC_S | HIT3
  li a0, MSTATUS_SIE
  csrc mstatus, a0

  CASE 6                      /* S, SIE = 0, medeleg[3] = 0: fires, to M */
  csrw medeleg, zero
  TRIGR 0, ST | MC_S, a2
  DROP_TO MPP_S, 1f, 3f
1:
  li a1, 0x66
  sw a1, 0(a2)
2:
  GOFAIL
3:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 2b
  CHECKR s9, s7
  CHECKR s10, a2
  CHECKF s11, 11, 3, 1        /* from S */
  csrr a0, tdata1
  CHECK a0, ST | MC_S | HIT3

  CASE 7                      /* U: fires with MIE = SIE = 0, also when
                                 breakpoints are delegated (to S) */
  TRIGR 0, ST | MC_U, a2
  li a0, MSTATUS_MPIE | MSTATUS_SPIE | MSTATUS_SIE
  csrc mstatus, a0            /* MIE in U will be 0 */
  DROP_TO 0, 1f, 3f
1:
  sw a1, 0(a2)
2:
  GOFAIL
3:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 2b
  CHECKR s9, s7
  li a0, 1 << CAUSE_BREAKPOINT
  csrw medeleg, a0
  TRIGR 0, ST | MC_U, a2
  DROP_TO 0, 1f, 4f
1:
  la tp, 3f
  sw a1, 0(a2)
2:
  GOFAIL
3:                            /* in S */
  CHECK s8, CAUSE_BREAKPOINT
  la s7, 2b
  CHECKR s9, s7
  CHECKR s10, a2
  la tp, 4f
  ecall
  GOFAIL
4:
  CHECK s8, CAUSE_ECALL_S
  csrw medeleg, zero

  CASE 8                      /* action 0 suppressed, action 2 (trace on:
                                 no effect yet) not a problem either way */
  TRIGR 0, ST | MC_M | ACTION(2), a2
  csrci mstatus, MSTATUS_MIE
  NO_BP sw a1, 0(a2)
  csrsi mstatus, MSTATUS_MIE
  NO_BP sw a1, 0(a2)
  TRIG_OFF
  PASS

  .data
  .align 4
buf: .space 16
