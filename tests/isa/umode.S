/* U mode (entered with mret, MPP = U; PMP entry 0 opened for QEMU): ecall
 * is cause 8 and the trap records MPP = U; mret, sret and M-mode CSRs are
 * illegal there (mtval = the instruction); mret to U clears MPRV; the
 * counters need both mcounteren and scounteren bits (S mode exists);
 * loads/stores work. */
#include "common.h"

/* Run insn in U mode; it must trap with cause, mepc = insn. */
.macro U_TRAP cause, insn:vararg
  la a0, .Lu\@
  csrw mepc, a0
  li a0, MSTATUS_MPP
  csrc mstatus, a0
  la tp, .Lback\@
  mret
.Lu\@:
  \insn
  GOFAIL
.Lback\@:
  CHECK s8, \cause
  la a0, .Lu\@
  CHECKR s9, a0
.endm

/* ... insn must not trap (the ecall after it then brings us back). */
.macro U_OK insn:vararg
  la a0, .Lu\@
  csrw mepc, a0
  li a0, MSTATUS_MPP
  csrc mstatus, a0
  la tp, .Lback\@
  mret
.Lu\@:
  \insn
.Lecall\@:
  ecall
  GOFAIL
.Lback\@:
  CHECK s8, CAUSE_ECALL_U
  la a0, .Lecall\@
  CHECKR s9, a0
.endm

/* Counter access from U with the given enables: ok (1) or illegal (0). */
.macro COUNTERS m, s, cy, tm, ir
  li a0, \m
  csrw mcounteren, a0
  li a0, \s
  csrw scounteren, a0
  .if \cy
  U_OK rdcycle a1
  .else
  U_TRAP CAUSE_ILLEGAL, rdcycle a1
  .endif
  .if \tm
  U_OK rdtime a1
  .else
  U_TRAP CAUSE_ILLEGAL, rdtime a1
  .endif
  .if \ir
  U_OK rdinstret a1
  .else
  U_TRAP CAUSE_ILLEGAL, rdinstret a1
  .endif
.endm

  .text
  .globl test_main
test_main:
  li a0, -1                   /* PMP entry 0: NAPOT over everything, RWX */
  csrw pmpaddr0, a0
  li a0, 0x1f
  csrw pmpcfg0, a0

  CASE 1                      /* ecall from U */
  U_TRAP CAUSE_ECALL_U, ecall
  CHECK s10, 0
  li a0, MSTATUS_MPP
  and a0, s11, a0
  CHECK a0, 0                 /* MPP = U at the trap */

  CASE 2                      /* mret in U */
  U_TRAP CAUSE_ILLEGAL, mret
  CHECK s10, 0x30200073
  CASE 3
  U_TRAP CAUSE_ILLEGAL, sret
  CHECK s10, 0x10200073
  CASE 4                      /* M-mode CSRs, read or write */
  U_TRAP CAUSE_ILLEGAL, csrr a0, mstatus
  CHECK s10, 0x30002573
  U_TRAP CAUSE_ILLEGAL, csrw mscratch, a0
  U_TRAP CAUSE_ILLEGAL, csrr a0, mhartid
  CASE 5                      /* ebreak from U */
  U_TRAP CAUSE_BREAKPOINT, ebreak

  CASE 6                      /* U loads and stores (PMP allows) */
  la a1, u_word
  li a2, 0x1234
  U_OK sw a2, 0(a1)
  lw a0, 0(a1)
  CHECK a0, 0x1234

  /* mret to U clears MPRV (priv 1.12). QEMU 7.2 deviates: it keeps it. */
  SKIP_IF_QEMU72 1f
  CASE 7
  li a0, 0x20000              /* MPRV, with MPP = U: M accesses unaffected */
  csrs mstatus, a0
  U_TRAP CAUSE_ECALL_U, ecall
  li a0, 0x20000
  and a0, s11, a0
  CHECK a0, 0
1:

  CASE 10
  COUNTERS 0, 0, 0, 0, 0
  CASE 11
  COUNTERS 7, 0, 0, 0, 0      /* scounteren also gates U */
  CASE 12
  COUNTERS 0, 7, 0, 0, 0
  CASE 13
  COUNTERS 7, 7, 1, 1, 1
  CASE 14
  COUNTERS 5, 7, 1, 0, 1      /* per counter: TM off */
  csrw mcounteren, zero
  csrw scounteren, zero
  PASS

  .data
  .align 2
u_word: .word 0
