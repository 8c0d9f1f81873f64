/* Machine interrupts from the CLINT: software (msip, cause 3) and timer
 * (mtimecmp, cause 7). mtvec vectored mode (exceptions to base, interrupt
 * N to base + 4N) and direct mode; masking by mstatus.MIE and mie; mip
 * bits; MSI before MTI when both are pending; wfi wakes on a pending but
 * globally disabled interrupt. s5 records the order of handled
 * interrupts (one hex digit per interrupt), s10 the last vector taken. */
#include "common.h"

#define INT(n) (XMIN + (n))
#define MIP_MSIP 0x8
#define MIP_MTIP 0x80

/* mtimecmp = mtime + delta (RV32: mtime is far from 2^32 here). */
.macro TIMER_IN delta
  li a1, CLINT_MTIME
  LREG a0, 0(a1)
  addi a0, a0, \delta
  li a1, CLINT_MTIMECMP
#if __riscv_xlen == 32
  li a2, -1
  sw a2, 4(a1)
  sw a0, 0(a1)
  sw zero, 4(a1)
#else
  sd a0, 0(a1)
#endif
.endm

/* Spin (bounded) until s10 != 0; fail if it never happens. */
.macro WAIT_IRQ
  li a4, 10000000
.Lloop\@:
  bnez s10, .Ldone\@
  addi a4, a4, -1
  bnez a4, .Lloop\@
  GOFAIL
.Ldone\@:
.endm

/* mip & bit must equal exp. */
.macro CHECK_MIP bit, exp
  csrr a0, mip
  andi a0, a0, \bit
  CHECK a0, \exp
.endm

  .text
  .globl test_main
test_main:
  csrw mie, zero
  call timer_off

  CASE 1                      /* mtvec keeps both modes */
  la a0, vec_table + 1
  csrw mtvec, a0
  csrr a1, mtvec
  CHECKR a0, a1
  la a0, direct_handler
  csrw mtvec, a0
  csrr a1, mtvec
  CHECKR a0, a1

  CASE 2                      /* vectored: exceptions still go to base */
  la a0, vec_table + 1
  csrw mtvec, a0
  TRAP CAUSE_ECALL_M, ecall

  CASE 3                      /* MSI, vectored: base + 12 */
  li s5, 0
  li s10, 0
  li a0, MIP_MSIP
  csrw mie, a0
  csrsi mstatus, MSTATUS_MIE
  li a1, CLINT_MSIP
  li a0, 1
  sw a0, 0(a1)
1:
  WAIT_IRQ
2:
  csrci mstatus, MSTATUS_MIE
  CHECK s10, 3
  CHECK s8, INT(3)
  CHECK s5, 0x3
  la a0, 1b                   /* mepc: an instruction not yet executed */
  bltu s9, a0, fail
  la a0, 2b
  bgeu s9, a0, fail
  CHECK_MIP MIP_MSIP, 0

  CASE 4                      /* pending but masked: by MIE, then by mie */
  li s10, 0
  li a1, CLINT_MSIP
  li a0, 1
  sw a0, 0(a1)
  CHECK_MIP MIP_MSIP, MIP_MSIP
  li a4, 1000
1:
  addi a4, a4, -1
  bnez a4, 1b
  CHECK s10, 0
  csrw mie, zero
  csrsi mstatus, MSTATUS_MIE
  li a4, 1000
1:
  addi a4, a4, -1
  bnez a4, 1b
  CHECK s10, 0
  li a0, MIP_MSIP             /* unmask: taken now */
  csrw mie, a0
  WAIT_IRQ
  csrci mstatus, MSTATUS_MIE
  CHECK s10, 3

  CASE 5                      /* MTI, vectored: base + 28 */
  li s5, 0
  li s10, 0
  li a0, MIP_MTIP
  csrw mie, a0
  TIMER_IN 1000
  csrsi mstatus, MSTATUS_MIE
  WAIT_IRQ
  csrci mstatus, MSTATUS_MIE
  CHECK s10, 7
  CHECK s8, INT(7)
  CHECK s5, 0x7
  CHECK_MIP MIP_MTIP, 0

  CASE 6                      /* both pending: MSI first, then MTI */
  li s5, 0
  li s10, 0
  li a0, MIP_MSIP | MIP_MTIP
  csrw mie, a0
  li a1, CLINT_MSIP
  li a0, 1
  sw a0, 0(a1)
  TIMER_IN 0
  li a4, 10000000             /* wait until MTIP is visible in mip */
1:
  addi a4, a4, -1
  beqz a4, fail
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  beqz a0, 1b
  csrsi mstatus, MSTATUS_MIE
  WAIT_IRQ
  nop
  nop
  csrci mstatus, MSTATUS_MIE
  CHECK s5, 0x37

  CASE 7                      /* direct mode: interrupts go to base too */
  la a0, direct_handler
  csrw mtvec, a0
  li s5, 0
  li s10, 0
  li a0, MIP_MSIP
  csrw mie, a0
  li a1, CLINT_MSIP
  li a0, 1
  sw a0, 0(a1)
  csrsi mstatus, MSTATUS_MIE
  WAIT_IRQ
  csrci mstatus, MSTATUS_MIE
  CHECK s10, 0xd
  CHECK s8, INT(3)

  CASE 8                      /* wfi returns on pending MTI with MIE = 0 */
  li s10, 0
  li a0, MIP_MTIP
  csrw mie, a0
  TIMER_IN 1000
  li a4, 100000
1:
  wfi
  addi a4, a4, -1
  beqz a4, fail
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  beqz a0, 1b
  CHECK s10, 0                /* nothing was taken */
  call timer_off
  CHECK_MIP MIP_MTIP, 0

  CASE 9                      /* wfi with MIE = 1: the handler runs */
  la a0, vec_table + 1
  csrw mtvec, a0
  li s10, 0
  TIMER_IN 1000
  csrsi mstatus, MSTATUS_MIE
  li a4, 100000
1:
  wfi
  bnez s10, 2f
  addi a4, a4, -1
  bnez a4, 1b
  GOFAIL
2:
  csrci mstatus, MSTATUS_MIE
  CHECK s10, 7
  csrw mie, zero
  la a0, trap_entry
  csrw mtvec, a0
  PASS

/* mtimecmp = all ones: no timer interrupt pending. Clobbers a0, a1. */
timer_off:
  li a1, CLINT_MTIMECMP
  li a0, -1
#if __riscv_xlen == 32
  sw a0, 4(a1)
  sw a0, 0(a1)
#else
  sd a0, 0(a1)
#endif
  ret

  ALIGN 256
vec_table:                    /* 4-byte jumps: slot N at base + 4N */
  j trap_entry                /* 0: exceptions */
  j vec_bad
  j vec_bad
  j vec_msi                   /* 3: machine software */
  j vec_bad
  j vec_bad
  j vec_bad
  j vec_mti                   /* 7: machine timer */
  j vec_bad
  j vec_bad
  j vec_bad
  j vec_bad

vec_bad:
  GOFAIL

vec_msi:
  csrr s8, mcause
  csrr s9, mepc
  li s10, 3
  slli s5, s5, 4
  addi s5, s5, 3
  li s11, CLINT_MSIP
  sw zero, 0(s11)
  mret

vec_mti:
  csrr s8, mcause
  csrr s9, mepc
  li s10, 7
  slli s5, s5, 4
  addi s5, s5, 7
  li s11, CLINT_MTIMECMP
  li s7, -1
#if __riscv_xlen == 32
  sw s7, 4(s11)
  sw s7, 0(s11)
#else
  sd s7, 0(s11)
#endif
  mret

  ALIGN 4
direct_handler:               /* any interrupt: s10 = 0xd, silence both */
  csrr s8, mcause
  csrr s9, mepc
  li s10, 0xd
  li s11, CLINT_MSIP
  sw zero, 0(s11)
  li s11, CLINT_MTIMECMP
  li s7, -1
#if __riscv_xlen == 32
  sw s7, 4(s11)
#endif
  SREG s7, 0(s11)
  mret
