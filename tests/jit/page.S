/* Hot code across 4 KiB page boundaries. Fragment 1: a loop whose body
 * runs from page offset 0xfe8 of one page into the next, with a 4-byte
 * instruction straddling the boundary (at 0xffe, after a compressed one)
 * and the loop branch going back to the previous page. Then, without
 * fence.i: the straddling instruction's upper half (on the second page)
 * and lower half (on the first) are rewritten, and an instruction wholly on
 * the second page of a block that starts on the first. Fragment 2: a
 * block that ends with a branch in the last slot of a page, falling
 * through to offset 0 of the next page or jumping to offset 0x800 of it,
 * the loop branch back to the first page; then its fall-through target is
 * rewritten. Offsets are checked at run time, so a layout change fails.
 *
 * Encodings (I-type addi: imm = bits 31:20, rs1 = 19:15, rd = 11:7):
 *   upper halfword = imm << 4 | rs1[4:1]; lower = rs1[0] << 15 | rd << 7 | 0x13
 *   addi a6,a6,7 (x16): upper 0x0078, lower 0x0813; rd = a7 (x17): 0x0893
 *   addi a7,a7,8 (x17): upper 0x0088;  imm 9: 0x0098
 *   addi a1,a1,1 (x11): upper 0x0015;  imm 2: 0x0025 */
#include "common.h"
#include "jit.h"

.macro ZERO_REGS
  li a0, 0
  li a1, 0
  li a2, 0
  li a3, 0
  li a4, 0
  li a5, 0
  li a6, 0
  li a7, 0
.endm

  .text
  .globl test_main
test_main:
  CASE 1                      /* the layout this test relies on */
  CHECK_PAGEOFF f1_top, 0xfe8
  CHECK_PAGEOFF f1_straddle, 0xffe
  CHECK_PAGEOFF f1_p1, 0x002
  CHECK_PAGEOFF f2_branch, 0xffc
  CHECK_PAGEOFF f2_next, 0x000
  CHECK_PAGEOFF f2_far, 0x800
  la t0, f1_straddle + 2      /* the two halves are on different pages */
  la t1, f1_straddle
  srli t0, t0, 12
  srli t1, t1, 12
  sub t0, t0, t1
  CHECK t0, 1

  CASE 2                      /* fragment 1, 300 iterations */
  ZERO_REGS
  li s2, 300
  call f1_top
  CHECK a0, 300
  CHECK a1, 600
  CHECK a2, 900
  CHECK a3, 1200
  CHECK a4, 1500
  CHECK a5, 300
  CHECK a6, 2100
  CHECK a7, 2400

  CASE 3                      /* straddler's upper half: addi a6,a6,100 */
  CHECK16 f1_straddle+2, 0x0078
  PATCH16 f1_straddle+2, 0x0648
  ZERO_REGS
  li s2, 300
  call f1_top
  CHECK a0, 300
  CHECK a5, 300
  CHECK a6, 30000
  CHECK a7, 2400

  CASE 4                      /* lower half: addi a7,a6,100 (a6 stays 0) */
  CHECK16 f1_straddle, 0x0813
  PATCH16 f1_straddle, 0x0893
  ZERO_REGS
  li s2, 300
  call f1_top
  CHECK a0, 300
  CHECK a6, 0
  CHECK a7, 108               /* each iteration: a7 = 0 + 100, then + 8 */
  CHECK a4, 1500

  CASE 5                      /* back to addi a6,a6,7; page 2: addi a7,a7,9 */
  PATCH16 f1_straddle, 0x0813
  PATCH16 f1_straddle+2, 0x0078
  CHECK16 f1_p1+2, 0x0088
  PATCH16 f1_p1+2, 0x0098
  ZERO_REGS
  li s2, 300
  call f1_top
  CHECK a0, 300
  CHECK a5, 300
  CHECK a6, 2100
  CHECK a7, 2700

  CASE 6                      /* fragment 2: s2 = 400..1, 100 multiples of 4 */
  ZERO_REGS
  li s2, 400
  call f2_top
  CHECK a0, 400
  CHECK a1, 300
  CHECK a2, 100

  CASE 7                      /* its fall-through target: addi a1,a1,2 */
  CHECK16 f2_next+2, 0x0015
  PATCH16 f2_next+2, 0x0025
  ZERO_REGS
  li s2, 400
  call f2_top
  CHECK a0, 400
  CHECK a1, 600
  CHECK a2, 100
  PASS

/* Fragment 1 (pages P0, P1). */
  ALIGN 4096
f1_p0:
  .org f1_p0 + 0xfe8
f1_top:
  addi a0, a0, 1              /* 0xfe8 */
  addi a1, a1, 2              /* 0xfec */
  addi a2, a2, 3              /* 0xff0 */
  addi a3, a3, 4              /* 0xff4 */
  addi a4, a4, 5              /* 0xff8 */
  RVC c.addi a5, 1            /* 0xffc */
f1_straddle:
  addi a6, a6, 7              /* 0xffe .. P1 + 0x001 */
f1_p1:
  addi a7, a7, 8              /* P1 + 0x002 */
  addi s2, s2, -1
  bnez s2, f1_top             /* back to P0 */
  ret

/* Fragment 2 (pages P2, P3). */
  ALIGN 4096
f2_p2:
  .org f2_p2 + 0xff4
f2_top:
  addi a0, a0, 1              /* 0xff4 */
  andi t0, s2, 3              /* 0xff8 */
f2_branch:
  beqz t0, f2_far             /* 0xffc: the last slot of P2 */
f2_next:
  addi a1, a1, 1              /* P3 + 0 */
  j f2_join
  .org f2_p2 + 0x1800
f2_far:
  addi a2, a2, 1              /* P3 + 0x800 */
f2_join:
  addi s2, s2, -1
  bnez s2, f2_top             /* back to P2 */
  ret
  ALIGN 4096
