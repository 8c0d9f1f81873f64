/* C extension loads and stores: c.lw c.sw c.lwsp c.swsp (c.ld c.sd c.ldsp
 * c.sdsp on RV64), at offsets 0 and the largest encodable, with x8/x15 in
 * the 3-bit register fields and x1/x31 for the sp-relative forms. c.lw and
 * c.lwsp sign-extend on RV64. sp points at mem_buf while they run. */
#include "common.h"

  .text
  .globl test_main
test_main:
  mv s2, sp
  la sp, mem_buf

  CASE 1                      /* c.lw */
  la s0, mem_buf
  RVC c.lw a0, 0(s0)
  CHECK a0, -0x7fffffff
  addi a5, s0, 4
  RVC c.lw s0, 124(a5)
  CHECK s0, 0x7654321
  la a5, mem_buf
  RVC c.lw a5, 4(a5)
  CHECK a5, 0x7fffffff

  CASE 2                      /* c.sw: only its word, offsets 0 and 124 */
  la s0, st_buf
  li a5, 0x11223344
  RVC c.sw a5, 0(s0)
  lw a0, 0(s0)
  CHECK a0, 0x11223344
  lw a0, 4(s0)
  CHECK a0, -1
  la a5, st_buf
  li s0, 0x55667788
  RVC c.sw s0, 124(a5)
  lw a0, 124(a5)
  CHECK a0, 0x55667788
  lw a0, 120(a5)
  CHECK a0, -1

  CASE 3                      /* c.lwsp */
  RVC c.lwsp ra, 0(sp)
  CHECK ra, -0x7fffffff
  RVC c.lwsp t6, 252(sp)
  CHECK t6, 0x1badcafe
  RVC c.lwsp a0, 128(sp)
  CHECK a0, 0x7654321

  CASE 4                      /* c.swsp */
  la sp, st_buf
  li t6, 0x0a0b0c0d
  RVC c.swsp t6, 252(sp)
  li ra, 0x01020304
  RVC c.swsp ra, 0(sp)
  lw a0, 252(sp)
  CHECK a0, 0x0a0b0c0d
  lw a0, 0(sp)
  CHECK a0, 0x01020304
  lw a0, 248(sp)
  CHECK a0, -1

#if __riscv_xlen == 64
  CASE 5                      /* c.ld */
  la s0, mem_buf
  RVC c.ld a0, 0(s0)
  CHECK a0, 0x7fffffff80000001
  RVC c.ld a5, 248(s0)
  CHECK a5, 0x1badcafe8badf00d
  RVC c.ld s0, 8(s0)
  CHECK s0, 0x0123456789abcdef

  CASE 6                      /* c.sd */
  la s0, st_buf
  li a5, 0x1122334455667788
  RVC c.sd a5, 0(s0)
  ld a0, 0(s0)
  CHECK a0, 0x1122334455667788
  la a5, st_buf
  li s0, -2
  RVC c.sd s0, 248(a5)
  ld a0, 248(a5)
  CHECK a0, -2
  ld a0, 240(a5)
  CHECK a0, -1

  CASE 7                      /* c.ldsp */
  la sp, mem_buf
  RVC c.ldsp ra, 0(sp)
  CHECK ra, 0x7fffffff80000001
  RVC c.ldsp t6, 504(sp)
  CHECK t6, 0x0fedcba987654321

  CASE 8                      /* c.sdsp */
  la sp, st_buf
  li t6, 0x0102030405060708
  RVC c.sdsp t6, 504(sp)
  li ra, XMIN
  RVC c.sdsp ra, 0(sp)
  ld a0, 504(sp)
  CHECK a0, 0x0102030405060708
  ld a0, 0(sp)
  CHECK a0, XMIN
  ld a0, 496(sp)
  CHECK a0, -1
#endif
  mv sp, s2
  PASS

  .data
  .align 3
mem_buf:
  .word 0x80000001, 0x7fffffff, 0x89abcdef, 0x01234567
  .fill 28, 4, 0
  .word 0x7654321             /* +128 */
  .fill 29, 4, 0
  .word 0x8badf00d, 0x1badcafe        /* +248, +252 */
  .fill 62, 4, 0
  .dword 0x0fedcba987654321   /* +504 */
st_buf:
  .fill 128, 4, -1
