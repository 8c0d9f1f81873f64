/* rvscope ISA tests: shared macros. Included by every .S file (after cpp).
 *
 * Register conventions (tests must not use these for their own data):
 *   gp   current case number (1..255); a failure exits with it
 *   tp   resume address when a trap is expected, 0 otherwise
 *   s7   scratch of the CHECK macros
 *   s8..s11  written by the trap handler: mcause, mepc, mtval, mstatus
 * A trap resumes at tp in M mode (the handler forces MPP = M).
 */
#ifndef ISA_COMMON_H
#define ISA_COMMON_H

#if __riscv_xlen == 64
#define LREG ld
#define SREG sd
#else
#define LREG lw
#define SREG sw
#endif

/* XL(rv32 value, rv64 value), and the extreme signed XLEN values. */
#if __riscv_xlen == 64
#define XL(a, b) b
#else
#define XL(a, b) a
#endif
#define XMIN XL(0x80000000, 0x8000000000000000)
#define XMAX XL(0x7fffffff, 0x7fffffffffffffff)

#define FINISHER   0x100000
#define UART_THR   0x10000000
#define CLINT_MSIP 0x2000000
#define CLINT_MTIMECMP 0x2004000
#define CLINT_MTIME    0x200bff8

#define MSTATUS_MIE  0x8
#define MSTATUS_MPIE 0x80
#define MSTATUS_MPP  0x1800

#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_FETCH_ACCESS     1
#define CAUSE_ILLEGAL          2
#define CAUSE_BREAKPOINT       3
#define CAUSE_MISALIGNED_LOAD  4
#define CAUSE_LOAD_ACCESS      5
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_STORE_ACCESS     7
#define CAUSE_ECALL_U          8
#define CAUSE_ECALL_M          11

/* Only explicit c.* instructions (through RVC) may be compressed, and the
 * linker must not relax: each mnemonic then appears exactly where written,
 * which --debug-break-insn mutation testing relies on. */
.option norvc
.option norelax

/* One compressed instruction, e.g. "RVC c.addi a0, 1". */
.macro RVC insn:vararg
  .option push
  .option rvc
  \insn
  .option pop
.endm

/* Align code to n bytes. Under norvc, GAS 2.40 silently leaves .align
 * undone after an odd number of 2-byte instructions; with rvc it can pad
 * with c.nop. */
.macro ALIGN n
  .option push
  .option rvc
  .balign \n
  .option pop
.endm

/* Start case n. Numbers must increase within a file and fit the finisher's
 * exit code (1..255), so a failing exit status names exactly one case. */
.set isa_last_case, 0
.macro CASE n
  .if (\n <= isa_last_case) || (\n > 255)
  .error "CASE numbers must increase and be 1..255"
  .endif
  .set isa_last_case, \n
  li gp, \n
.endm

/* Jump to fail. Should a test break jal on purpose (mutation.sh), the
 * jump is a no-op and the zero word after it, an illegal instruction,
 * still ends in fail through the unexpected-trap path. */
.macro GOFAIL
  j fail
  .word 0
.endm

/* Fail unless reg == constant val. beq-then-jump, so a branch that never
 * takes (a broken beq) fails loudly instead of hiding every check. */
.macro CHECK reg, val
  li s7, \val
  beq \reg, s7, .Lok\@
  GOFAIL
.Lok\@:
.endm

/* Fail unless reg1 == reg2. */
.macro CHECKR reg1, reg2
  beq \reg1, \reg2, .Lok\@
  GOFAIL
.Lok\@:
.endm

/* Jump to label when running on QEMU 7.2 (marchid 0x0702xx), to skip a
 * check where that reference deviates from the privileged spec. Each use
 * names the deviation. Clobbers s7. */
.macro SKIP_IF_QEMU72 label
  la s7, isa_qemu72
  lw s7, 0(s7)
  bnez s7, \label
.endm

/* Run insn, which must trap with the given cause and mepc = insn.
 * Afterwards s8..s11 hold mcause, mepc, mtval and mstatus. */
.macro TRAP cause, insn:vararg
  la tp, .Lresume\@
.Linsn\@:
  \insn
  GOFAIL
.Lresume\@:
  CHECK s8, \cause
  la s7, .Linsn\@
  CHECKR s9, s7
.endm

/* Same, and mtval must equal the constant tval. */
.macro TRAP_TVAL cause, tval, insn:vararg
  TRAP \cause, \insn
  CHECK s10, \tval
.endm

/* Print a string on the UART (clobbers a0-a2, ra). */
.macro PUTS str
  .pushsection .rodata
.Lstr\@: .asciz "\str"
  .popsection
  la a0, .Lstr\@
  call print_str
.endm

/* Print "NOTE str" and a newline: an implementation choice the spec leaves
 * open, compared between QEMU and rvscope by qemu.sh. Clobbers a0-a2, ra. */
.macro NOTE str
  PUTS "NOTE \str\n"
.endm

/* End of the test: every case passed. */
.macro PASS
  j pass
  .word 0
.endm

#endif
