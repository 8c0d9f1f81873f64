/* Address translation: Bare, Sv32 (RV32) and Sv39 (RV64) page walks with
 * hardware A/D updates (privileged spec, "Virtual-Memory System"). */
#ifndef RVSCOPE_MMU_H
#define RVSCOPE_MMU_H
#include "hart.h"

/* va -> pa for an access of kind acc at the hart's effective privilege
 * (mstatus.MPRV applies to loads and stores). On failure *cause is the
 * page-fault or access-fault cause and false is returned. May set A/D. */
bool mmu_translate(hart_t *h, uint64_t va, enum access acc, uint64_t *pa, int *cause);

/* For debuggers: walk the page table of address space `satp` without
 * permission checks or A/D updates. Bare satp maps va to itself. */
bool mmu_debug_translate(hart_t *h, uint64_t satp, uint64_t va, uint64_t *pa);

/* Is paging on for this satp value (mode Sv32/Sv39)? */
bool mmu_satp_paged(int xlen, uint64_t satp);

#endif
