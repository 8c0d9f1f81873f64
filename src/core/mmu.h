/* Address translation. Bare mode today; Sv32/Sv39 page walks slot in here. */
#ifndef RVSCOPE_MMU_H
#define RVSCOPE_MMU_H
#include "hart.h"

/* va -> pa for an access of kind acc by the hart's effective privilege;
 * false with *cause = the page-fault cause. */
bool mmu_translate(hart_t *h, uint64_t va, enum access acc, uint64_t *pa, int *cause);

#endif
