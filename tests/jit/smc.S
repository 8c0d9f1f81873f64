/* Self-modifying code under a block compiler. Code is made hot (run many
 * times, so it is compiled), then rewritten by stores, and must run the new
 * instructions: a function patched from outside (with and without fence.i,
 * word, halfword and byte stores), a store that rewrites the next
 * instruction of its own straight-line block (with and without fence.i),
 * one 4-byte instruction swapped with two compressed ones, a store that
 * rewrites an earlier instruction of its own block, data stored next to
 * hot code, a page written before its code ran for the first time, and
 * a long block patched from outside on a page stored to many times, and
 * an AMO that rewrites the next instruction of its own block.
 * docs/design.md: a store to a page with decoded code resets the slots it
 * overlaps, so "fence.i has nothing left to do": the new instruction runs
 * even without fence.i, which the cases without it rely on.
 *
 * Encodings used for patching (RISC-V I-type: imm[11:0] = bits 31:20,
 * rs1 = 19:15, funct3 = 14:12, rd = 11:7, opcode 6:0; addi = 0x13):
 *   addi a0,a0,imm  upper halfword = imm << 4 | rs1[4:1] (a0 = x10: 5)
 *   byte 3 of an I-type = imm[11:4]. */
#include "common.h"
#include "jit.h"

  .text
  .globl test_main
test_main:
  CASE 1                      /* hot function, patched with fence.i */
  li a0, 0
  li s2, 200
1:
  call smc_blk
  addi s2, s2, -1
  bnez s2, 1b
  CHECK a0, 3200              /* 200 * (1+2+1+4+8) */
  CHECK16 smc_mid+2, 0x0015   /* addi a0,a0,1: 1 << 4 | 5 */
  PATCH32 smc_mid, tmpl_add100
  fence.i
  call smc_blk
  CHECK a0, 3315              /* + 1+2+100+4+8 */
  li s2, 200
1:
  call smc_blk
  addi s2, s2, -1
  bnez s2, 1b
  CHECK a0, 26315             /* + 200 * 115 */

  CASE 2                      /* byte store into the immediate, no fence.i */
  la a1, smc_mid
  li a2, 0x10
  sb a2, 3(a1)                /* imm 0x064 -> 0x104 = 260 */
  li a0, 0
  call smc_blk
  CHECK a0, 275               /* 1+2+260+4+8 */
  li s2, 200
1:
  call smc_blk
  addi s2, s2, -1
  bnez s2, 1b
  CHECK a0, 55275             /* + 200 * 275 */

  CASE 3                      /* halfword store (the immediate), no fence.i */
  PATCH16 smc_mid+2, 0xfff5   /* addi a0,a0,-1 */
  li a0, 0
  call smc_blk
  CHECK a0, 14                /* 1+2-1+4+8 */
  li s2, 200
1:
  call smc_blk
  addi s2, s2, -1
  bnez s2, 1b
  CHECK a0, 2814              /* + 200 * 14 */

  /* Cases 4-6: a branch-free loop body (one straight-line block) stores
   * tmpl_pair[s2 & 1] over an instruction of that same block. s2 counts
   * 150..1: 75 odd values (the second template) and 75 even ones. */
  CASE 4                      /* the next instruction, no fence.i */
  la a1, 3f
  la a2, tmpl_pair
  li a0, 0
  li s2, 150
2:
  andi t0, s2, 1
  slli t0, t0, 2
  add t1, a2, t0
  lw t2, 0(t1)
  sw t2, 0(a1)
3:
  addi a0, a0, 1              /* becomes +1 (s2 even) or +100 (s2 odd) */
  addi s2, s2, -1
  bnez s2, 2b
  CHECK a0, 7575              /* 75 * 100 + 75 * 1 */

  CASE 5                      /* the same with fence.i between */
  la a1, 3f
  la a2, tmpl_pair
  li a0, 0
  li s2, 150
2:
  andi t0, s2, 1
  slli t0, t0, 2
  add t1, a2, t0
  lw t2, 0(t1)
  sw t2, 0(a1)
  fence.i
3:
  addi a0, a0, 1
  addi s2, s2, -1
  bnez s2, 2b
  CHECK a0, 7575

  CASE 6                      /* one 4-byte insn <-> two compressed ones */
  la a1, 3f
  la a2, tmpl_split
  li a0, 0
  li s2, 150
2:
  andi t0, s2, 1
  slli t0, t0, 2
  add t1, a2, t0
  lw t2, 0(t1)
  sw t2, 0(a1)
3:
  addi a0, a0, 1              /* +1 (even) or c.addi 3; c.addi 5 (odd) */
  addi s2, s2, -1
  bnez s2, 2b
  CHECK a0, 675               /* 75 * 8 + 75 * 1 */

  CASE 7                      /* an earlier instruction of the same block:
                               * the next iteration runs what this one wrote */
  la a1, 3f
  la a2, tmpl_pair
  li a0, 0
  li s2, 150
3:
  addi a0, a0, 1              /* s2 = 150: this original +1; s2 = k < 150:
                               * written at k+1, so +100 iff k is even */
  andi t0, s2, 1
  slli t0, t0, 2
  add t1, a2, t0
  lw t2, 0(t1)
  sw t2, 0(a1)
  addi s2, s2, -1
  bnez s2, 3b
  CHECK a0, 7476              /* 1 + 74 * 100 (k = 148..2) + 75 (k = 149..1) */

  CASE 8                      /* data in a code page, right after a hot loop */
  la a1, smc_word
  sw zero, 0(a1)
  li s2, 200
1:
  lw t0, 0(a1)
  addi t0, t0, 3
  sw t0, 0(a1)
  addi s2, s2, -1
  bnez s2, 1b
  j 2f
smc_word: .word 0
2:
  lw t0, 0(a1)
  CHECK t0, 600

  CASE 9                      /* a page stored to before its code first ran */
  la a1, fresh_data
  li t0, 0x77
  sw t0, 0(a1)                /* the page is data only so far */
  li a0, 0
  li s2, 200
1:
  call fresh_fn
  addi s2, s2, -1
  bnez s2, 1b
  CHECK a0, 200
  PATCH16 fresh_fn+2, 0x0645  /* addi a0,a0,100: 100 << 4 | 5; no fence.i */
  call fresh_fn
  CHECK a0, 300
  la a1, fresh_data
  lw t0, 0(a1)
  CHECK t0, 0x77

  CASE 10                     /* a page that code runs on and is stored to
                               * again and again (machine_ram_written then
                               * invalidates by the bytes stored, not the
                               * whole page): a store 180 bytes into a
                               * 48-instruction block, from outside it */
  li s2, 12
1:
  li a0, 0
  call long_blk
  la a1, long_data
  sw s2, 0(a1)
  addi s2, s2, -1
  bnez s2, 1b
  CHECK a0, 48
  li a0, 0
  li s2, 200
1:
  call long_blk
  addi s2, s2, -1
  bnez s2, 1b
  CHECK a0, 9600              /* 200 * 48 */
  CHECK16 long_mid+2, 0x0015
  PATCH16 long_mid+2, 0x0645  /* addi a0,a0,100; no fence.i */
  li a0, 0
  call long_blk
  CHECK a0, 147               /* 47 + 100 */
  li s2, 200
1:
  call long_blk
  addi s2, s2, -1
  bnez s2, 1b
  CHECK a0, 29547             /* + 200 * 147 */

  CASE 11                     /* case 4 with an AMO as the store: compiled
                               * code runs AMOs through the interpreter's
                               * handler, and its block must still see the
                               * instruction it rewrote */
  la a1, 3f
  la a2, tmpl_pair
  li a0, 0
  li s2, 150
  .balign 4
2:
  andi t0, s2, 1
  slli t0, t0, 2
  add t1, a2, t0
  lw t2, 0(t1)
  amoswap.w zero, t2, (a1)
  .balign 4                   /* amoswap needs an aligned word */
3:
  addi a0, a0, 1              /* becomes +1 (s2 even) or +100 (s2 odd) */
  addi s2, s2, -1
  bnez s2, 2b
  CHECK a0, 7575              /* 75 * 100 + 75 * 1 */
  PASS

smc_blk:
  addi a0, a0, 1
  addi a0, a0, 2
smc_mid:
  addi a0, a0, 1              /* patched by cases 1-3 */
  addi a0, a0, 4
  addi a0, a0, 8
  ret

  ALIGN 4096                  /* a page of its own, not executed before case 9 */
fresh_fn:
  addi a0, a0, 1
  ret
fresh_data: .word 0
  ALIGN 4096
long_blk:                     /* a page of its own too */
  .rept 45
  addi a0, a0, 1
  .endr
long_mid:                     /* offset 180 */
  addi a0, a0, 1
  addi a0, a0, 1
  addi a0, a0, 1
  ret
long_data: .word 0
  ALIGN 4096

  .section .rodata
  .align 2
tmpl_add100: addi a0, a0, 100
tmpl_pair:   addi a0, a0, 1       /* [0]: s2 even */
             addi a0, a0, 100     /* [4]: s2 odd */
tmpl_split:  addi a0, a0, 1
             RVC c.addi a0, 3
             RVC c.addi a0, 5
