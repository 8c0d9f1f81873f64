/* x0 as the destination of every kind of instruction, in a hot loop (200
 * iterations): each would write a nonzero value (register, memory and
 * immediate operands are chosen so), x0 must read 0 afterwards, both in the
 * same block (s1 |= x0 after each) and through instructions a block
 * compiler hands to the interpreter (a CSR write of x0, read back). Side
 * effects other than the register write still happen: jumps jump, an AMO
 * to x0 updates memory, and a load to x0 from a bad address faults (case 2,
 * cause 5, every iteration). Compressed forms with rd = x0 are HINTs
 * (no-ops) and are included as .half words so they assemble as written:
 *   0x4015 c.li x0,5   0x6005 c.lui x0,1   0x802e c.mv x0,a1
 *   0x902e c.add x0,a1 0x0005 c.addi x0,1  0x0006 c.slli x0,1 */
#include "common.h"
#include "jit.h"

#define N 200

/* insn (rd = x0), then s1 |= x0. */
.macro Z insn:vararg
  \insn
  or s1, s1, zero
.endm

  .text
  .globl test_main
test_main:
  CASE 1
  la s0, buf
  li a1, 1000
  li a2, 7
  li a3, 1
  li a4, -3
  li s1, 0
  li s2, N
loop:
  Z add zero, a1, a2
  Z sub zero, a1, a2
  Z addi zero, a1, 123
  Z xori zero, a1, -1
  Z slli zero, a1, 3
  Z srai zero, a4, 1
  Z sltu zero, zero, a1
  Z slt zero, a4, a1
  Z lui zero, 0x12345
  Z auipc zero, 0x1
  Z jal zero, 1f
  GOFAIL
1:
  lla t0, 2f
  Z jalr zero, 0(t0)
  GOFAIL
2:
  Z lw zero, 0(s0)
  Z lh zero, 0(s0)
  Z lhu zero, 2(s0)
  Z lb zero, 3(s0)
  Z lbu zero, 1(s0)
  Z mul zero, a1, a2
  Z mulh zero, a4, a1
  Z mulhsu zero, a4, a1
  Z mulhu zero, a4, a4
  Z div zero, a1, a2
  Z divu zero, a4, a2
  Z rem zero, a1, a2
  Z remu zero, a4, a2
  Z div zero, a1, zero
  Z csrrs zero, mscratch, zero
  addi t0, s0, 8
  Z amoadd.w zero, a3, (t0)
  Z .half 0x4015
  Z .half 0x6005
  Z .half 0x802e
  Z .half 0x902e
  Z .half 0x0005
  Z .half 0x0006
#if __riscv_xlen == 64
  Z ld zero, 0(s0)
  Z lwu zero, 0(s0)
  Z addiw zero, a1, 5
  Z slliw zero, a1, 2
  Z addw zero, a1, a2
  Z subw zero, a1, a2
  Z sllw zero, a1, a2
  Z mulw zero, a1, a2
  Z divw zero, a1, a2
  Z divuw zero, a4, a2
  Z remw zero, a1, a2
  Z remuw zero, a4, a2
  Z amoadd.d zero, a3, (t0)
#endif
  /* x0 as a source, through the interpreter and through memory */
  csrw mscratch, a1
  csrrw t1, mscratch, zero
  csrr t2, mscratch
  or s1, s1, t2
  addi t3, zero, 0
  or s1, s1, t3
  SREG zero, 16(s0)
  LREG t4, 16(s0)
  or s1, s1, t4
  bnez zero, fail
  addi s2, s2, -1
  bnez s2, loop
  CHECK s1, 0
  CHECK x0, 0
  la s0, buf
  lw t0, 0(s0)
  CHECK t0, 0x7eadbeef        /* loads to x0 changed nothing */
  lw t0, 8(s0)
#if __riscv_xlen == 64
  CHECK t0, 2 * N             /* amoadd.w and amoadd.d, +1 each */
  lw t0, 12(s0)
  CHECK t0, 0                 /* no carry into the upper word */
#else
  CHECK t0, N
#endif

  CASE 2                      /* a load to x0 from address 0 faults */
  SKIP_ON (1 << CAUSE_LOAD_ACCESS)
  li s2, N
  li t0, 0
  li t1, 0
1:
  addi t1, t1, 1
  lw zero, 0(t0)
  addi t1, t1, 2
  addi s2, s2, -1
  bnez s2, 1b
  SKIP_OFF
  CHECK s5, N
  CHECK t1, 3 * N
  CHECK x0, 0
  PASS

  .data
  .align 3
buf:
  .word 0x7eadbeef
  .word 0
  .word 0, 0                  /* offset 8: the AMO counter */
  .word 0, 0                  /* offset 16 */
