/* Loads and stores of every width: lb lh lw lbu lhu (lwu ld on RV64) sign and
 * zero extension; sb sh sw (sd) write only their bytes, little-endian;
 * 12-bit offsets at both extremes; rd == base; x0 as rd and as data. */
#include "common.h"

/* a0 = op off(a1), a1 = label; a1 must survive. */
.macro LOAD n, op, exp, label, off
  CASE \n
  la a1, \label
  \op a0, \off(a1)
  CHECK a0, \exp
  la a2, \label
  CHECKR a1, a2
.endm

/* Fill the word at st_buf with -1, store val with op at st_buf+off, then
 * the word must read exp (its low 32 bits, on RV64). */
.macro STORE n, op, off, val, exp
  CASE \n
  la a1, st_buf
  li a2, -1
  sw a2, 0(a1)
  sw a2, 4(a1)
  li a2, \val
  \op a2, \off(a1)
  lw a0, 0(a1)
#if __riscv_xlen == 64
  slli a0, a0, 32
  srli a0, a0, 32
#endif
  CHECK a0, \exp
  lw a0, 4(a1)
  CHECK a0, -1
.endm

  .text
  .globl test_main
test_main:
  LOAD 1, lb, -128, bytes, 0
  LOAD 2, lb, 127, bytes, 1
  LOAD 3, lb, -1, bytes, 2
  LOAD 4, lb, 1, bytes, 3
  LOAD 5, lbu, 0x80, bytes, 0
  LOAD 6, lbu, 0x7f, bytes, 1
  LOAD 7, lbu, 0xff, bytes, 2

  LOAD 10, lh, -0x7fff, halves, 0
  LOAD 11, lh, 0x7fff, halves, 2
  LOAD 12, lh, -1, halves, 4
  LOAD 13, lhu, 0x8001, halves, 0
  LOAD 14, lhu, 0x7fff, halves, 2
  LOAD 15, lhu, 0xffff, halves, 4

  LOAD 20, lw, -0x7fffffff, words, 0
  LOAD 21, lw, 0x7fffffff, words, 4
  LOAD 22, lw, -0x21524111, words, 8      /* 0xdeadbeef */
  LOAD 23, lw, 0x7fffffff, words + 8, -4  /* negative offset */
#if __riscv_xlen == 64
  LOAD 24, lwu, 0x80000001, words, 0
  LOAD 25, lwu, 0xdeadbeef, words, 8
  LOAD 26, ld, 0x8000000000000001, dwords, 0
  LOAD 27, ld, 0x0123456789abcdef, dwords, 8
  LOAD 28, ld, 0x8000000000000001, dwords + 16, -16
#endif

  LOAD 30, lb, 0x5a, big + 2048, -2048    /* offset extremes */
  LOAD 31, lb, -0x5b, big + 2048, 2047
  LOAD 32, lbu, 0xa5, big + 2048, 2047

  CASE 33                     /* little-endian byte order */
  la a1, words + 8
  lbu a0, 0(a1)
  CHECK a0, 0xef
  lbu a0, 3(a1)
  CHECK a0, 0xde
  lhu a0, 2(a1)
  CHECK a0, 0xdead

  CASE 34                     /* rd == base */
  la a1, words + 4
  lw a1, 0(a1)
  CHECK a1, 0x7fffffff
  la t6, halves
  lh t6, 0(t6)
  CHECK t6, -0x7fff

  CASE 35                     /* x0 as destination */
  la a1, words
  lw x0, 0(a1)
  lb x0, 0(a1)
  lbu x0, 0(a1)
  lh x0, 0(a1)
  lhu x0, 0(a1)
  CHECK x0, 0

  STORE 40, sb, 0, 0x12, 0xffffff12
  STORE 41, sb, 1, 0xab, 0xffffabff
  STORE 42, sb, 3, 0x3400, 0x00ffffff   /* only the low byte */
  STORE 43, sh, 0, 0x1234, 0xffff1234
  STORE 44, sh, 2, 0xabcd1234, 0x1234ffff
  STORE 45, sw, 0, 0x12345678, 0x12345678
  STORE 46, sw, 0, 0x80000000, 0x80000000

  CASE 47                     /* negative offsets and x0 as data */
  la a1, st_buf + 8
  li a2, 0x1234
  sw a2, -8(a1)
  sh x0, -6(a1)
  sb x0, -5(a1)
  sw x0, -4(a1)
  la a1, st_buf
  lw a0, 0(a1)
  CHECK a0, 0x1234
  lw a0, 4(a1)
  CHECK a0, 0

  CASE 48                     /* store of the base register itself */
  la a1, st_buf
  SREG a1, 0(a1)
  LREG a0, 0(a1)
  CHECKR a0, a1

  CASE 49                     /* offset extremes */
  la a1, big + 2048
  li a2, 0x11
  sb a2, -2048(a1)
  li a2, 0x22
  sb a2, 2047(a1)
  la a1, big
  lbu a0, 0(a1)
  CHECK a0, 0x11
  li a2, 4095
  add a1, a1, a2
  lbu a0, 0(a1)
  CHECK a0, 0x22

#if __riscv_xlen == 64
  CASE 50                     /* sw stores only the low word */
  la a1, st_buf
  li a2, -1
  sd a2, 0(a1)
  li a2, 0x1122334455667788
  sw a2, 0(a1)
  ld a0, 0(a1)
  CHECK a0, 0xffffffff55667788

  CASE 51                     /* sd: all 8 bytes, little-endian */
  la a1, st_buf
  li a2, 0x0102030405060708
  sd a2, 0(a1)
  lwu a0, 4(a1)
  CHECK a0, 0x01020304
  lbu a0, 0(a1)
  CHECK a0, 0x08
  ld a0, 0(a1)
  CHECK a0, 0x0102030405060708
  sd x0, 0(a1)
  ld a0, 0(a1)
  CHECK a0, 0
  li a2, 0x8877665544332211
  sd a2, 16(a1)
  addi a1, a1, 24
  ld a0, -8(a1)
  CHECK a0, 0x8877665544332211

  CASE 52                     /* x0 as destination, RV64 loads */
  la a1, dwords
  ld x0, 0(a1)
  lwu x0, 0(a1)
  CHECK x0, 0
#endif
  PASS

  .data
  .align 3
bytes:  .byte 0x80, 0x7f, 0xff, 0x01
  .align 3
halves: .half 0x8001, 0x7fff, 0xffff
  .align 3
words:  .word 0x80000001, 0x7fffffff, 0xdeadbeef
  .align 3
dwords: .dword 0x8000000000000001, 0x0123456789abcdef
st_buf: .dword 0, 0, 0, 0
  .align 3
big:    .byte 0x5a
  .space 4094
  .byte 0xa5
