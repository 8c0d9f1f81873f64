/* Zifencei: code rewritten in RAM, then fence.i, then executed, must run
 * the new instruction: in a function executed (and so possibly cached)
 * many times before, a compressed instruction, and an instruction just
 * ahead of the pc in the same straight-line block. Also fence forms. */
#include "common.h"

/* Copy the 4-byte instruction at tmpl over the one at dst. */
.macro PATCH32 dst, tmpl
  la a1, \dst
  la a2, \tmpl
  lw a3, 0(a2)
  sw a3, 0(a1)
.endm

  .text
  .globl test_main
test_main:
  CASE 1                      /* warm the function up, patch, re-run */
  li s2, 1000
1:
  call smc_fn
  addi s2, s2, -1
  bnez s2, 1b
  CHECK a0, 1
  PATCH32 smc_fn, tmpl_42
  fence.i
  call smc_fn
  CHECK a0, 42
  PATCH32 smc_fn, tmpl_43     /* and again */
  fence.i
  call smc_fn
  CHECK a0, 43

  CASE 2                      /* a compressed instruction */
  call smc_c
  CHECK a0, 5
  la a1, smc_c
  la a2, tmpl_c9
  lhu a3, 0(a2)
  sh a3, 0(a1)
  fence.i
  call smc_c
  CHECK a0, 9

  CASE 3                      /* the next instructions of this very block */
  li s2, 2
2:
  PATCH32 3f, tmpl_42
  fence.i
3:
  li a0, 1
  CHECK a0, 42
  PATCH32 3b, tmpl_li1        /* put it back, and do it all again */
  fence.i
  addi s2, s2, -1
  bnez s2, 2b

  CASE 4                      /* fence forms execute as no-ops here */
  li a0, 3
  fence
  fence rw, rw
  fence iorw, iorw
  fence r, w
  fence.tso
  fence.i
  CHECK a0, 3
  PASS

smc_fn:
  li a0, 1
  ret
smc_c:
  RVC c.li a0, 5
  ret

  .section .rodata
  .align 2
tmpl_42: li a0, 42
tmpl_43: li a0, 43
tmpl_li1: li a0, 1
tmpl_c9: RVC c.li a0, 9
