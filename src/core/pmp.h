/* Physical memory protection (privileged spec 3.7): 64 entries, 4-byte
 * granularity, OFF/TOR/NA4/NAPOT, the L bit (locks the entry and applies
 * it to M mode). Checked when a translation is made (mmu_translate), not
 * on every access: the TLBs keep a page only when PMP gives the whole
 * page one answer, and every write to a PMP register flushes them. */
#ifndef RVSCOPE_PMP_H
#define RVSCOPE_PMP_H
#include "hart.h"

/* May hart h access [pa, pa+size) for acc at privilege priv? Sets
 * h->pmp_nocache when the 4 KiB page of pa has mixed permissions (its
 * translation must not be cached). */
bool pmp_allows(hart_t *h, uint64_t pa, unsigned size, enum access acc, int priv);

/* CSR writes with the WARL and lock rules; csr_index is csr - pmpcfg0 or
 * csr - pmpaddr0. */
void pmp_write_cfg(hart_t *h, unsigned csr_index, uint64_t v);
void pmp_write_addr(hart_t *h, unsigned index, uint64_t v);

#endif
