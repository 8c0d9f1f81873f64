/* `info mem [SATP]`: a page table as the mapped ranges it holds, with their
 * permissions, like QEMU's `info mem` (SPEC §4: see what an address space
 * maps). It reads the table through physical memory, never through the
 * TLB, and changes nothing (no A/D bits). Adjacent pages with contiguous
 * physical addresses and the same permissions are one line. */
#include "mon.h"
#include "../core/mmu.h"
#include <inttypes.h>

typedef struct run {
    bool     open;
    uint64_t va, pa, size;
    unsigned attr;               /* PTE bits V R W X U G A D */
} run_t;

static void flush(mon_t *M, run_t *r)
{
    if (!r->open)
        return;
    static const char names[] = "rwxugad";
    char attr[8];
    for (int i = 0; i < 7; i++)
        attr[i] = (r->attr >> (i + 1)) & 1 ? names[i] : '-';
    attr[7] = 0;
    int w = M->m->xlen == 32 ? 8 : 16;
    mon_printf(M, "%0*" PRIx64 " %0*" PRIx64 " %0*" PRIx64 " %s\n", w, r->va, w, r->pa, w,
               r->size, attr);
    r->open = false;
}

static void add(mon_t *M, run_t *r, uint64_t va, uint64_t pa, uint64_t size, unsigned attr)
{
    if (r->open && r->va + r->size == va && r->pa + r->size == pa && r->attr == attr) {
        r->size += size;
        return;
    }
    flush(M, r);
    *r = (run_t){ true, va, pa, size, attr };
}

/* One table at physical address table, level `level` (top = levels-1). */
static void walk(mon_t *M, run_t *r, uint64_t table, int level, uint64_t va_base, bool sv39,
                 unsigned *budget)
{
    unsigned ptesize = sv39 ? 8 : 4, bits = sv39 ? 9 : 10, entries = 1u << bits;
    for (unsigned i = 0; i < entries && *budget; i++) {
        uint8_t b[8] = {0};
        if (!machine_phys_read(M->m, table + i * ptesize, b, ptesize))
            return;
        uint64_t pte = 0;
        for (unsigned k = 0; k < ptesize; k++)
            pte |= (uint64_t)b[k] << (8 * k);
        if (!(pte & 1))
            continue;
        uint64_t span = 1ull << (12 + bits * level);
        uint64_t va = va_base + i * span;
        if (sv39 && (va >> 38) & 1)
            va |= ~((1ull << 39) - 1);        /* canonical: sign-extended bit 38 */
        uint64_t ppn = sv39 ? (pte >> 10) & ((1ull << 44) - 1) : (pte >> 10) & 0x3fffff;
        if (pte & 0xe) {                       /* R, W or X: a leaf */
            (*budget)--;
            add(M, r, va, ppn << 12, span, (unsigned)(pte & 0xff));
        } else if (level > 0) {
            walk(M, r, ppn << 12, level - 1, va_base + i * span, sv39, budget);
        }
    }
}

bool info_mem(mon_t *M, char *args)
{
    hart_t *h = mon_hart(M);
    uint64_t satp = h->satp;
    if (*args && !mon_eval(M, args, &satp))
        return false;
    if (!mmu_satp_paged(M->m->xlen, satp)) {
        mon_printf(M, "satp 0x%" PRIx64 ": no paging (Bare): virtual = physical.\n", satp);
        return true;
    }
    bool sv39 = M->m->xlen == 64;
    uint64_t root = (sv39 ? satp & ((1ull << 44) - 1) : satp & 0x3fffff) << 12;
    int w = sv39 ? 16 : 8;
    mon_printf(M, "satp 0x%" PRIx64 " (%s, ASID %" PRIu64 ", root 0x%" PRIx64 ")\n", satp,
               sv39 ? "Sv39" : "Sv32", sv39 ? (satp >> 44) & 0xffff : (satp >> 22) & 0x1ff, root);
    mon_printf(M, "%-*s %-*s %-*s attr\n", w, "vaddr", w, "paddr", w, "size");
    run_t r = { false, 0, 0, 0, 0 };
    unsigned budget = 1u << 20;              /* leaves: a hostile table cannot loop us */
    walk(M, &r, root, sv39 ? 2 : 1, 0, sv39, &budget);
    flush(M, &r);
    return true;
}
