/* WARL legalisation of tdata1 for every type (Debug Spec 1.0 5.7 and
 * docs/design.md "Trigger module"): what is written, what reads back.
 * Every trigger written here is disarmed (no m/s/u bit, or no event that
 * can occur), so none fires while the test runs. */
#include "trig.h"

/* Write val to tdata1 (of trigger 0, after tdata1 = 0); it must read exp. */
.macro W1 val, exp
  csrw tdata1, zero
  li a1, \val
  csrw tdata1, a1
  csrr a0, tdata1
  CHECK a0, \exp
.endm

/* val must read back unchanged. */
.macro RT val
  W1 \val, \val
.endm

  .text
  .globl test_main
test_main:
  csrw tselect, zero
  csrw tdata2, zero

  CASE 1                      /* 0 disables: type 15, every other bit 0 */
  W1 0, TYPE(T_DISABLED)
  li a1, TYPE(T_MCONTROL6) | MC_STORE
  csrw tdata1, a1
  csrw tdata1, zero
  csrr a0, tdata1
  CHECK a0, TYPE(T_DISABLED)

  CASE 2                      /* type 15 with junk: only the type stays */
  W1 TYPE(T_DISABLED) | LOWBITS, TYPE(T_DISABLED)
  W1 TYPE(T_DISABLED) | DMODE | 0x5a5a, TYPE(T_DISABLED)

  CASE 3                      /* types rvscope lacks (0, 1, 8..14) -> 15 */
  .irp t, 0, 1, 8, 9, 10, 11, 12, 13, 14
  W1 TYPE(\t) | MC_M | MC_STORE | MATCH(1), TYPE(T_DISABLED)
  W1 TYPE(\t) | LOWBITS, TYPE(T_DISABLED)
  .endr

  /* ---- mcontrol6 (type 6) ---- */
#define M6 TYPE(T_MCONTROL6)
  CASE 4                      /* every bit written as 1 */
  W1 M6 | DMODE | LOWBITS, M6 | MC6_HIT1 | MC6_HIT0 | MC6_SELECT | CHAIN | MC_M | MC_S | MC_U | MC_EXEC | MC_STORE | MC_LOAD

  CASE 5                      /* dmode: only debug mode may set it */
  W1 M6 | DMODE | MC_STORE, M6 | MC_STORE

  CASE 6                      /* uncertain, uncertainen, vs, vu read 0 */
  W1 M6 | MC6_UNCERTAIN | MC_STORE, M6 | MC_STORE
  W1 M6 | MC6_UNCERTAINEN | MC_STORE, M6 | MC_STORE
  W1 M6 | MC6_VS | MC_STORE, M6 | MC_STORE
  W1 M6 | MC6_VU | MC_STORE, M6 | MC_STORE
  W1 M6 | (3 << 19) | MC_STORE, M6 | MC_STORE     /* bits 20:19 are 0 */
  W1 M6 | (1 << (XLEN - 6)) | (1 << 27) | MC_STORE, M6 | MC_STORE

  CASE 7                      /* size: 0, 1, 2, 3, 5 kept; 4, 6, 7 -> 0 */
  .irp s, 0, 1, 2, 3, 5
  RT M6 | MC6_SIZE(\s) | MC_STORE
  .endr
  .irp s, 4, 6, 7
  W1 M6 | MC6_SIZE(\s) | MC_STORE, M6 | MC_STORE
  .endr

  CASE 8                      /* action: 0, 2, 3, 4, 8, 9 kept; others -> 0 */
  .irp a, 0, 2, 3, 4, 8, 9
  RT M6 | ACTION(\a) | MC_STORE
  .endr
  .irp a, 1, 5, 6, 7, 10, 11, 12, 13, 14, 15
  W1 M6 | ACTION(\a) | MC_STORE, M6 | MC_STORE
  .endr
  W1 M6 | DMODE | ACTION(1) | MC_STORE, M6 | MC_STORE   /* no dmode, no 1 */

  CASE 9                      /* match: 0-5, 8, 9, 12, 13 kept; others -> 0 */
  .irp m, 0, 1, 2, 3, 4, 5, 8, 9, 12, 13
  RT M6 | MATCH(\m) | MC_STORE
  .endr
  .irp m, 6, 7, 10, 11, 14, 15
  W1 M6 | MATCH(\m) | MC_STORE, M6 | MC_STORE
  .endr

  CASE 10                     /* single-bit fields round-trip */
  RT M6 | MC6_HIT1
  RT M6 | MC6_HIT0
  RT M6 | MC6_SELECT
  RT M6 | CHAIN
  RT M6 | MC_EXEC
  RT M6 | MC_STORE
  RT M6 | MC_LOAD
  RT M6 | MC_M                /* armed but no access type: cannot fire */
  RT M6 | MC_S
  RT M6 | MC_U
  RT M6 | MC6_HIT1 | MC6_HIT0 | MC6_SELECT | MC6_SIZE(5) | ACTION(9) | CHAIN | MATCH(13) | MC_LOAD

  /* ---- mcontrol (type 2) ---- */
#define M2 TYPE(T_MCONTROL)
#define MAXM MCTL_MASKMAX(MCTL_MASKMAX_VAL)
  CASE 11                     /* maskmax reads 31 / 63, whatever is written */
  W1 M2, M2 | MAXM
  W1 M2 | MCTL_MASKMAX(0x3f), M2 | MAXM
  W1 M2 | MCTL_MASKMAX(1) | MC_STORE, M2 | MAXM | MC_STORE

  CASE 12                     /* every bit written as 1 (RV64: sizehi:sizelo = 5) */
#if XLEN == 64
  W1 M2 | DMODE | (LOWBITS & ~MCTL_SIZEHI(2) & ~MCTL_SIZELO(2)), M2 | MAXM | MCTL_SIZEHI(1) | MCTL_HIT | MCTL_SELECT | MCTL_TIMING | MCTL_SIZELO(1) | CHAIN | MC_M | MC_S | MC_U | MC_EXEC | MC_STORE | MC_LOAD
#else
  W1 M2 | DMODE | LOWBITS, M2 | MAXM | MCTL_HIT | MCTL_SELECT | MCTL_TIMING | MCTL_SIZELO(3) | CHAIN | MC_M | MC_S | MC_U | MC_EXEC | MC_STORE | MC_LOAD
#endif

  CASE 13                     /* fields of mcontrol */
  W1 M2 | DMODE | MC_STORE, M2 | MAXM | MC_STORE
  W1 M2 | (1 << 5) | MC_STORE, M2 | MAXM | MC_STORE   /* bit 5 is 0 */
  .irp f, MCTL_HIT, MCTL_SELECT, MCTL_TIMING, CHAIN, MC_M, MC_S, MC_U, MC_EXEC, MC_LOAD
  RT M2 | MAXM | \f
  .endr
  .irp s, 0, 1, 2, 3
  RT M2 | MAXM | MCTL_SIZELO(\s) | MC_STORE
  .endr
#if XLEN == 64
  RT M2 | MAXM | MCTL_SIZEHI(1) | MCTL_SIZELO(1) | MC_STORE   /* 5: 64-bit */
  W1 M2 | MCTL_SIZEHI(1) | MC_STORE, M2 | MAXM | MC_STORE   /* 4: 48-bit insn */
  W1 M2 | MCTL_SIZEHI(1) | MCTL_SIZELO(2) | MC_STORE, M2 | MAXM | MC_STORE
  W1 M2 | MCTL_SIZEHI(1) | MCTL_SIZELO(3) | MC_STORE, M2 | MAXM | MC_STORE
#endif
  .irp a, 0, 2, 3, 4, 8, 9
  RT M2 | MAXM | ACTION(\a) | MC_STORE
  .endr
  .irp a, 1, 5, 6, 7, 10, 11, 12, 13, 14, 15
  W1 M2 | ACTION(\a) | MC_STORE, M2 | MAXM | MC_STORE
  .endr
  .irp m, 0, 1, 2, 3, 4, 5, 8, 9, 12, 13
  RT M2 | MAXM | MATCH(\m) | MC_STORE
  .endr
  .irp m, 6, 7, 10, 11, 14, 15
  W1 M2 | MATCH(\m) | MC_STORE, M2 | MAXM | MC_STORE
  .endr

  /* ---- icount (type 3): count/pending only with every mode off ---- */
#define M3 TYPE(T_ICOUNT)
  CASE 14
  W1 M3 | DMODE | (LOWBITS & ~(IC_M | IC_S | IC_U)), M3 | IC_HIT | IC_COUNT(0x3fff) | IC_PENDING
  W1 M3 | IC_VS | IC_VU | IC_COUNT(1), M3 | IC_COUNT(1)
  RT M3 | IC_COUNT(0x1234)
  RT M3 | IC_COUNT(1) | IC_PENDING | IC_HIT
  RT M3 | IC_M | IC_S | IC_U  /* count 0: never fires */
  RT M3 | IC_M | IC_S | IC_U | IC_HIT | 9
  .irp a, 0, 2, 3, 4, 8, 9
  RT M3 | IC_COUNT(3) | \a
  .endr
  .irp a, 1, 5, 6, 7, 10, 15, 16, 32, 63
  W1 M3 | IC_COUNT(3) | \a, M3 | IC_COUNT(3)
  .endr
  W1 M3 | DMODE | IC_COUNT(3) | 1, M3 | IC_COUNT(3)

  /* ---- itrigger (4) and etrigger (5), tdata2 = 0: no cause selected ---- */
  CASE 15
  csrw tdata2, zero
  .irp t, T_ITRIGGER, T_ETRIGGER
  W1 TYPE(\t) | DMODE | (LOWBITS & ~0x3f), TYPE(\t) | IT_HIT | IT_M | IT_S | IT_U
  RT TYPE(\t) | IT_HIT
  RT TYPE(\t) | IT_M
  RT TYPE(\t) | IT_S
  RT TYPE(\t) | IT_U
  W1 TYPE(\t) | IT_VS | IT_VU | IT_U, TYPE(\t) | IT_U
  W1 TYPE(\t) | (1 << 8) | IT_U, TYPE(\t) | IT_U   /* bit 8 is 0 */
  W1 TYPE(\t) | (1 << 13) | (1 << (XLEN - 7)) | IT_U, TYPE(\t) | IT_U
  .irp a, 0, 2, 3, 4, 8, 9
  RT TYPE(\t) | IT_M | \a
  .endr
  .irp a, 1, 5, 6, 7, 10, 15, 16, 32, 63
  W1 TYPE(\t) | IT_M | \a, TYPE(\t) | IT_M
  .endr
  .endr
  /* nmi (itrigger bit 10): rvscope has no NMI, so it reads 0 (WARL) */
  W1 TYPE(T_ITRIGGER) | IT_NMI | IT_M, TYPE(T_ITRIGGER) | IT_M
  /* bit 10 of etrigger is 0 */
  W1 TYPE(T_ETRIGGER) | (1 << 10) | IT_M, TYPE(T_ETRIGGER) | IT_M
  /* tdata2 keeps every cause bit */
  li a1, -1
  csrw tdata2, a1
  csrr a0, tdata2
  CHECKR a0, a1
  csrw tdata1, zero
  csrw tdata2, zero

  /* ---- tmexttrigger (7) ---- */
#define M7 TYPE(T_TMEXT)
  CASE 16
  W1 M7 | DMODE | (LOWBITS & ~0x3f) | 2, M7 | TM_HIT | TM_SELECT(0xffff) | 2
  RT M7 | TM_SELECT(1)
  RT M7 | TM_SELECT(0x8000) | 8
  RT M7 | TM_HIT | TM_SELECT(0x1234) | 9
  W1 M7 | TM_INTCTL | TM_SELECT(1), M7 | TM_SELECT(1)   /* no CLIC: 0 */
  W1 M7 | (1 << 23) | TM_SELECT(1), M7 | TM_SELECT(1)
  .irp a, 1, 5, 6, 7, 10, 15, 16, 32, 63
  W1 M7 | TM_SELECT(1) | \a, M7 | TM_SELECT(1)
  .endr

  CASE 17                     /* tdata3 reads 0 for every type */
  li a2, -1
  .irp v, TYPE(T_MCONTROL6) | MC_STORE, TYPE(T_MCONTROL) | MC_STORE, TYPE(T_ICOUNT), TYPE(T_ITRIGGER), TYPE(T_ETRIGGER), TYPE(T_TMEXT), TYPE(T_DISABLED)
  csrw tdata1, zero
  li a1, \v
  csrw tdata1, a1
  csrw tdata3, a2
  csrr a0, tdata3
  CHECK a0, 0
  .endr

  CASE 18                     /* writing tdata1 of any type keeps tdata2 */
  li a2, XL(0x80001234, 0x8000000012345678)
  csrw tdata1, zero
  csrw tdata2, a2
  .irp v, TYPE(T_MCONTROL6) | MC_STORE, TYPE(T_MCONTROL) | MC_STORE, TYPE(T_ICOUNT), TYPE(T_ITRIGGER), TYPE(T_ETRIGGER), TYPE(T_TMEXT), TYPE(T_DISABLED), 0
  li a1, \v
  csrw tdata1, a1
  csrr a0, tdata2
  CHECKR a0, a2
  .endr

  CASE 19                     /* another trigger is unaffected by all this */
  li a1, 1
  csrw tselect, a1
  csrr a0, tdata1
  CHECK a0, TYPE(T_DISABLED)
  csrr a0, tdata2
  CHECK a0, 0
  csrw tselect, zero

  csrw tdata1, zero
  PASS
