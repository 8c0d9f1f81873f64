/* PMP as the privileged spec has it, checked from M mode with U-mode
 * accesses: no entry (U fails), NAPOT, NA4 and TOR regions, a 4-byte
 * region inside a page (the rest of the page stays accessible and the
 * denied word keeps faulting: nothing cached it), M mode unaffected by
 * unlocked entries, MPRV (also after an mret that stays in M mode), and a
 * locked entry binding M mode and ignoring writes. Exit 0 = all passed,
 * else the failing case number (finisher). Runs the same on QEMU. */
  .option norvc
  .equ FINISHER, 0x100000
#include "finish.h"

  .macro U_DO fn, addr           /* run fn(addr) in U mode; s10 = cause or -1 */
  li s10, -1
  li a0, \addr
  la s11, 99f
  la t0, \fn
  csrw mepc, t0
  li t0, 0x1800
  csrc mstatus, t0               /* MPP = U */
  mret
99:
  .endm
  .macro EXPECT n, cause
  li a7, \n
  li t0, \cause
  bne s10, t0, fail
  .endm
  .macro M_LOAD addr
  li s10, -1
  li a0, \addr
  lw t1, 0(a0)
  .endm

  .section .text.init
  .globl _start
_start:
  csrr t0, mhartid
  bnez t0, park
  la t0, trap
  csrw mtvec, t0
  la s9, buf

  /* 1: no entry on: U cannot even fetch (instruction access fault, the
   * spec's rule and rvscope's). QEMU 7.2 instead refuses the mret itself
   * (illegal instruction, cause 2); either shows U was kept out. */
  U_DO u_load, 0
  li t0, 2
  beq s10, t0, 1f
  EXPECT 1, 1
1:

  /* 2: entry 7 = NAPOT over everything, RWX: U loads. */
  li t0, -1
  csrw pmpaddr7, t0
  li t0, 0x1f << 56
  csrw pmpcfg0, t0
  add a0, s9, 0
  U_DO u_load_s9, 0
  EXPECT 2, -1

  /* 3: entry 0 = NAPOT 4 KiB at buf, R only: load ok, store faults. */
  srli t0, s9, 2
  ori t0, t0, 0x1ff
  csrw pmpaddr0, t0
  li t0, (0x1f << 56) | 0x19
  csrw pmpcfg0, t0
  U_DO u_load_s9, 0
  EXPECT 3, -1
  U_DO u_store_s9, 0
  EXPECT 4, 7

  /* 5..8: entry 0 = NA4 at buf+8, no permission: only that word faults. */
  addi t0, s9, 8
  srli t0, t0, 2
  csrw pmpaddr0, t0
  li t0, (0x1f << 56) | 0x10
  csrw pmpcfg0, t0
  U_DO u_load_s9_8, 0
  EXPECT 5, 5
  U_DO u_load_s9_12, 0
  EXPECT 6, -1
  U_DO u_load_s9_8, 0
  EXPECT 7, 5
  U_DO u_store_s9_8, 0
  EXPECT 8, 7

  /* 9: M mode is not bound by an unlocked entry. */
  li s10, -1
  lw t1, 8(s9)
  EXPECT 9, -1

  /* 10: MPRV with MPP = U: M's loads are checked as U's. */
  li t0, 0x20000
  csrs mstatus, t0               /* MPRV (MPP is U after the last mret) */
  li s10, -1
  lw t1, 8(s9)
  li t0, 0x20000
  csrc mstatus, t0
  EXPECT 10, 5

  /* 11, 12: TOR [buf, buf+0x800) without permission (entry 1, entry 0 off). */
  srli t0, s9, 2
  csrw pmpaddr0, t0
  addi t0, s9, 0x400
  addi t0, t0, 0x400
  srli t0, t0, 2
  csrw pmpaddr1, t0
  li t0, (0x1f << 56) | (0x08 << 8)
  csrw pmpcfg0, t0
  U_DO u_load_s9_7fc, 0
  EXPECT 11, 5
  U_DO u_load_s9_800, 0
  EXPECT 12, -1

  /* 13..15: a locked NA4 entry binds M mode and cannot be changed. */
  addi t0, s9, 8
  srli t0, t0, 2
  csrw pmpaddr0, t0
  li t0, (0x1f << 56) | 0x90
  csrw pmpcfg0, t0
  li s10, -1
  lw t1, 8(s9)
  EXPECT 13, 5
  csrw pmpcfg0, zero
  csrr t1, pmpcfg0
  andi t1, t1, 0xff
  li s10, 0
  li t0, 0x90
  beq t1, t0, 1f
  li s10, 1
1:
  EXPECT 14, 0
  csrw pmpaddr0, zero
  csrr t1, pmpaddr0
  addi t0, s9, 8
  srli t0, t0, 2
  li s10, 0
  beq t1, t0, 1f
  li s10, 1
1:
  EXPECT 15, 0

  /* 16, 17: an mret that stays in M mode with MPRV on makes MPP = U, so
   * the next load is U's. Entry 2 = NAPOT over buf2's page, no permission
   * (one answer for the whole page, so M's first load may leave a TLB
   * entry): M loads, then faults. Last, because QEMU 7.2 fails 17 (its
   * TLB keeps the M-mode entry across the mret; run.sh accepts that). */
  la s8, buf2
  srli t0, s8, 2
  ori t0, t0, 0x1ff
  csrw pmpaddr2, t0
  li t0, (0x1f << 56) | (0x18 << 16) | 0x90
  csrw pmpcfg0, t0
  li t0, 0x1800
  csrs mstatus, t0               /* MPP = M */
  li t0, 0x20000
  csrs mstatus, t0               /* MPRV */
  li s10, -1
  lw t1, 0(s8)
  EXPECT 16, -1
  la t0, 1f
  csrw mepc, t0
  mret                           /* to M; MPP becomes U, MPRV stays */
1:
  li s10, -1
  lw t1, 0(s8)
  li t0, 0x20000
  csrc mstatus, t0
  EXPECT 17, 5

  FINISH

/* U-mode bodies: one access, then ecall back to M. */
u_load:       lw t1, 0(a0);     ecall
u_load_s9:    lw t1, 0(s9);     ecall
u_store_s9:   sw zero, 0(s9);   ecall
u_load_s9_8:  lw t1, 8(s9);     ecall
u_load_s9_12: lw t1, 12(s9);    ecall
u_store_s9_8: sw zero, 8(s9);   ecall
u_load_s9_7fc: lw t1, 0x7fc(s9); ecall
u_load_s9_800:
  addi t1, s9, 0x400
  lw t1, 0x400(t1)
  ecall

/* Traps: an ecall or a fetch fault from U returns to the M-mode code
 * after U_DO; anything else records its cause in s10 and skips the
 * (4-byte) faulting instruction. Only t5/t6 are used. */
  .balign 4
trap:
  csrr t5, mcause
  li t6, 8
  beq t5, t6, back
  li t6, 1
  bne t5, t6, 1f
  mv s10, t5
back:
  csrw mepc, s11
  li t6, 0x1800
  csrs mstatus, t6               /* MPP = M */
  mret
1:
  mv s10, t5
  csrr t6, mepc
  addi t6, t6, 4
  csrw mepc, t6
  mret

  .bss
  .balign 4096
buf:
  .space 4096
buf2:
  .space 4096
