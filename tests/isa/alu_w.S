/* RV64I word ops: addw subw sllw srlw sraw addiw slliw srliw sraiw.
 * They read only the low 32 bits of their sources and sign-extend the
 * 32-bit result to 64 bits; shift amounts use only 5 bits. RV64 only. */
#include "common.h"

/* a0 = op(a1, a2) */
.macro RRW n, op, exp, a, b
  CASE \n
  li a1, \a
  li a2, \b
  \op a0, a1, a2
  CHECK a0, \exp
  \op t6, a1, a2
  CHECK t6, \exp
  \op x0, a1, a2
  CHECK x0, 0
.endm

/* a0 = op(a1, imm) */
.macro RIW n, op, exp, a, imm
  CASE \n
  li a1, \a
  \op a0, a1, \imm
  CHECK a0, \exp
  \op a1, a1, \imm
  CHECK a1, \exp
  \op x0, a1, \imm
  CHECK x0, 0
.endm

  .text
  .globl test_main
test_main:
  RRW 1, addw, 3, 1, 2
  RRW 2, addw, -0x80000000, 0x7fffffff, 1
  RRW 3, addw, 3, 0x100000001, 0x200000002
  RRW 4, addw, -1, 0xffffffff, 0
  RRW 5, addw, 0, 0xffffffff, 1
  RRW 6, addw, 0x7fffffff, 0xffffffff80000000, -1

  RRW 10, subw, -1, 0, 1
  RRW 11, subw, 0x7fffffff, 0x80000000, 1
  RRW 12, subw, -0x80000000, 0x7fffffff, -1
  RRW 13, subw, 1, 0x500000003, 0x700000002
  RRW 14, subw, 0, 0xffffffff, -1

  RRW 20, sllw, -0x80000000, 1, 31
  RRW 21, sllw, 2, 1, 33               /* shamt is 5 bits */
  RRW 22, sllw, 0x10, 0xf00000001, 4   /* upper bits ignored */
  RRW 23, sllw, -16, -1, 4
  RRW 24, sllw, -0x80000000, 0x80000000, 0

  RRW 30, srlw, 0x7fffffff, -1, 1
  RRW 31, srlw, 1, 0x80000000, 31
  RRW 32, srlw, -0x80000000, 0x80000000, 0   /* shamt 0 still sign-extends */
  RRW 33, srlw, 0x08000000, 0xf80000000, 4
  RRW 34, srlw, 1, 0xffffffff, 63
  RRW 35, srlw, 0x7fffffff, 0xffffffff, 33

  RRW 40, sraw, -1, 0x80000000, 31
  RRW 41, sraw, 0, 0x7fffffff, 31
  RRW 42, sraw, -0x08000000, 0x80000000, 4
  RRW 43, sraw, 0x01234567, 0xf12345670, 4
  RRW 44, sraw, -1, 0xffffffff, 33
  RRW 45, sraw, -0x80000000, 0x80000000, 0

  RIW 50, addiw, -0x80000000, 0x7fffffff, 1
  RIW 51, addiw, -1, 0xffffffff, 0            /* sext.w */
  RIW 52, addiw, 0x23456789, 0x123456789, 0
  RIW 53, addiw, 0x7ffff800, -0x80000000, -2048
  RIW 54, addiw, 2047, 0, 2047
  RIW 55, addiw, 0, 0xffffffff00000001, -1

  RIW 60, slliw, -0x80000000, 1, 31
  RIW 61, slliw, 0x10, 0xf00000001, 4
  RIW 62, slliw, -0x80000000, 0x80000000, 0
  RIW 63, slliw, 0, 0x100000000, 1

  RIW 70, srliw, -1, -1, 0
  RIW 71, srliw, 1, -1, 31
  RIW 72, srliw, 0x7fffffff, 0xffffffff, 1
  RIW 73, srliw, 0x08000000, 0xf80000000, 4
  RIW 74, srliw, -0x80000000, 0x80000000, 0

  RIW 80, sraiw, -1, 0x80000000, 31
  RIW 81, sraiw, 0x7fffffff, 0xffffffff7fffffff, 0
  RIW 82, sraiw, -0x08000000, 0x80000000, 4
  RIW 83, sraiw, 0, 0x7fffffff, 31
  RIW 84, sraiw, 0x01234567, 0xf12345670, 4
  PASS
