/* One physical code page at two virtual addresses (Sv39 on RV64, Sv32 on
 * RV32), run in S mode: VA1 = 0x40000000 (R X) and VA2 = 0x40005000
 * (R W X), besides the identity mapping of RAM. The page's function
 * (offset 0x100) returns auipc and jal link values and the sum of an auipc
 * in a hot loop (200 iterations), so each call's results depend on the
 * mapping it runs through: a0 = VA + 0x100, a1 = VA + 0x108, a2 = 200 *
 * (VA + 0x110); a3 is a word of the same page loaded pc-relatively, a4 an
 * immediate the test rewrites. The calls alternate 20 times, so compiled
 * code of one mapping is there when the other runs. Then the function is
 * rewritten through VA2 (no fence.i, docs/design.md) and must change when
 * run through VA1 and the identity mapping; VA2 was written to before the
 * page was first executed, so a stale write mapping would skip that. */
#include "common.h"
#include "jit.h"

#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_A 0x40
#define PTE_D 0x80
#define PTE_RW (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
#define PTE_RWX (PTE_RW | PTE_X)
#define VA1 0x40000000
#define VA2 0x40005000
#if __riscv_xlen == 64
#define SATP_MODE (8 << 60)
#define PTESZ 8
#else
#define SATP_MODE (1 << 31)
#define PTESZ 4
#endif
#define LOOPS 200

/* table[index] = PTE for physical address in reg pa with flags. */
.macro SETPTE table, index, pa, flags
  srli t0, \pa, 12
  slli t0, t0, 10
  ori t0, t0, \flags
  la t1, \table
  li t4, (\index) * PTESZ
  add t1, t1, t4
  SREG t0, 0(t1)
.endm

/* Call the shared function at va (a constant) and check what it returns;
 * patched = the immediate its last instruction should have. */
.macro CALL_VA va, patched
  li t0, \va + 0x100
  jalr ra, 0(t0)
  CHECK a0, \va + 0x100
  CHECK a1, \va + 0x108
  CHECK a2, (LOOPS * (\va + 0x110)) & XMASK
  CHECK a3, 0x1234abcd
  CHECK a4, \patched
.endm

/* The same through the identity mapping (va = the link address). */
.macro CALL_ID patched
  la t0, shared + 0x100
  jalr ra, 0(t0)
  la t0, shared + 0x100
  CHECKR a0, t0
  la t0, shared + 0x108
  CHECKR a1, t0
  la t0, shared + 0x110       /* LOOPS * t0 by repeated addition */
  li t1, 0
  li t2, LOOPS
1:
  add t1, t1, t0
  addi t2, t2, -1
  bnez t2, 1b
  CHECKR a2, t1
  CHECK a3, 0x1234abcd
  CHECK a4, \patched
.endm

  .text
  .globl test_main
test_main:
  CASE 1                      /* page tables; enter S mode */
  la t2, pt_root
#if __riscv_xlen == 64
  li t3, 0                    /* 1 GiB leaves: devices, RAM */
  SETPTE pt_root, 0, t3, PTE_RW
  li t3, 0x80000000
  SETPTE pt_root, 2, t3, PTE_RWX
  la t3, pt_mid               /* VA 0x40000000: root[1] -> mid[0] -> leaf */
  SETPTE pt_root, 1, t3, PTE_V
  la t3, pt_leaf
  SETPTE pt_mid, 0, t3, PTE_V
#else
  li t3, 0                    /* 4 MiB leaves: finisher, UART, RAM */
  SETPTE pt_root, 0, t3, PTE_RW
  li t3, 0x10000000
  SETPTE pt_root, 0x40, t3, PTE_RW
  li t3, 0x80000000
  SETPTE pt_root, 0x200, t3, PTE_RWX
  li t3, 0x80400000
  SETPTE pt_root, 0x201, t3, PTE_RWX
  la t3, pt_leaf              /* VA 0x40000000: root[0x100] -> leaf */
  SETPTE pt_root, 0x100, t3, PTE_V
#endif
  la t3, shared
  SETPTE pt_leaf, 0, t3, PTE_V | PTE_R | PTE_X | PTE_A
  SETPTE pt_leaf, 5, t3, PTE_RWX
  li t0, -1                   /* PMP: all of memory (QEMU needs it) */
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  li t0, SATP_MODE
  srli t1, t2, 12
  or t0, t0, t1
  csrw satp, t0
  sfence.vma
  li t0, MSTATUS_MPP          /* mret to S mode at s_main */
  csrc mstatus, t0
  li t0, 0x800
  csrs mstatus, t0
  la t0, s_main
  csrw mepc, t0
  mret

s_main:
  CASE 2                      /* VA2 written before the page ever ran */
  li t0, VA2 + 0x804
  li t1, 77
  sw t1, 0(t0)
  la t0, shared + 0x804
  lw t1, 0(t0)
  CHECK t1, 77

  CASE 3                      /* each mapping once */
  CALL_VA VA1, 1
  CALL_VA VA2, 1
  CALL_ID 1

  CASE 4                      /* alternating, hot */
  li s2, 20
1:
  CALL_VA VA1, 1
  CALL_VA VA2, 1
  addi s2, s2, -1
  bnez s2, 1b

  CASE 5                      /* rewritten through VA2: addi a4,zero,2 */
  la t0, sh_patch             /* its offset in the page */
  la t1, shared
  sub s3, t0, t1
  li t0, VA1 + 2              /* upper half = imm << 4 | rs1[4:1] = 0x0010 */
  add t0, t0, s3
  lhu t1, 0(t0)
  CHECK t1, 0x0010
  li t0, VA2 + 2
  add t0, t0, s3
  li t1, 0x0020
  sh t1, 0(t0)
  CALL_VA VA1, 2
  CALL_ID 2
  CALL_VA VA2, 2

  CASE 6                      /* rewritten through the identity: imm 3 */
  la t0, sh_patch + 2
  li t1, 0x0030
  sh t1, 0(t0)
  CALL_VA VA2, 3
  CALL_VA VA1, 3
  li s2, 20
1:
  CALL_VA VA1, 3
  CALL_VA VA2, 3
  addi s2, s2, -1
  bnez s2, 1b

  CASE 7                      /* back to M mode (ecall from S), paging off */
  la tp, 1f
  ecall
  GOFAIL
1:
  CHECK s8, 9
  csrw satp, zero
  sfence.vma
  PASS

/* The shared page: nothing else lives in it. */
  ALIGN 4096
shared:
  .org shared + 0x100
  auipc a0, 0                 /* +0x100 */
  jal a1, 1f                  /* +0x104 */
1:
  li a2, 0                    /* +0x108 */
  li t1, LOOPS                /* +0x10c */
2:
  auipc t2, 0                 /* +0x110 */
  add a2, a2, t2
  addi t1, t1, -1
  bnez t1, 2b
3:
  auipc t3, %pcrel_hi(sh_data)
  lw a3, %pcrel_lo(3b)(t3)
sh_patch:
  addi a4, zero, 1
  ret
  .org shared + 0x800
sh_data: .word 0x1234abcd
  .word 0
  .org shared + 0x1000

  .bss
  .align 12
pt_root: .space 4096
pt_mid:  .space 4096
pt_leaf: .space 4096
