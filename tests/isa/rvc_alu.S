/* C extension integer ops, each written explicitly (RVC) so it assembles
 * compressed: c.li c.lui c.addi c.addiw c.addi16sp c.addi4spn c.slli c.srli
 * c.srai c.andi c.mv c.add c.sub c.xor c.or c.and c.subw c.addw. Registers
 * from both ends of each class: x8/x15 (s0/a5) for the 3-bit fields,
 * x1/x31 (ra/t6) for the full ones. Immediates at their extremes; HINT
 * encodings (rd = x0) are no-ops. */
#include "common.h"

/* rd = value; RVC insn; rd must be exp. */
.macro C1 n, rd, val, exp, insn:vararg
  CASE \n
  li \rd, \val
  RVC \insn
  CHECK \rd, \exp
.endm

/* rd = a, rs2 = b; RVC insn; rd == exp and rs2 unchanged. */
.macro C2 n, rd, a, rs2, b, exp, insn:vararg
  CASE \n
  li \rd, \a
  li \rs2, \b
  RVC \insn
  CHECK \rd, \exp
  CHECK \rs2, \b
.endm

  .text
  .globl test_main
test_main:
  C1 1, a0, 0, -32, c.li a0, -32
  C1 2, t6, 0, 31, c.li t6, 31
  C1 3, s0, 7, 0, c.li s0, 0
  C1 4, ra, 0, -1, c.li ra, -1

  C1 10, a0, 0, 0x1000, c.lui a0, 1
  C1 11, t6, 0, -0x20000, c.lui t6, 0xfffe0     /* nzimm[17] sign-extends */
  C1 12, s0, 0, 0x1f000, c.lui s0, 0x1f
  C1 13, ra, 0, -0x1000, c.lui ra, 0xfffff

  C1 20, a0, 5, 6, c.addi a0, 1
  C1 21, t6, 5, -27, c.addi t6, -32
  C1 22, s1, -1, 30, c.addi s1, 31
  C1 23, ra, XMAX, XMIN, c.addi ra, 1

  C1 30, t6, 1, XMIN, c.slli t6, __riscv_xlen - 1
  C1 31, ra, 0x1234, 0x2468, c.slli ra, 1
  C1 32, s0, -1, XL(0x80000000, 0xffffffff80000000), c.slli s0, 31
  C1 33, a5, 3, 0x18, c.slli a5, 3

  C1 40, s0, -1, 1, c.srli s0, __riscv_xlen - 1
  C1 41, a5, -1, XMAX, c.srli a5, 1
  C1 42, a0, XMIN, XL(1, 0x100000000), c.srli a0, 31
  C1 50, s0, XMIN, -1, c.srai s0, __riscv_xlen - 1
  C1 51, a5, -16, -4, c.srai a5, 2
  C1 52, a0, XMAX, 0, c.srai a0, __riscv_xlen - 1

  C1 60, s0, 0x12345, 0x12340, c.andi s0, -32    /* sign-extended mask */
  C1 61, a5, -1, 31, c.andi a5, 31
  C1 62, a0, XMIN + 5, XMIN + 4, c.andi a0, -2
  C1 63, s1, 0x1234, 0, c.andi s1, 0

  C2 70, t6, 0, a0, 0x1234, 0x1234, c.mv t6, a0
  C2 71, ra, 0, s0, -1, -1, c.mv ra, s0
  C2 72, a5, 0, t6, XMIN, XMIN, c.mv a5, t6

  C2 80, t6, 3, s2, 4, 7, c.add t6, s2
  C2 81, ra, XMAX, a5, 1, XMIN, c.add ra, a5
  C2 82, s0, -5, ra, 2, -3, c.add s0, ra

  C2 90, s0, 10, a5, 3, 7, c.sub s0, a5
  C2 91, a5, 0, s0, 1, -1, c.sub a5, s0
  C2 92, a0, XMIN, a1, 1, XMAX, c.sub a0, a1
  C2 100, s0, 0xff00, a5, 0x0ff0, 0xf0f0, c.xor s0, a5
  C2 101, a5, -1, s0, 0x1234, ~0x1234, c.xor a5, s0
  C2 110, s0, 0xff00, a5, 0x0ff0, 0xfff0, c.or s0, a5
  C2 111, a5, XMIN, s1, 1, XMIN + 1, c.or a5, s1
  C2 120, s0, 0xff00, a5, 0x0ff0, 0x0f00, c.and s0, a5
  C2 121, a5, -1, s0, XMIN, XMIN, c.and a5, s0

  CASE 130                    /* c.addi16sp: sp += nzimm (multiple of 16) */
  mv s2, sp
  RVC c.addi16sp sp, -512
  sub a0, sp, s2
  CHECK a0, -512
  RVC c.addi16sp sp, 496
  sub a0, sp, s2
  CHECK a0, -16
  RVC c.addi16sp sp, 16
  CHECKR sp, s2

  CASE 131                    /* c.addi4spn: rd' = sp + nzuimm */
  RVC c.addi4spn s0, sp, 4
  sub a0, s0, sp
  CHECK a0, 4
  RVC c.addi4spn a5, sp, 1020
  sub a0, a5, sp
  CHECK a0, 1020

  CASE 132                    /* HINTs (rd = x0, or c.addi with 0): no-ops */
  li a0, 7
  RVC c.li x0, 5
  RVC c.mv x0, a0
  RVC c.add x0, a0
  RVC c.slli x0, 1
  RVC c.addi a0, 0
  RVC c.lui x0, 1
  RVC c.nop 3
  CHECK a0, 7
  CHECK x0, 0

#if __riscv_xlen == 64
  C1 140, a0, 0x7fffffff, -0x80000000, c.addiw a0, 1
  C1 141, t6, 0x1ffffffff, -1, c.addiw t6, 0     /* sext.w */
  C1 142, ra, 0, -32, c.addiw ra, -32
  C1 143, s0, 0x100000000, 31, c.addiw s0, 31
  C2 150, s0, 0x7fffffff, a5, 1, -0x80000000, c.addw s0, a5
  C2 151, a5, 0x100000001, s0, 0x200000002, 3, c.addw a5, s0
  C2 160, s0, 0x80000000, a5, 1, 0x7fffffff, c.subw s0, a5
  C2 161, a5, 0, s0, 1, -1, c.subw a5, s0
  C2 162, a0, 0x500000007, s1, 0x100000002, 5, c.subw a0, s1
#endif
  PASS
