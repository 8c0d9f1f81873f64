/* riscv.h — CSR access and the bits of the privileged architecture that the
 * firmware and the kernel both use. Only what rvos needs is named here. */
#ifndef RISCV_H
#define RISCV_H
#include "types.h"

#define csr_read(csr) ({ uint64 _v; asm volatile("csrr %0, " #csr : "=r"(_v)); _v; })
#define csr_write(csr, v) asm volatile("csrw " #csr ", %0" : : "r"((uint64)(v)))
#define csr_set(csr, v) asm volatile("csrs " #csr ", %0" : : "r"((uint64)(v)))
#define csr_clear(csr, v) asm volatile("csrc " #csr ", %0" : : "r"((uint64)(v)))

/* mstatus / sstatus */
#define MSTATUS_MPP_MASK (3UL << 11)
#define MSTATUS_MPP_S    (1UL << 11)
#define MSTATUS_MPIE     (1UL << 7)
#define MSTATUS_MIE      (1UL << 3)
#define SSTATUS_SPP      (1UL << 8)  /* previous mode: 1 = S, 0 = U */
#define SSTATUS_SPIE     (1UL << 5)
#define SSTATUS_SIE      (1UL << 1)

/* interrupt bits, the same in mip/mie/sip/sie */
#define IRQ_SSI 1
#define IRQ_MSI 3
#define IRQ_STI 5
#define IRQ_MTI 7
#define IRQ_SEI 9

/* exception causes */
#define CAUSE_ILLEGAL     2
#define CAUSE_BREAKPOINT  3
#define CAUSE_ECALL_U     8
#define CAUSE_ECALL_S     9
#define CAUSE_INTERRUPT   (1UL << 63)

#define MENVCFG_STCE (1UL << 63)       /* Sstc: stimecmp is usable */

/* Sv39 */
#define PGSIZE 4096
#define PGSHIFT 12
#define PGROUNDUP(a) (((a) + PGSIZE - 1) & ~(uint64)(PGSIZE - 1))
#define PGROUNDDOWN(a) ((a) & ~(uint64)(PGSIZE - 1))
#define PTE_V (1L << 0)
#define PTE_R (1L << 1)
#define PTE_W (1L << 2)
#define PTE_X (1L << 3)
#define PTE_U (1L << 4)
#define PTE_A (1L << 6)
#define PTE_D (1L << 7)
#define PA2PTE(pa) ((((uint64)(pa)) >> 12) << 10)
#define PTE2PA(pte) (((pte) >> 10) << 12)
#define PTE_FLAGS(pte) ((pte) & 0x3FF)
#define PXSHIFT(level) (PGSHIFT + 9 * (level))
#define PX(level, va) ((((uint64)(va)) >> PXSHIFT(level)) & 0x1FF)
/* one bit less than Sv39 allows, so no address needs sign extension */
#define MAXVA (1L << (9 + 9 + 9 + 12 - 1))
#define SATP_SV39 (8L << 60)
#define MAKE_SATP(pt) (SATP_SV39 | (((uint64)(pt)) >> 12))

static inline void sfence_vma(void) { asm volatile("sfence.vma zero, zero"); }

/* Sdtrig tdata1 for mcontrol6 (type 6); see docs/rvos.md */
#define TDATA1_TYPE_SHIFT 60
#define MC6_TYPE      (6UL << 60)
#define MC6_HIT1      (1UL << 25)
#define MC6_HIT0      (1UL << 22)
#define MC6_SIZE_SHIFT 16
#define MC6_U         (1UL << 3)
#define MC6_S         (1UL << 4)
#define MC6_M         (1UL << 6)
#define MC6_EXECUTE   (1UL << 2)
#define MC6_STORE     (1UL << 1)
#define MC6_LOAD      (1UL << 0)
#endif
