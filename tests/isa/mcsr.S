/* Machine-mode CSRs: misa (MXL, I M A C S U), mhartid = 0, mvendorid/
 * marchid/mimpid readable, mscratch/mtval/mcause/mtvec full width, mepc[0]
 * reads 0, medeleg/mideleg/mie writable bits (what an OS delegates and
 * enables), mip's M bits read-only, mstatus fields, counter enables, satp,
 * PMP registers present. */
#include "common.h"

/* csr = val, then it must read back exp. */
.macro WR_RD n, csr, val, exp
  CASE \n
  li a0, \val
  csrw \csr, a0
  csrr a1, \csr
  CHECK a1, \exp
.endm

/* (csr & mask) must equal exp. */
.macro MASKED csr, mask, exp
  csrr a0, \csr
  li a1, \mask
  and a0, a0, a1
  CHECK a0, \exp
.endm

#define EXT(c) (1 << ((c) - 'A'))

  .text
  .globl test_main
test_main:
  CASE 1                      /* misa: MXL and extensions */
  csrr a0, misa
  srli a1, a0, __riscv_xlen - 2
  CHECK a1, XL(1, 2)
  li a1, EXT('I') | EXT('M') | EXT('A') | EXT('C') | EXT('S') | EXT('U')
  and a2, a0, a1
  CHECKR a2, a1
  andi a2, a0, EXT('E')
  CHECK a2, 0

  CASE 2                      /* identity */
  csrr a0, mhartid
  CHECK a0, 0
  li a0, 0x55
  csrr a0, mvendorid          /* readable; any value */
  csrr a0, marchid
  csrr a0, mimpid

  WR_RD 3, mscratch, -1, -1
  WR_RD 4, mscratch, XMIN, XMIN
  WR_RD 5, mscratch, 0x5a5a5a5a, 0x5a5a5a5a
  WR_RD 6, mtval, -1, -1
  WR_RD 7, mtval, 0, 0
  WR_RD 8, mcause, 11, 11
  WR_RD 9, mcause, XMIN + 7, XMIN + 7

  WR_RD 10, mepc, 0x80001236, 0x80001236   /* bit 1 is kept (IALIGN 16) */
  WR_RD 11, mepc, -2, -2
  /* mepc[0] is always 0. QEMU 7.2 deviates: it keeps bit 0. */
  SKIP_IF_QEMU72 1f
  WR_RD 12, mepc, 0x80001235, 0x80001234
  WR_RD 13, mepc, -1, -2
1:

  CASE 14                     /* mtvec: a 4-byte aligned base, both modes */
  la a2, trap_entry
  li a0, 0x80000100
  csrw mtvec, a0
  csrr a1, mtvec
  CHECK a1, 0x80000100
  li a0, 0x80000101
  csrw mtvec, a0
  csrr a1, mtvec
  CHECK a1, 0x80000101
  csrw mtvec, a2

  CASE 20                     /* medeleg: at least what OpenSBI delegates */
  li a0, -1
  csrw medeleg, a0
  MASKED medeleg, 0xb109, 0xb109
  csrw medeleg, zero
  csrr a0, medeleg
  CHECK a0, 0

  CASE 21                     /* mideleg: S bits yes, M bits never */
  li a0, -1
  csrw mideleg, a0
  MASKED mideleg, 0xaaa, 0x222
  csrw mideleg, zero          /* (with H, VS bits are read-only 1) */
  MASKED mideleg, 0xaaa, 0

  CASE 22                     /* mie: all six standard enables */
  li a0, -1
  csrw mie, a0
  MASKED mie, 0xaaa, 0xaaa
  csrw mie, zero
  csrr a0, mie
  CHECK a0, 0

  CASE 23                     /* mip: M bits read-only, SSIP writable */
  li a1, CLINT_MTIMECMP       /* no timer pending */
  li a0, -1
#if __riscv_xlen == 32
  sw a0, 4(a1)
#endif
  SREG a0, 0(a1)
  li a0, -1
  csrw mip, a0
  MASKED mip, 0x88a, 0x2
  csrw mip, zero
  MASKED mip, 0x2, 0

  CASE 30                     /* mstatus: MIE, MPIE, MPP (M and S), SIE */
  csrr s2, mstatus
  li a0, MSTATUS_MPP
  csrc mstatus, a0
  li a0, 0x800                /* MPP = S */
  csrs mstatus, a0
  MASKED mstatus, MSTATUS_MPP, 0x800
  li a0, MSTATUS_MPP
  csrs mstatus, a0
  MASKED mstatus, MSTATUS_MPP, MSTATUS_MPP
  csrsi mstatus, 0x2          /* SIE */
  MASKED mstatus, 0x2, 0x2
  csrci mstatus, 0x2
  li a0, MSTATUS_MPIE
  csrs mstatus, a0
  MASKED mstatus, MSTATUS_MPIE, MSTATUS_MPIE
  csrc mstatus, a0
  MASKED mstatus, MSTATUS_MPIE, 0
#if __riscv_xlen == 64
  csrr a0, mstatus            /* UXL = SXL = 2 (64-bit) */
  srli a0, a0, 32
  andi a0, a0, 0xf
  CHECK a0, 0xa
#endif
  csrw mstatus, s2

  WR_RD 40, mcounteren, 7, 7
  WR_RD 41, mcounteren, 0, 0
  WR_RD 42, scounteren, 7, 7
  WR_RD 43, scounteren, 0, 0
  WR_RD 44, satp, 0, 0        /* bare */
  WR_RD 45, pmpaddr0, 0x12345, 0x12345
  WR_RD 46, pmpaddr0, 0, 0
  CASE 47
  csrr a0, pmpcfg0
  PASS
