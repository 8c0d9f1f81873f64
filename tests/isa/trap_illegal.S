/* Illegal-instruction traps (cause 2) with mtval = the instruction's bits
 * (zero-extended; 16 bits for a compressed one), mepc = the instruction:
 * the all-zero word, all-ones, custom-0, unassigned funct7, FP with
 * mstatus.FS = Off, reserved compressed encodings, an unknown CSR, writes
 * to read-only CSRs, dret outside debug mode, RV64-only encodings on RV32. */
#include "common.h"

/* insn traps as illegal; mtval must be its 32 bits. */
.macro ILL32 n, insn:vararg
  CASE \n
  TRAP CAUSE_ILLEGAL, \insn
  lhu a0, 0(s9)
  lhu a1, 2(s9)
  slli a1, a1, 16
  or a0, a0, a1
#if __riscv_xlen == 64
  slli a0, a0, 32
  srli a0, a0, 32
#endif
  CHECKR s10, a0
.endm

/* The 16-bit word h must trap as illegal with mtval = h. */
.macro ILL16 n, h
  CASE \n
  TRAP_TVAL CAUSE_ILLEGAL, \h, .half \h
.endm

  .text
  .globl test_main
test_main:
  CASE 1                      /* all zero: the compressed 0x0000 */
  TRAP_TVAL CAUSE_ILLEGAL, 0, .word 0
  ILL32 2, .word 0xffffffff
  ILL32 3, .word 0x0000000b   /* custom-0 */
  ILL32 4, .word 0x20000033   /* OP with funct7 0x10 */
  ILL32 5, .word 0x00000053   /* fadd.s: no F, or FS = Off */
  ILL32 6, csrr a0, 0x0ff     /* unassigned CSR */
  ILL32 7, csrw mhartid, a0
  ILL32 8, csrw cycle, a0
  ILL32 9, csrwi mvendorid, 1
  ILL32 10, .word 0x7b200073  /* dret, not in debug mode */
  ILL32 11, .word 0x00008073  /* ecall with rs1 != 0 */
  ILL16 20, 0x0004            /* c.addi4spn with imm 0 */
  ILL16 21, 0x4002            /* c.lwsp x0 */
  ILL16 22, 0x8002            /* c.jr x0 */
  ILL16 23, 0x6081            /* c.lui with imm 0 */
#if __riscv_xlen == 32
  ILL32 30, .word 0x0000003b  /* addw */
  ILL32 31, .word 0x00003003  /* ld */
  ILL32 32, .word 0x02051513  /* slli a0, a0, 32 */
  ILL16 33, 0x1502            /* c.slli a0, 32 */
#else
  ILL16 30, 0x2001            /* c.addiw x0 */
#endif

  CASE 40                     /* the trap left registers alone */
  li a0, 0x1234
  TRAP CAUSE_ILLEGAL, .word 0
  CHECK a0, 0x1234
  PASS
