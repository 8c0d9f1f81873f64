/* mcontrol (type 2) sizehi:sizelo on RV64 (Debug Spec 1.0, mcontrol.sizelo):
 * 8 = 112-bit and 9 = 128-bit instructions/accesses, 10-15 reserved.
 * tdata1 is WARL: a reserved size must not read back, and a size that
 * reads back must behave as that size (rvscope has no access wider than
 * 64 bits, so 8 or 9 may never fire; 0 fires on any size). */
#include "trig.h"

#define M2 TYPE(T_MCONTROL)
#define MAXM MCTL_MASKMAX(MCTL_MASKMAX_VAL)

/* a0 = sizehi:sizelo of tdata1 value reg (clobbers a3). */
.macro SIZEOF reg
  srli a0, \reg, 16
  andi a3, a0, 3
  srli a0, a0, 5
  andi a0, a0, 3
  slli a0, a0, 2
  or a0, a0, a3
.endm

/* Program trigger 0 as an M-mode store trigger on buf with size hi:lo,
 * a0 = the size that reads back; every store is then run: none may fire
 * for sizes 8/9 (and 4, 6, 7: instructions only), all for 0. */
.macro TRY hi, lo
  la a2, buf
  TRIGR 0, M2 | MCTL_SIZEHI(\hi) | MCTL_SIZELO(\lo) | MCTL_TIMING | MC_M | MC_STORE, a2
  mv a4, a0
  SIZEOF a4
  li a3, 10
  bltu a0, a3, 1f             /* reserved 10..15 read back */
  GOFAIL
1:
  mv a5, a0                   /* a5 = size in effect */
  li a6, 0                    /* a6 = number of stores that fired */
  .irp st, sb, sh, sw, sd
  la tp, 2f
  \st zero, 0(a2)
  j 3f
2:
  addi a6, a6, 1
3:
  .endr
  /* size 0: all 4 fire; 1, 2, 3, 5: exactly one; 4, 6..9: none */
  li a3, 4
  beqz a5, 4f
  li a3, 1
  .irp sz, 1, 2, 3, 5
  li a1, \sz
  beq a5, a1, 4f
  .endr
  li a3, 0
4:
  mv a0, a6                   /* a report shows a0 = fired, s7 = expected */
  mv s7, a3
  CHECKR a0, s7
  csrw tdata1, zero
.endm

  .text
  .globl test_main
test_main:
#if XLEN == 64
  CASE 1
  TRY 2, 0                    /* 8: 112-bit */
  CASE 2
  TRY 2, 1                    /* 9: 128-bit */
  CASE 3
  TRY 2, 2                    /* 10: reserved */
  CASE 4
  TRY 2, 3
  CASE 5
  TRY 3, 0
  CASE 6
  TRY 3, 3
  CASE 7                      /* controls: 5 = 64-bit, 1 = 8-bit, 0 = any */
  TRY 1, 1
  CASE 8
  TRY 0, 1
  CASE 9
  TRY 0, 0
#endif
  PASS

  .data
  .align 4
buf: .space 16
