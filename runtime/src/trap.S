/* trap.S — M-mode trap entry and exit (mtvec direct mode).
 * Saves every GPR and the trap CSRs plus the selected trigger's tdata1
 * (mcontrol6) and tdata2 into a Context on the current stack, calls
 * __am_irq_handle(ctx), and resumes from the Context it returns (which may
 * be another one, for context switching). */
#include "xlen.h"

  .section .text
  .globl __am_asm_trap
  .align 2              /* mtvec needs a 4-byte aligned base */
__am_asm_trap:
  addi  sp, sp, -CONTEXT_SIZE
  STORE x1,  1*XLENB(sp)
  STORE x3,  3*XLENB(sp)
  STORE x4,  4*XLENB(sp)
  STORE x5,  5*XLENB(sp)
  STORE x6,  6*XLENB(sp)
  STORE x7,  7*XLENB(sp)
  STORE x8,  8*XLENB(sp)
  STORE x9,  9*XLENB(sp)
  STORE x10, 10*XLENB(sp)
  STORE x11, 11*XLENB(sp)
  STORE x12, 12*XLENB(sp)
  STORE x13, 13*XLENB(sp)
  STORE x14, 14*XLENB(sp)
  STORE x15, 15*XLENB(sp)
  STORE x16, 16*XLENB(sp)
  STORE x17, 17*XLENB(sp)
  STORE x18, 18*XLENB(sp)
  STORE x19, 19*XLENB(sp)
  STORE x20, 20*XLENB(sp)
  STORE x21, 21*XLENB(sp)
  STORE x22, 22*XLENB(sp)
  STORE x23, 23*XLENB(sp)
  STORE x24, 24*XLENB(sp)
  STORE x25, 25*XLENB(sp)
  STORE x26, 26*XLENB(sp)
  STORE x27, 27*XLENB(sp)
  STORE x28, 28*XLENB(sp)
  STORE x29, 29*XLENB(sp)
  STORE x30, 30*XLENB(sp)
  STORE x31, 31*XLENB(sp)
  STORE zero, 0(sp)                 /* gpr[0] reads as 0 */
  addi  t0, sp, CONTEXT_SIZE        /* the interrupted sp */
  STORE t0,  2*XLENB(sp)

  csrr  t0, mcause
  csrr  t1, mstatus
  csrr  t2, mepc
  csrr  t3, tdata1                  /* mcontrol6 of the selected trigger */
  csrr  t4, tdata2
  STORE t0, CTX_MCAUSE(sp)
  STORE t1, CTX_MSTATUS(sp)
  STORE t2, CTX_MEPC(sp)
  STORE t3, CTX_MCONTROL6(sp)
  STORE t4, CTX_TDATA2(sp)
  STORE zero, CTX_PDIR(sp)

  /* The C handler addresses globals through gp: make sure it is ours even
   * if the interrupted code changed it. */
  .option push
  .option norelax
  la    gp, __global_pointer$
  .option pop
  mv    a0, sp
  call  __am_irq_handle
  mv    sp, a0                      /* resume the Context the handler chose */

  /* Re-arm the trigger with the Debug Spec's safe sequence: disable it,
   * set tdata2, then write tdata1, so no half-updated trigger can match. */
  LOAD  t3, CTX_MCONTROL6(sp)
  LOAD  t4, CTX_TDATA2(sp)
  csrw  tdata1, zero
  csrw  tdata2, t4
  csrw  tdata1, t3
  LOAD  t1, CTX_MSTATUS(sp)
  LOAD  t2, CTX_MEPC(sp)
  csrw  mstatus, t1
  csrw  mepc, t2

  LOAD  x1,  1*XLENB(sp)
  LOAD  x3,  3*XLENB(sp)
  LOAD  x4,  4*XLENB(sp)
  LOAD  x5,  5*XLENB(sp)
  LOAD  x6,  6*XLENB(sp)
  LOAD  x7,  7*XLENB(sp)
  LOAD  x8,  8*XLENB(sp)
  LOAD  x9,  9*XLENB(sp)
  LOAD  x10, 10*XLENB(sp)
  LOAD  x11, 11*XLENB(sp)
  LOAD  x12, 12*XLENB(sp)
  LOAD  x13, 13*XLENB(sp)
  LOAD  x14, 14*XLENB(sp)
  LOAD  x15, 15*XLENB(sp)
  LOAD  x16, 16*XLENB(sp)
  LOAD  x17, 17*XLENB(sp)
  LOAD  x18, 18*XLENB(sp)
  LOAD  x19, 19*XLENB(sp)
  LOAD  x20, 20*XLENB(sp)
  LOAD  x21, 21*XLENB(sp)
  LOAD  x22, 22*XLENB(sp)
  LOAD  x23, 23*XLENB(sp)
  LOAD  x24, 24*XLENB(sp)
  LOAD  x25, 25*XLENB(sp)
  LOAD  x26, 26*XLENB(sp)
  LOAD  x27, 27*XLENB(sp)
  LOAD  x28, 28*XLENB(sp)
  LOAD  x29, 29*XLENB(sp)
  LOAD  x30, 30*XLENB(sp)
  LOAD  x31, 31*XLENB(sp)
  LOAD  sp,  2*XLENB(sp)            /* last: it is the base of the loads */
  mret
