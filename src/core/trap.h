/* Traps: exceptions, interrupts and the return instructions
 * (privileged spec, "Machine-Level ISA" and "Supervisor-Level ISA"). */
#ifndef RVSCOPE_TRAP_H
#define RVSCOPE_TRAP_H
#include "hart.h"

enum exc_cause {
    EXC_INSN_MISALIGNED = 0, EXC_INSN_ACCESS = 1, EXC_ILLEGAL = 2,
    EXC_BREAKPOINT = 3, EXC_LOAD_MISALIGNED = 4, EXC_LOAD_ACCESS = 5,
    EXC_STORE_MISALIGNED = 6, EXC_STORE_ACCESS = 7, EXC_ECALL_U = 8,
    EXC_ECALL_S = 9, EXC_ECALL_M = 11, EXC_INSN_PAGE = 12,
    EXC_LOAD_PAGE = 13, EXC_STORE_PAGE = 15,
};
enum irq {
    IRQ_SSI = 1, IRQ_MSI = 3, IRQ_STI = 5, IRQ_MTI = 7, IRQ_SEI = 9, IRQ_MEI = 11,
};
#define MIP_SSIP (1u << IRQ_SSI)
#define MIP_MSIP (1u << IRQ_MSI)
#define MIP_STIP (1u << IRQ_STI)
#define MIP_MTIP (1u << IRQ_MTI)
#define MIP_SEIP (1u << IRQ_SEI)
#define MIP_MEIP (1u << IRQ_MEI)

/* mstatus fields */
#define MSTATUS_SIE  (1ull << 1)
#define MSTATUS_MIE  (1ull << 3)
#define MSTATUS_SPIE (1ull << 5)
#define MSTATUS_MPIE (1ull << 7)
#define MSTATUS_SPP  (1ull << 8)
#define MSTATUS_MPP  (3ull << 11)
#define MSTATUS_FS   (3ull << 13)   /* FP state: Off, Initial, Clean, Dirty */
#define MSTATUS_MPRV (1ull << 17)
#define MSTATUS_SUM  (1ull << 18)
#define MSTATUS_MXR  (1ull << 19)
#define MSTATUS_TVM  (1ull << 20)
#define MSTATUS_TW   (1ull << 21)
#define MSTATUS_TSR  (1ull << 22)

/* Raise a synchronous exception for the instruction at h->pc. */
void hart_exception(hart_t *h, unsigned cause, uint64_t tval);
/* Trap after an instruction that did retire (trigger "after" timing):
 * xepc = h->pc, the next instruction. */
void hart_trap_retired(hart_t *h, unsigned cause, uint64_t tval);
/* Take the highest-priority pending and enabled interrupt, if any. */
bool hart_check_interrupts(hart_t *h);
/* Pending-and-enabled interrupts ignoring the global enables (for WFI). */
uint64_t hart_pending_irqs(const hart_t *h);
void hart_mret(hart_t *h);
void hart_sret(hart_t *h);
const char *exc_cause_name(uint64_t cause, int xlen);

#endif
