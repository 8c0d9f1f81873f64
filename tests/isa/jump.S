/* jal and jalr: link values, forward/backward, jalr offsets and clearing of
 * target bit 0, rd == rs1, rd = x0, and 2-byte aligned targets (legal with
 * the C extension, so no instruction-address-misaligned trap). */
#include "common.h"

  .text
  .globl test_main
test_main:
  CASE 1                      /* jal links to the next instruction */
  jal ra, 1f
2:
  GOFAIL
1:
  la a0, 2b
  CHECKR ra, a0

  CASE 2                      /* backward jal, link in x31 */
  j 3f
4:
  j 5f
3:
  jal t6, 4b
6:
  GOFAIL
5:
  la a0, 6b
  CHECKR t6, a0

  CASE 3                      /* jal x0 writes nothing */
  jal x0, 1f
  GOFAIL
1:
  CHECK x0, 0

  CASE 4                      /* jalr: target and link */
  li a0, 0
  la a1, ret42
  jalr ra, 0(a1)
1:
  CHECK a0, 42
  la a2, 1b
  CHECKR ra, a2

  CASE 5                      /* negative and positive offsets */
  li a0, 0
  la a1, ret42 + 8
  jalr ra, -8(a1)
  CHECK a0, 42
  li a0, 0
  la a1, ret42 - 2000
  jalr ra, 2000(a1)
  CHECK a0, 42

  CASE 6                      /* bit 0 of the target is cleared */
  li a0, 0
  la a1, ret42
  addi a1, a1, 1
  jalr ra, 0(a1)
  CHECK a0, 42
  li a0, 0
  la a1, ret42
  jalr ra, 1(a1)
  CHECK a0, 42

  CASE 7                      /* rd == rs1: target uses the old value */
  li a0, 0
  la a1, ret43_a1
  jalr a1, 0(a1)
1:
  CHECK a0, 43
  la a2, 1b
  CHECKR a1, a2

  CASE 8                      /* jalr x0 (no link), link in x31 */
  la a1, 1f
  jalr x0, 0(a1)
  GOFAIL
1:
  CHECK x0, 0
  la a1, ret43_t6
  li a0, 0
  jalr t6, 0(a1)
1:
  CHECK a0, 43
  la a2, 1b
  CHECKR t6, a2

  CASE 9                      /* targets at 2 mod 4 via jal, jalr, branch */
  la a0, at_2mod4
  andi a0, a0, 3
  CHECK a0, 2
  li a0, 0
  jal ra, at_2mod4
  CHECK a0, 77
  li a0, 0
  la a1, at_2mod4
  jalr ra, 0(a1)
  CHECK a0, 77
  li a0, 0
  la ra, 1f
  beq x0, x0, at_2mod4
  GOFAIL
1:
  CHECK a0, 77
  PASS

ret42:
  li a0, 42
  jalr x0, 0(ra)
ret43_a1:
  li a0, 43
  jalr x0, 0(a1)
ret43_t6:
  li a0, 43
  jalr x0, 0(t6)

  ALIGN 4
  RVC c.nop                   /* puts the next 4-byte instruction at 2 mod 4 */
at_2mod4:
  li a0, 77
  jalr x0, 0(ra)
