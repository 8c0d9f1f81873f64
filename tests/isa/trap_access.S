/* Access faults on unmapped physical addresses (0x0 and 0x88000000, just
 * past the 128 MiB of RAM): loads cause 5, stores 7, AMOs 7, fetches 1;
 * mtval = the address, mepc = the instruction (for a fetch: the target),
 * a faulting load leaves rd alone, and a load to x0 faults too. */
#include "common.h"

#define PAST_RAM 0x88000000

/* insn (using a1 = addr) must fault with cause; a0 must survive. */
.macro FAULT n, cause, addr, insn:vararg
  CASE \n
  li a1, \addr
  li a0, 0x5a
  TRAP_TVAL \cause, \addr, \insn
  CHECK a0, 0x5a
.endm

/* Jumping to addr must raise an instruction access fault there. */
.macro FETCH n, addr
  CASE \n
  li a1, \addr
  la tp, .Lresume\@
  jalr ra, 0(a1)
.Llink\@:
  GOFAIL
.Lresume\@:
  CHECK s8, CAUSE_FETCH_ACCESS
  CHECK s9, \addr
  CHECK s10, \addr
  la a2, .Llink\@
  CHECKR ra, a2
.endm

  .text
  .globl test_main
test_main:
  FAULT 1, CAUSE_LOAD_ACCESS, 0, lw a0, 0(a1)
  FAULT 2, CAUSE_LOAD_ACCESS, 0, lb a0, 0(a1)
  FAULT 3, CAUSE_LOAD_ACCESS, 0, lhu a0, 0(a1)
  FAULT 4, CAUSE_LOAD_ACCESS, PAST_RAM, lw a0, 0(a1)
  FAULT 5, CAUSE_LOAD_ACCESS, PAST_RAM, lbu a0, 0(a1)
  FAULT 6, CAUSE_LOAD_ACCESS, 0, lr.w a0, (a1)
  FAULT 10, CAUSE_STORE_ACCESS, 0, sw a0, 0(a1)
  FAULT 11, CAUSE_STORE_ACCESS, 0, sb a0, 0(a1)
  FAULT 12, CAUSE_STORE_ACCESS, PAST_RAM, sh a0, 0(a1)
  FAULT 13, CAUSE_STORE_ACCESS, PAST_RAM, sw a0, 0(a1)
#if __riscv_xlen == 64
  FAULT 14, CAUSE_LOAD_ACCESS, PAST_RAM, ld a0, 0(a1)
  FAULT 15, CAUSE_LOAD_ACCESS, 0, lwu a0, 0(a1)
  FAULT 16, CAUSE_STORE_ACCESS, PAST_RAM, sd a0, 0(a1)
#endif
  CASE 19                     /* a load to x0 still accesses memory */
  li a1, 0
  TRAP_TVAL CAUSE_LOAD_ACCESS, 0, lw x0, 0(a1)

  /* AMOs are store/AMO faults. QEMU 7.2 deviates: it reports cause 5. */
  CASE 20
  li a1, 0
  la tp, 1f
2:
  amoadd.w a0, a0, (a1)
  GOFAIL
1:
  la a2, 2b
  CHECKR s9, a2
  CHECK s10, 0
  li a2, CAUSE_STORE_ACCESS
  beq s8, a2, 3f
  SKIP_IF_QEMU72 4f
  GOFAIL
4:
  CHECK s8, CAUSE_LOAD_ACCESS
3:

  FETCH 30, 0
  FETCH 31, PAST_RAM
  PASS
