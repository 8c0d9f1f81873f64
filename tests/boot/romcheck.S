/* What every hart gets at reset (QEMU's convention): a0 = mhartid, a1 =
 * a device tree (FDT magic), a2 = the fw_dynamic info block in the boot
 * ROM (magic "OSBI", version 2, next_addr, next mode S), and the ROM's reset
 * vector itself (auipc t0; ... l[wd] a1, 32(t0); the start and tree
 * addresses). Built for RV32 and RV64; runs the same on QEMU (-bios none).
 * Exit 0, or the failing case number (finisher). */
#if __riscv_xlen == 64
#define LX ld
#define XB 8
#define LD_A1 0x0202b583
#else
#define LX lw
#define XB 4
#define LD_A1 0x0202a583
#endif
  .equ FINISHER, 0x100000
#include "finish.h"
  .equ ROM, 0x1000
  .macro CASE n
  li a7, \n
  .endm

  .section .text.init
  .globl _start
_start:
  mv s0, a0
  mv s1, a1
  mv s2, a2
  csrr t0, mhartid
  bnez t0, park
  CASE 1
  bne s0, t0, fail              /* a0 = hart id */
  CASE 2                        /* a1: FDT magic d00dfeed, big-endian */
  beqz s1, fail
  lbu t0, 0(s1)
  li t1, 0xd0
  bne t0, t1, fail
  lbu t0, 3(s1)
  li t1, 0xed
  bne t0, t1, fail
  CASE 3
  li t1, ROM + 40
  bne s2, t1, fail              /* a2 = the info block after the vector */
  CASE 4
  LX t0, 0(s2)
  li t1, 0x4942534f
  bne t0, t1, fail
  CASE 5
  LX t0, XB(s2)
  li t1, 2
  bne t0, t1, fail
  CASE 6
  LX t0, 2*XB(s2)               /* next_addr: the program */
  la t1, _start
  bne t0, t1, fail
  CASE 7
  LX t0, 3*XB(s2)
  li t1, 1
  bne t0, t1, fail
  CASE 8
  li t2, ROM
  lw t0, 0(t2)
  li t1, 0x00000297             /* auipc t0, 0 */
  bne t0, t1, fail
  CASE 9
  lw t0, 12(t2)
  li t1, LD_A1                  /* l[wd] a1, 32(t0) */
  bne t0, t1, fail
  CASE 10
  LX t0, 24(t2)                 /* start address */
  la t1, _start
  bne t0, t1, fail
  CASE 11
  LX t0, 32(t2)                 /* device tree address */
  bne t0, s1, fail
  FINISH
