/* rvscope JIT tests: macros shared by tests/jit/*.S (after tests/isa's
 * common.h, whose register conventions hold: gp case, tp expected-trap
 * resume address, s7 scratch, s8..s11 trap records).
 *
 * Additional conventions of this group, for tests that use skip_handler
 * (lib.S), an M-mode handler that resumes after the trapping instruction:
 *   s4   bit mask of the exception causes the test expects (1 << cause);
 *        any other trap (or an interrupt) goes to the harness's
 *        unexpected-trap report and fails the current case
 *   s5   number of traps taken so far
 *   s6   minstret read as the handler's first instruction (= instructions
 *        retired before the trap; the trapping one does not retire)
 *   s8, s9, s10  mcause, mepc, mtval of the last trap
 *   trap_regs    a1, a2, a3, a4 as they were when the trap was taken
 * The trapping instruction must be 4 bytes long (mepc + 4 is resumed). */
#ifndef JIT_H
#define JIT_H

#define XB (__riscv_xlen / 8)
#if __riscv_xlen == 64
#define XMASK 0xffffffffffffffff
#else
#define XMASK 0xffffffff
#endif

/* Instructions skip_handler retires per trap, mret included: counted by
 * hand in lib.S (la = auipc + addi). Every minstret expectation uses it. */
#define SKIP_HANDLER_INSNS 19

/* Route traps to skip_handler, expecting the causes in mask. */
.macro SKIP_ON mask
  la t0, skip_handler
  csrw mtvec, t0
  li s4, \mask
  li s5, 0
.endm

/* Back to the harness's handler. */
.macro SKIP_OFF
  la t0, trap_entry
  csrw mtvec, t0
  li s4, 0
.endm

/* Copy the 4-byte word at tmpl over the one at dst (clobbers t4-t6). */
.macro PATCH32 dst, tmpl
  la t4, \dst
  la t5, \tmpl
  lw t6, 0(t5)
  sw t6, 0(t4)
.endm

/* Store the constant halfword val at addr (clobbers t4, t5). */
.macro PATCH16 addr, val
  la t4, \addr
  li t5, \val
  sh t5, 0(t4)
.endm

/* Fail unless the halfword at addr is val (an encoding derived by hand,
 * checked before it is patched). Clobbers t4, s7. */
.macro CHECK16 addr, val
  la t4, \addr
  lhu t4, 0(t4)
  CHECK t4, \val
.endm

/* Fail unless (addr & 0xfff) == off: a layout the test relies on. */
.macro CHECK_PAGEOFF addr, off
  la t4, \addr
  li s7, 0xfff
  and t4, t4, s7
  CHECK t4, \off
.endm

#endif
