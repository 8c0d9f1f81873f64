/* LR/SC: lr.w/sc.w (and lr.d/sc.d on RV64), all ordering forms. Success
 * writes 0 and stores; failure writes 1 (what QEMU writes; the spec says
 * nonzero, 1 being the only defined failure code) and does not store.
 * Failure paths: sc with no reservation (a reservation is used up by any
 * sc), and sc to another address than the lr (4 KiB away, so outside any
 * plausible reservation set). */
#include "common.h"

/* lr then sc on the same word must succeed. */
.macro LRSC_OK n, lr, sc, ld, sd, init, new
  CASE \n
  la a1, lr_buf
  li a2, \init
  \sd a2, 0(a1)
  \lr a0, (a1)
  CHECK a0, \init
  li a3, \new
  \sc a4, a3, (a1)
  CHECK a4, 0
  \ld a0, 0(a1)
  CHECK a0, \new
.endm

/* sc with no reservation fails: rd = 1, memory unchanged. */
.macro SC_NORES n, sc, ld, sd
  CASE \n
  la a1, lr_buf
  li a2, 0x1234
  \sd a2, 0(a1)
  li a3, 0x5678
  \sc a4, a3, (a1)
  CHECK a4, 1
  \ld a0, 0(a1)
  CHECK a0, 0x1234
.endm

/* lr at lr_buf, sc at lr_far: fails, and the far word is unchanged. */
.macro SC_OTHER n, lr, sc, ld, sd
  CASE \n
  la a1, lr_buf
  la a5, lr_far
  li a2, 0x1111
  \sd a2, 0(a1)
  li a2, 0x2222
  \sd a2, 0(a5)
  \lr a0, (a1)
  li a3, 0x3333
  \sc a4, a3, (a5)
  CHECK a4, 1
  \ld a0, 0(a5)
  CHECK a0, 0x2222
  \ld a0, 0(a1)
  CHECK a0, 0x1111
.endm

  .text
  .globl test_main
test_main:
  SC_NORES 1, sc.w, lw, sw     /* nothing reserved since reset */
  LRSC_OK 2, lr.w, sc.w, lw, sw, 0x11111111, 0x22222222
  LRSC_OK 3, lr.w, sc.w, lw, sw, -0x80000000, 5   /* lr.w sign-extends */
  LRSC_OK 4, lr.w.aq, sc.w.rl, lw, sw, 7, 8
  LRSC_OK 5, lr.w.aqrl, sc.w.aqrl, lw, sw, 9, 10
  LRSC_OK 6, lr.w.rl, sc.w.aq, lw, sw, 11, 12
  SC_NORES 7, sc.w, lw, sw     /* the success above used the reservation */
  SC_OTHER 8, lr.w, sc.w, lw, sw
  SC_NORES 9, sc.w, lw, sw     /* and so did the failed sc */
  SC_NORES 10, sc.w.aqrl, lw, sw

  CASE 11                      /* sc rd == rs2 */
  la a1, lr_buf
  lr.w a0, (a1)
  li a2, 77
  sc.w a2, a2, (a1)
  CHECK a2, 0
  lw a0, 0(a1)
  CHECK a0, 77

  CASE 12                      /* atomic increment loop */
  la a1, lr_buf
  li a2, 41
  sw a2, 0(a1)
1:
  lr.w a0, (a1)
  addi a0, a0, 1
  sc.w a3, a0, (a1)
  bnez a3, 1b
  lw a0, 0(a1)
  CHECK a0, 42

#if __riscv_xlen == 64
  CASE 13                      /* sc.w stores 4 bytes only */
  la a1, lr_buf
  li a2, -1
  sd a2, 0(a1)
  lr.w a0, (a1)
  CHECK a0, -1
  sc.w a3, x0, (a1)
  CHECK a3, 0
  ld a0, 0(a1)
  CHECK a0, 0xffffffff00000000

  SC_NORES 20, sc.d, ld, sd
  LRSC_OK 21, lr.d, sc.d, ld, sd, 0x123456789abcdef0, XMIN
  LRSC_OK 22, lr.d.aq, sc.d.rl, ld, sd, XMIN, 1
  LRSC_OK 23, lr.d.aqrl, sc.d.aqrl, ld, sd, -1, 2
  LRSC_OK 24, lr.d.rl, sc.d.aq, ld, sd, 3, 4
  SC_NORES 25, sc.d, ld, sd
  SC_OTHER 26, lr.d, sc.d, ld, sd
  SC_NORES 27, sc.d.aq, ld, sd
#endif
  PASS

  .data
  .align 12
lr_buf: .dword 0
  .align 12
lr_far: .dword 0
