/* mcontrol6 privilege filters m, s, u: a trigger fires only in the modes
 * it enables. The breakpoint from U or S mode goes to the M-mode handler
 * (medeleg = 0), which records mcause/mepc/mtval and MPP. */
#include "trig.h"

#define ST TYPE(T_MCONTROL6) | MC_STORE
#define LD TYPE(T_MCONTROL6) | MC_LOAD
#define EX TYPE(T_MCONTROL6) | MC_EXEC

/* Run "insn" in mode mpp (0 = U, MPP_S = S). fire = 1: it must trap with
 * a breakpoint, mepc = insn (before = 1) or the next instruction
 * (before = 0), mtval = a4, MPP = mpp. fire = 0: it runs, and the ecall
 * after it brings the hart back (cause 8 or 9). */
.macro IN_MODE mpp, fire, before, insn:vararg
  DROP_TO \mpp, .Lin\@, .Lback\@
.Lin\@:
  \insn
.Lnext\@:
  ecall
  GOFAIL
.Lback\@:
  .if \fire
  CHECK s8, CAUSE_BREAKPOINT
  .if \before
  la s7, .Lin\@
  .else
  la s7, .Lnext\@
  .endif
  CHECKR s9, s7
  CHECKR s10, a4
  .else
  .if \mpp
  CHECK s8, CAUSE_ECALL_S
  .else
  CHECK s8, CAUSE_ECALL_U
  .endif
  .endif
  CHECKF s11, 11, 3, (\mpp >> 11)
.endm

  .text
  .globl test_main
test_main:
  la a2, buf
  mv a4, a2
  li a1, 0x33

  CASE 1                      /* u only: not in M, not in S, in U */
  TRIGR 0, ST | MC_U, a2
  SAME ST | MC_U
  NO_BP sw a1, 0(a2)
  IN_MODE MPP_S, 0, 0, sw a1, 0(a2)
  csrr a0, tdata1
  CHECK a0, ST | MC_U         /* no hit yet */
  IN_MODE 0, 1, 0, sw a1, 0(a2)
  csrr a0, tdata1
  CHECK a0, ST | MC_U | MC6_HIT1 | MC6_HIT0

  CASE 2                      /* s only */
  TRIGR 0, ST | MC_S, a2
  NO_BP sw a1, 0(a2)
  IN_MODE 0, 0, 0, sw a1, 0(a2)
  IN_MODE MPP_S, 1, 0, sw a1, 0(a2)
  csrr a0, tdata1
  CHECK a0, ST | MC_S | MC6_HIT1 | MC6_HIT0

  CASE 3                      /* m only */
  TRIGR 0, ST | MC_M, a2
  IN_MODE 0, 0, 0, sw a1, 0(a2)
  IN_MODE MPP_S, 0, 0, sw a1, 0(a2)
  csrr a0, tdata1
  CHECK a0, ST | MC_M
  BP_AFTER a4, sw a1, 0(a2)

  CASE 4                      /* none: never */
  TRIGR 0, ST, a2
  NO_BP sw a1, 0(a2)
  IN_MODE 0, 0, 0, sw a1, 0(a2)
  IN_MODE MPP_S, 0, 0, sw a1, 0(a2)

  CASE 5                      /* loads from U (before): rd unchanged */
  TRIGR 0, LD | MC_U, a2
  li a3, 0x777
  IN_MODE 0, 1, 1, lw a3, 0(a2)
  CHECK a3, 0x777
  NO_BP lw a3, 0(a2)
  CHECK a3, 0x33
  csrr a0, tdata1
  CHECK a0, LD | MC_U | MC6_HIT0

  CASE 6                      /* s and u together */
  TRIGR 0, LD | MC_S | MC_U, a2
  IN_MODE 0, 1, 1, lw a3, 0(a2)
  IN_MODE MPP_S, 1, 1, lw a3, 0(a2)
  NO_BP lw a3, 0(a2)

  CASE 7                      /* execute in U: fires there, not in M */
  la a4, ucode
  TRIGR 0, EX | MC_U, a4
  jal ra, ucode               /* the same instruction from M: runs */
  CHECK a3, 7
  DROP_TO 0, ucode, 1f
1:
  CHECK s8, CAUSE_BREAKPOINT
  CHECKR s9, a4
  CHECKR s10, a4
  CHECKF s11, 11, 3, 0
  csrr a0, tdata1
  CHECK a0, EX | MC_U | MC6_HIT0
  TRIG_OFF
  PASS

ucode:                        /* runs in M (returns) or in U (must trap) */
  li a3, 7
  ret

  .data
  .align 4
buf: .space 16
