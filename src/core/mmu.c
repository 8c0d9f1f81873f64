/* Page walks for Sv32 and Sv39. The TLBs in mem.c cache the results per
 * access kind; satp writes, sfence.vma and privilege or MPRV/SUM/MXR
 * changes flush them (csr.c, trap.c). */
#include "mmu.h"
#include "trap.h"
#include "pmp.h"
#include "../machine.h"
#include <string.h>

#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)

typedef struct walk_cfg {
    int levels, pte_size, vpn_bits;
    uint64_t root;            /* physical address of the root table */
} walk_cfg_t;

bool mmu_satp_paged(int xlen, uint64_t satp)
{
    return xlen == 32 ? (satp >> 31) & 1 : (satp >> 60) == 8;
}

static walk_cfg_t cfg_of(int xlen, uint64_t satp)
{
    if (xlen == 32)
        return (walk_cfg_t){ 2, 4, 10, (satp & 0x3fffff) << 12 };
    return (walk_cfg_t){ 3, 8, 9, (satp & ((1ull << 44) - 1)) << 12 };
}

static int page_fault(enum access acc)
{
    return acc == ACC_EXEC ? EXC_INSN_PAGE : acc == ACC_READ ? EXC_LOAD_PAGE : EXC_STORE_PAGE;
}

static int access_fault(enum access acc)
{
    return acc == ACC_EXEC ? EXC_INSN_ACCESS : acc == ACC_READ ? EXC_LOAD_ACCESS : EXC_STORE_ACCESS;
}

static bool read_pte(machine_t *m, uint64_t a, int size, uint64_t *pte)
{
    uint64_t v = 0;
    if (!machine_phys_read(m, a, &v, (uint64_t)size))
        return false;
    *pte = v;
    return true;
}

/* The walk itself. With h == NULL-like debug use (check = false), no
 * permission checks and no A/D updates. */
static bool walk(hart_t *h, uint64_t satp, uint64_t va, enum access acc, int priv, bool check,
                 uint64_t *pa, int *cause)
{
    machine_t *m = h->m;
    walk_cfg_t c = cfg_of(h->xlen, satp);
    if (h->xlen == 64) {
        /* Sv39: bits 63..39 must equal bit 38. */
        int64_t s = (int64_t)(va << 25) >> 25;
        if ((uint64_t)s != va) {
            *cause = page_fault(acc);
            return false;
        }
    } else {
        va = (uint32_t)va;
    }
    uint64_t a = c.root;
    uint64_t vpn_mask = (1u << c.vpn_bits) - 1;
    for (int i = c.levels - 1; i >= 0; i--) {
        uint64_t vpn = (va >> (12 + i * c.vpn_bits)) & vpn_mask;
        uint64_t pte_addr = a + vpn * (uint64_t)c.pte_size;
        uint64_t pte;
        /* The walk's own reads are S-mode accesses for PMP (privileged
         * spec 3.7.1), whatever the access it translates for. */
        if ((check && !pmp_allows(h, pte_addr, (unsigned)c.pte_size, ACC_READ, PRIV_S)) ||
            !read_pte(m, pte_addr, c.pte_size, &pte)) {
            *cause = access_fault(acc);
            return false;
        }
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W))) {
            *cause = page_fault(acc);
            return false;
        }
        uint64_t ppn = h->xlen == 32 ? (pte >> 10) & 0x3fffff : (pte >> 10) & ((1ull << 44) - 1);
        if (!(pte & (PTE_R | PTE_X))) {       /* pointer to the next level */
            a = ppn << 12;
            continue;
        }
        /* A leaf at level i: superpages must be aligned. */
        uint64_t low = (1ull << (i * c.vpn_bits)) - 1;
        if (ppn & low) {
            *cause = page_fault(acc);
            return false;
        }
        if (check) {
            bool u = pte & PTE_U;
            bool ok;
            if (acc == ACC_EXEC)
                ok = (pte & PTE_X) && (priv == PRIV_U ? u : !u);
            else {
                bool readable = (pte & PTE_R) || ((h->mstatus & MSTATUS_MXR) && (pte & PTE_X));
                ok = acc == ACC_READ ? readable : (pte & PTE_W) != 0;
                if (priv == PRIV_U && !u)
                    ok = false;
                if (priv == PRIV_S && u && !(h->mstatus & MSTATUS_SUM))
                    ok = false;
            }
            if (!ok) {
                *cause = page_fault(acc);
                return false;
            }
            /* Hardware A/D update, as QEMU does. */
            uint64_t want = pte | PTE_A | (acc == ACC_WRITE ? PTE_D : 0);
            if (want != pte)
                machine_phys_write(m, pte_addr, &want, (uint64_t)c.pte_size);
        }
        uint64_t page = (ppn | ((va >> 12) & low)) << 12;
        *pa = page | (va & 0xfff);
        return true;
    }
    *cause = page_fault(acc);
    return false;
}

bool mmu_translate(hart_t *h, uint64_t va, enum access acc, uint64_t *pa, int *cause)
{
    int priv = h->priv;
    if (acc != ACC_EXEC && (h->mstatus & MSTATUS_MPRV) && priv == PRIV_M)
        priv = (int)((h->mstatus & MSTATUS_MPP) >> 11);
    if (priv == PRIV_M || !mmu_satp_paged(h->xlen, h->satp))
        *pa = h->xlen == 32 ? (uint32_t)va : va;
    else if (!walk(h, h->satp, va, acc, priv, true, pa, cause))
        return false;
    /* PMP on the physical address (after the walk, whose checks set
     * pmp_nocache for the table's pages, not this one). */
    if (!pmp_allows(h, *pa, 1, acc, priv)) {
        *cause = access_fault(acc);
        return false;
    }
    return true;
}

bool mmu_debug_translate(hart_t *h, uint64_t satp, uint64_t va, uint64_t *pa)
{
    int cause;
    if (!mmu_satp_paged(h->xlen, satp)) {
        *pa = h->xlen == 32 ? (uint32_t)va : va;
        return true;
    }
    return walk(h, satp, va, ACC_READ, PRIV_S, false, pa, &cause);
}
