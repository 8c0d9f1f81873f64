/* rvscope trigger-module (Sdtrig) guest tests: shared macros.
 *
 * Builds on tests/isa/common.h (CASE, CHECK, CHECKR, GOFAIL, PASS, XL, ...)
 * and uses the same register conventions, with this group's own harness
 * (tests/triggers/harness.S):
 *   gp       current case number; a failure exits with it
 *   tp       resume address when a trap is expected, 0 otherwise
 *   s7       scratch of the CHECK macros
 *   s8..s11  written by the trap handlers: cause, epc, tval, status
 * An M-mode trap resumes at tp in M mode with mstatus.MIE = 1 (so action-0
 * triggers can fire in M mode again); an S-mode trap (delegated through
 * medeleg) resumes at tp in S mode.
 *
 * Field positions: ../../shared/notes/debug-spec.md (Debug Spec 1.0). The
 * type is in tdata1[XLEN-1:XLEN-4], so every tdata1 value is built with
 * these macros and differs between RV32 and RV64.
 */
#ifndef TRIG_H
#define TRIG_H
#include "common.h"

#define XLEN __riscv_xlen

/* Every tdata1 type */
#define TYPE(t)    ((t) << (XLEN - 4))
#define DMODE      (1 << (XLEN - 5))
#define LOWBITS    ((1 << (XLEN - 5)) - 1)     /* every bit below dmode */
#define T_MCONTROL  2
#define T_ICOUNT    3
#define T_ITRIGGER  4
#define T_ETRIGGER  5
#define T_MCONTROL6 6
#define T_TMEXT     7
#define T_DISABLED  15

/* mcontrol6 (type 6) */
#define MC6_UNCERTAIN (1 << 26)
#define MC6_HIT1      (1 << 25)
#define MC6_VS        (1 << 24)
#define MC6_VU        (1 << 23)
#define MC6_HIT0      (1 << 22)
#define MC6_SELECT    (1 << 21)
#define MC6_SIZE(n)   ((n) << 16)
#define MC6_UNCERTAINEN (1 << 5)

/* mcontrol and mcontrol6 common low bits */
#define ACTION(n)  ((n) << 12)
#define CHAIN      (1 << 11)
#define MATCH(n)   ((n) << 7)
#define MC_M       (1 << 6)
#define MC_S       (1 << 4)
#define MC_U       (1 << 3)
#define MC_EXEC    (1 << 2)
#define MC_STORE   (1 << 1)
#define MC_LOAD    (1 << 0)

/* mcontrol (type 2) */
#define MCTL_MASKMAX(n) ((n) << (XLEN - 11))
#define MCTL_MASKMAX_VAL XL(31, 63)
#define MCTL_SIZEHI(n)  ((n) << 21)           /* RV64 only */
#define MCTL_HIT     (1 << 20)
#define MCTL_SELECT  (1 << 19)
#define MCTL_TIMING  (1 << 18)
#define MCTL_SIZELO(n) ((n) << 16)

/* icount (type 3) */
#define IC_VS      (1 << 26)
#define IC_VU      (1 << 25)
#define IC_HIT     (1 << 24)
#define IC_COUNT(n) ((n) << 10)
#define IC_M       (1 << 9)
#define IC_PENDING (1 << 8)
#define IC_S       (1 << 7)
#define IC_U       (1 << 6)

/* itrigger (4), etrigger (5): action is 5:0 as for icount */
#define IT_HIT     (1 << (XLEN - 6))
#define IT_VS      (1 << 12)
#define IT_VU      (1 << 11)
#define IT_NMI     (1 << 10)
#define IT_M       (1 << 9)
#define IT_S       (1 << 7)
#define IT_U       (1 << 6)

/* tmexttrigger (7) */
#define TM_HIT     (1 << (XLEN - 6))
#define TM_INTCTL  (1 << 22)
#define TM_SELECT(n) ((n) << 6)

#define TINFO_EXPECT 0x010080fc

#define MSTATUS_SIE  0x2
#define MSTATUS_SPIE 0x20
#define MSTATUS_SPP  0x100
#define MPP_S        0x800
#define CAUSE_ECALL_S 9

/* Program trigger idx the safe way (tdata1 = 0, tdata2, tdata1) and read
 * tdata1 back into a0; t0 is scratch. t2val is a constant. */
.macro TRIG idx, t1val, t2val
  li t0, \idx
  csrw tselect, t0
  csrw tdata1, zero
  li t0, \t2val
  csrw tdata2, t0
  li t0, \t1val
  csrw tdata1, t0
  csrr a0, tdata1
.endm

/* The same with tdata2 taken from register reg (not t0). */
.macro TRIGR idx, t1val, reg
  li t0, \idx
  csrw tselect, t0
  csrw tdata1, zero
  csrw tdata2, \reg
  li t0, \t1val
  csrw tdata1, t0
  csrr a0, tdata1
.endm

/* tdata1 of trigger idx into reg (selects it). */
.macro RDT1 reg, idx
  li \reg, \idx
  csrw tselect, \reg
  csrr \reg, tdata1
.endm

/* Disable triggers 0..3 (selects trigger 0 afterwards). */
.macro TRIG_OFF
  li t0, 3
.Loff\@:
  csrw tselect, t0
  csrw tdata1, zero
  addi t0, t0, -1
  bgez t0, .Loff\@
  csrw tselect, zero
.endm

/* Fail unless tdata1 readback a0 == the written value (check after TRIG). */
.macro SAME val
  CHECK a0, \val
.endm

/* insn must raise a breakpoint exception *before* it executes:
 * mcause 3, mepc = insn, mtval = register tvalreg. */
.macro BP_BEFORE tvalreg, insn:vararg
  la tp, .Lres\@
.Lins\@:
  \insn
  GOFAIL
.Lres\@:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, .Lins\@
  CHECKR s9, s7
  CHECKR s10, \tvalreg
.endm

/* insn (4 bytes) must raise a breakpoint exception immediately *after*
 * it: mcause 3, mepc = the next instruction, mtval = tvalreg. */
.macro BP_AFTER tvalreg, insn:vararg
  la tp, .Lres\@
.Lins\@:
  \insn
.Lnext\@:
  GOFAIL
.Lres\@:
  CHECK s8, CAUSE_BREAKPOINT
  la s7, .Lnext\@
  CHECKR s9, s7
  CHECKR s10, \tvalreg
.endm

/* insn must not trap (an unexpected trap fails the case). */
.macro NO_BP insn:vararg
  li tp, 0
  \insn
.endm

/* Leave M mode for label in mode mpp (0 = U, MPP_S = S); the trap that
 * brings the hart back resumes at resume (in M). */
.macro DROP_TO mpp, label, resume
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  .if \mpp
  li t0, \mpp
  csrs mstatus, t0
  .endif
  la t0, \label
  csrw mepc, t0
  la tp, \resume
  mret
.endm

/* Fail unless (reg >> sh) & mask == val; clobbers s6. */
.macro CHECKF reg, sh, mask, val
  srli s6, \reg, \sh
  andi s6, s6, \mask
  CHECK s6, \val
.endm

#endif
