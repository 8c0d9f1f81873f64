/* A synchronous exception in the middle of a hot straight-line block:
 * csrr minstret, five addi and a store, the faulting access, five more
 * addi, csrr minstret, run 200 times (so the block is compiled).
 * skip_handler (lib.S) records the trap and resumes after the faulting
 * instruction. Every iteration checks: mcause, mepc (the faulting
 * instruction), mtval (the address); a1 and a4 as the handler saw them
 * (the addi before the fault had written them); the store before the fault
 * reached memory; the faulting load's rd kept its old value; minstret at
 * the handler's entry = 7 more than the first read (the csrr itself, 5 addi,
 * the store: the faulting instruction does not retire), and at the second
 * read 7 + SKIP_HANDLER_INSNS + 5 more. After the loop the five sums show
 * that the addi after the fault ran every time too. Faults: load access
 * at 0 (cause 5), store access at 0 (cause 7), a load just past the end of
 * RAM at 0x88000000 (128 MiB RAM, the default; cause 5), and a load to x0
 * (it still accesses memory, so it faults). */
#include "common.h"
#include "jit.h"

#define PAST_RAM 0x88000000
#define N 200

/* FAULT_BLOCK n, cause, addr, insn: insn uses t4 = addr and a5 (whose old
 * value 0x5a5a must survive). */
.macro FAULT_BLOCK n, cause, addr, insn:vararg
  CASE \n
  SKIP_ON (1 << \cause)
  li a1, 0
  li a2, 0
  li a3, 0
  li a4, 0
  li t3, 0
  li s3, 0                    /* a1 at the start of the iteration */
  li s2, N
  la s1, scratch
  li t4, \addr
  li a6, 0x5a5a
.Lloop\@:
  mv a5, a6
  csrr t0, minstret
  addi a1, a1, 1
  addi a2, a2, 2
  addi a3, a3, 3
  addi a4, a4, 4
  addi t3, t3, 5
  SREG a1, 0(s1)
.Lfault\@:
  \insn
  addi a1, a1, 10
  addi a2, a2, 20
  addi a3, a3, 30
  addi a4, a4, 40
  addi t3, t3, 50
  csrr t1, minstret
  CHECKR a5, a6               /* rd untouched */
  CHECK s8, \cause
  la t5, .Lfault\@
  CHECKR s9, t5
  CHECK s10, \addr
  sub t5, s6, t0
  CHECK t5, 7
  sub t5, t1, t0
  CHECK t5, 7 + SKIP_HANDLER_INSNS + 5
  addi s3, s3, 1              /* a1 and a4 = 4 * a1 when the fault came */
  la t5, trap_regs
  LREG t6, 0(t5)
  CHECKR t6, s3
  LREG t6, 3*XB(t5)
  slli t5, s3, 2
  CHECKR t6, t5
  LREG t6, 0(s1)              /* the store before the fault */
  CHECKR t6, s3
  addi s3, s3, 10
  addi s2, s2, -1
  bnez s2, .Lloop\@
  CHECK a1, 11 * N
  CHECK a2, 22 * N
  CHECK a3, 33 * N
  CHECK a4, 44 * N
  CHECK t3, 55 * N
  CHECK s5, N
  SKIP_OFF
.endm

  .text
  .globl test_main
test_main:
  FAULT_BLOCK 1, CAUSE_LOAD_ACCESS, 0, lw a5, 0(t4)
  FAULT_BLOCK 2, CAUSE_STORE_ACCESS, 0, sw a5, 0(t4)
  FAULT_BLOCK 3, CAUSE_LOAD_ACCESS, PAST_RAM, lw a5, 0(t4)
#if __riscv_xlen == 64
  FAULT_BLOCK 4, CAUSE_LOAD_ACCESS, PAST_RAM, ld a5, 0(t4)
#endif
  FAULT_BLOCK 5, CAUSE_LOAD_ACCESS, 0, lw x0, 0(t4)
  FAULT_BLOCK 6, CAUSE_LOAD_ACCESS, PAST_RAM, lbu a5, 0(t4)
  PASS

  .bss
  .align 3
scratch: .space 8
