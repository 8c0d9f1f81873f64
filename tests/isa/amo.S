/* A extension AMOs: amoswap amoadd amoxor amoand amoor amomin amomax amominu
 * amomaxu, .w (and .d on RV64), each also in its .aq, .rl and .aqrl forms.
 * rd gets the old value (.w: sign-extended on RV64), memory the new one;
 * .w touches only its 4 bytes; min/max signedness; rd = x0, rd = rs2, rd = rs1. */
#include "common.h"

/* mem = init; a0 = insn(a2 = src, (a1)); a0 == old, mem == new.
 * w selects the width: w or d. The neighbouring word must survive. */
.macro AMO n, insn, w, init, src, old, new
  CASE \n
  la a1, amo_buf
  li a3, \init
  li a4, 0x5a5a5a5a
  .ifc \w, w
  sw a3, 0(a1)
  sw a4, 4(a1)
  .else
  sd a3, 0(a1)
  sd a4, 8(a1)
  .endif
  li a2, \src
  \insn a0, a2, (a1)
  CHECK a0, \old
  CHECK a2, \src
  .ifc \w, w
  lw a3, 0(a1)
  lw a4, 4(a1)
  .else
  ld a3, 0(a1)
  ld a4, 8(a1)
  .endif
  CHECK a3, \new
  CHECK a4, 0x5a5a5a5a
.endm

/* The same op in its four ordering forms (the values are for all). */
.macro AMO4 n, op, w, init, src, old, new
  AMO \n, \op, \w, \init, \src, \old, \new
  AMO \n + 1, \op\().aq, \w, \init, \src, \old, \new
  AMO \n + 2, \op\().rl, \w, \init, \src, \old, \new
  AMO \n + 3, \op\().aqrl, \w, \init, \src, \old, \new
.endm

  .text
  .globl test_main
test_main:
  AMO4 1, amoswap.w, w, 0x11111111, 0x22222222, 0x11111111, 0x22222222
  AMO 5, amoswap.w, w, -0x80000000, -1, -0x80000000, -1
  AMO4 10, amoadd.w, w, 0x7fffffff, 1, 0x7fffffff, -0x80000000
  AMO 14, amoadd.w, w, -1, 1, -1, 0
  AMO 15, amoadd.w, w, 0x12345678, 0x11111111, 0x12345678, 0x23456789
  AMO4 20, amoxor.w, w, -0xff0100, 0x0ff00ff0, -0xff0100, -0x0f0f0f10
  AMO4 25, amoand.w, w, -0xff0100, 0x0ff00ff0, -0xff0100, 0x0f000f00
  AMO4 30, amoor.w, w, -0xff0100, 0x0ff00ff0, -0xff0100, -0xf0010
  AMO4 35, amomin.w, w, -1, 1, -1, -1
  AMO 39, amomin.w, w, 1, -1, 1, -1
  AMO 40, amomin.w, w, 5, 3, 5, 3
  AMO4 45, amomax.w, w, -1, 1, -1, 1
  AMO 49, amomax.w, w, -0x80000000, 0x7fffffff, -0x80000000, 0x7fffffff
  AMO 50, amomax.w, w, 3, 5, 3, 5
  AMO4 55, amominu.w, w, -1, 1, -1, 1
  AMO 59, amominu.w, w, 1, -1, 1, 1
  AMO 60, amominu.w, w, 0x7fffffff, -0x80000000, 0x7fffffff, 0x7fffffff
  AMO4 65, amomaxu.w, w, -1, 1, -1, -1
  AMO 69, amomaxu.w, w, 0x7fffffff, -0x80000000, 0x7fffffff, -0x80000000
  AMO 70, amomaxu.w, w, 3, 5, 3, 5

  CASE 75                     /* rd = x0: memory still updated */
  la a1, amo_buf
  li a2, 40
  sw a2, 0(a1)
  li a2, 2
  amoadd.w x0, a2, (a1)
  CHECK x0, 0
  lw a0, 0(a1)
  CHECK a0, 42

  CASE 76                     /* rd = rs2: rd gets old, memory old rs2 */
  la a1, amo_buf
  li a2, 7
  sw a2, 0(a1)
  li a2, 9
  amoswap.w a2, a2, (a1)
  CHECK a2, 7
  lw a0, 0(a1)
  CHECK a0, 9

  CASE 77                     /* rd = rs1: address register overwritten */
  la a1, amo_buf
  li a2, 100
  sw a2, 0(a1)
  li a2, 5
  amoadd.w a1, a2, (a1)
  CHECK a1, 100
  la a1, amo_buf
  lw a0, 0(a1)
  CHECK a0, 105

#if __riscv_xlen == 64
  /* .w on RV64 uses only the low 32 bits of rs2 */
  AMO 80, amomin.w, w, 1, 0xffffffff, 1, -1
  AMO 81, amominu.w, w, 5, 0x100000000, 5, 0
  AMO 82, amoadd.w, w, 1, 0xf00000001, 1, 2

  AMO4 100, amoswap.d, d, 0x1111111122222222, 0x3333333344444444, 0x1111111122222222, 0x3333333344444444
  AMO4 105, amoadd.d, d, XMAX, 1, XMAX, XMIN
  AMO 109, amoadd.d, d, 0xffffffff, 1, 0xffffffff, 0x100000000
  AMO4 110, amoxor.d, d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0
  AMO4 115, amoand.d, d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0x0f000f000f000f00
  AMO4 120, amoor.d, d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xfff0fff0fff0fff0
  AMO4 125, amomin.d, d, -1, 1, -1, -1
  AMO 129, amomin.d, d, XMIN, XMAX, XMIN, XMIN
  AMO 130, amomin.d, d, 0x100000000, 0xffffffff, 0x100000000, 0xffffffff
  AMO4 135, amomax.d, d, -1, 1, -1, 1
  AMO 139, amomax.d, d, 0xffffffff, 0x100000000, 0xffffffff, 0x100000000
  AMO4 145, amominu.d, d, -1, 1, -1, 1
  AMO 149, amominu.d, d, XMIN, XMAX, XMIN, XMAX
  AMO4 155, amomaxu.d, d, -1, 1, -1, -1
  AMO 159, amomaxu.d, d, XMIN, XMAX, XMIN, XMIN

  CASE 160                    /* rd = x0 and rd = rs2, .d */
  la a1, amo_buf
  li a2, 40
  sd a2, 0(a1)
  li a2, 2
  amoadd.d x0, a2, (a1)
  CHECK x0, 0
  ld a0, 0(a1)
  CHECK a0, 42
  li a2, -9
  amoswap.d a2, a2, (a1)
  CHECK a2, 42
  ld a0, 0(a1)
  CHECK a0, -9
#endif
  PASS

  .data
  .align 3
amo_buf: .dword 0, 0
