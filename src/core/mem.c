/* Slow paths of guest memory access: translation, physical memory
 * attributes (RAM or device), TLB refill, and the checks that keep the
 * fast path honest (decoded code pages, tohost). */
#include "mem.h"
#include "trap.h"
#include "mmu.h"
#include "run.h"
#include "../machine.h"
#include "../debug/dbg_core.h"

static unsigned fault_cause(enum access acc, bool page)
{
    if (page)
        return acc == ACC_EXEC ? EXC_INSN_PAGE : acc == ACC_READ ? EXC_LOAD_PAGE : EXC_STORE_PAGE;
    return acc == ACC_EXEC ? EXC_INSN_ACCESS : acc == ACC_READ ? EXC_LOAD_ACCESS : EXC_STORE_ACCESS;
}

static xlat_entry_t *xlat_of(hart_t *h, enum access acc, uint64_t va)
{
    return &h->xlat[acc][(va >> 12) & (TLB_SIZE - 1)];
}

static void tlb_fill(hart_t *h, enum access acc, uint64_t va, uint64_t pa)
{
    /* Pages a trigger or watchpoint may match stay off the fast path; so
     * does every store while the instruction hook must see them. A refusal
     * is remembered with the page's translation (both go on any change to
     * triggers, watchpoints or hooks, which flushes), so a watched page
     * does not search the watch list at every access. */
    xlat_entry_t *x = xlat_of(h, acc, va);
    bool known = x->tag == (va & ~(uint64_t)(PAGE_SIZE - 1));
    if (known && x->nofill)
        return;
    if (h->pmp_nocache)          /* PMP permissions differ within the page */
        return;
    if (unlikely(h->dbg_armed & DBG_ARM_DATA) && dbg_data_page_watched(h, acc, va, pa)) {
        if (known)
            x->nofill = true;
        return;
    }
    tlb_entry_t *e = &h->tlb[acc][(va >> 12) & (TLB_SIZE - 1)];
    e->tag = va & ~(uint64_t)(PAGE_SIZE - 1);
    e->addend = (uintptr_t)(h->m->ram + (pa & ~(uint64_t)(PAGE_SIZE - 1)) - RAM_BASE) - e->tag;
}

/* Tell the instruction hook about a store, if one listens. */
static void note_store(hart_t *h, uint64_t va, unsigned size)
{
    if (unlikely(h->dbg_armed & DBG_ARM_HOOK))
        dbg_note_store(h, va, size);
}

/* Translate and find the RAM or device behind va; raises the fault. */
static bool resolve(hart_t *h, uint64_t va, unsigned size, enum access acc, uint64_t *pa)
{
    int cause;
    uint64_t vpage = va & ~(uint64_t)(PAGE_SIZE - 1);
    xlat_entry_t *x = xlat_of(h, acc, va);
    if (x->tag == vpage) {
        *pa = x->pa | (va & (PAGE_SIZE - 1));
        h->pmp_nocache = false;  /* only uniform pages are cached */
        return true;
    }
    if (!mmu_translate(h, va, acc, pa, &cause)) {
        hart_exception(h, (unsigned)cause, va);
        return false;
    }
    if (h->pmp_nocache)
        return true;            /* translate again next time: PMP is per access here */
    x->tag = vpage;     /* a successful walk set A (and D for a write) */
    x->pa = *pa & ~(uint64_t)(PAGE_SIZE - 1);
    x->nofill = false;
    (void)size;
    return true;
}

/* Misaligned loads and stores are done byte by byte, as QEMU does for
 * RAM (Zicclsm); a fault on any byte raises it with that byte's address. */
static bool load_split(hart_t *h, uint64_t va, unsigned size, uint64_t *val)
{
    uint64_t v = 0, b;
    uint64_t mask = h->xlen == 32 ? 0xffffffffull : ~0ull;
    /* Triggers see one access of the real size, not its bytes. */
    bool watched = h->dbg_armed & DBG_ARM_LOAD;
    if (watched && !sdtrig_access(h, TK_LOAD, PH_BEFORE, va, size, 0))
        return false;
    h->in_split = true;
    for (unsigned i = 0; i < size; i++) {
        if (!mem_load_slow(h, (va + i) & mask, 1, &b)) {
            h->in_split = false;
            return false;
        }
        v |= b << (8 * i);
    }
    h->in_split = false;
    *val = v;
    if (watched)
        sdtrig_access(h, TK_LOAD, PH_AFTER, va, size, v);
    return true;
}

static bool store_split(hart_t *h, uint64_t va, unsigned size, uint64_t val)
{
    uint64_t mask = h->xlen == 32 ? 0xffffffffull : ~0ull;
    uint64_t pa;
    int cause;
    /* Check every byte first, so a fault leaves memory untouched. */
    for (unsigned i = 0; i < size; i++) {
        uint64_t a = (va + i) & mask;
        if (!mmu_translate(h, a, ACC_WRITE, &pa, &cause)) {
            hart_exception(h, (unsigned)cause, a);
            return false;
        }
        if (!machine_is_ram(h->m, pa, 1) && !machine_find_device(h->m, pa)) {
            hart_exception(h, EXC_STORE_ACCESS, a);
            return false;
        }
    }
    bool watched = h->dbg_armed & DBG_ARM_STORE;
    if (watched && !sdtrig_access(h, TK_STORE, PH_BEFORE, va, size, val))
        return false;
    h->in_split = true;
    for (unsigned i = 0; i < size; i++) {
        if (!mem_store_slow(h, (va + i) & mask, 1, (val >> (8 * i)) & 0xff)) {
            h->in_split = false;
            return false;
        }
    }
    h->in_split = false;
    if (watched)
        sdtrig_access(h, TK_STORE, PH_AFTER, va, size, val);
    return true;
}

bool mem_load_slow(hart_t *h, uint64_t va, unsigned size, uint64_t *val)
{
    machine_t *m = h->m;
    uint64_t pa;
    if (va & (size - 1))
        return load_split(h, va, size, val);
    bool watched = (h->dbg_armed & DBG_ARM_LOAD) && !h->in_split;
    if (watched && !sdtrig_access(h, TK_LOAD, PH_BEFORE, va, size, 0))
        return false;
    if (!resolve(h, va, size, ACC_READ, &pa))
        return false;
    if (machine_is_ram(m, pa, size)) {
        const uint8_t *p = m->ram + (pa - RAM_BASE);
        uint64_t v = 0;
        for (unsigned i = 0; i < size; i++)
            v |= (uint64_t)p[i] << (8 * i);
        *val = v;
        tlb_fill(h, ACC_READ, va, pa);
        if (watched)
            sdtrig_access(h, TK_LOAD, PH_AFTER, va, size, v);
        if (unlikely(h->dbg_armed & DBG_ARM_WATCH))
            dbg_watch_access(h, ACC_READ, va, pa, size);
        return true;
    }
    const device_t *d = machine_find_device(m, pa);
    if (d && d->read(d->opaque, pa - d->base, size, val)) {
        if (watched)
            sdtrig_access(h, TK_LOAD, PH_AFTER, va, size, *val);
        return true;
    }
    hart_exception(h, fault_cause(ACC_READ, false), va);
    return false;
}

bool mem_store_slow(hart_t *h, uint64_t va, unsigned size, uint64_t val)
{
    machine_t *m = h->m;
    uint64_t pa;
    if (va & (size - 1))
        return store_split(h, va, size, val);
    bool watched = (h->dbg_armed & DBG_ARM_STORE) && !h->in_split;
    if (watched && !sdtrig_access(h, TK_STORE, PH_BEFORE, va, size, val))
        return false;
    if (!resolve(h, va, size, ACC_WRITE, &pa))
        return false;
    if (machine_is_ram(m, pa, size)) {
        uint8_t *p = m->ram + (pa - RAM_BASE);
        for (unsigned i = 0; i < size; i++)
            p[i] = (uint8_t)(val >> (8 * i));
        if (m->page_flags[(pa - RAM_BASE) >> PAGE_SHIFT])
            machine_ram_written(m, h, pa, size);
        else
            tlb_fill(h, ACC_WRITE, va, pa);
        if (watched)
            sdtrig_access(h, TK_STORE, PH_AFTER, va, size, val);
        note_store(h, va, size);
        if (unlikely(h->dbg_armed & DBG_ARM_WATCH))
            dbg_watch_access(h, ACC_WRITE, va, pa, size);
        return true;
    }
    const device_t *d = machine_find_device(m, pa);
    if (d && d->write(d->opaque, pa - d->base, size, val)) {
        hart_end_slice(h);    /* a device write may raise an interrupt or stop the run */
        if (watched)
            sdtrig_access(h, TK_STORE, PH_AFTER, va, size, val);
        note_store(h, va, size);
        return true;
    }
    hart_exception(h, fault_cause(ACC_WRITE, false), va);
    return false;
}

void *mem_amo_ptr(hart_t *h, uint64_t va, unsigned size, bool is_lr)
{
    machine_t *m = h->m;
    enum access acc = is_lr ? ACC_READ : ACC_WRITE;
    uint64_t pa;
    if (va & (size - 1)) {
        hart_exception(h, is_lr ? EXC_LOAD_MISALIGNED : EXC_STORE_MISALIGNED, va);
        return NULL;
    }
    /* The TLB, as plain loads and stores use it (spinlocks are AMOs): an
     * entry exists only for a plain RAM page, and a write entry only once a
     * write translated (D set). With triggers or watchpoints armed, a page
     * may have one kind of entry and still need the other kind's checks. */
    tlb_entry_t *e = &h->tlb[acc][(va >> 12) & (TLB_SIZE - 1)];
    if (likely(e->tag == tlb_tag(va, size)) &&
        !(h->dbg_armed & (DBG_ARM_LOAD | DBG_ARM_STORE | DBG_ARM_WATCH)))
        return (void *)(uintptr_t)(va + e->addend);
    /* The read half's triggers rank above faults; the write half's fire
     * after the access, so only once it cannot fault any more. */
    if ((h->dbg_armed & DBG_ARM_LOAD) && !sdtrig_access(h, TK_LOAD, PH_BEFORE, va, size, 0))
        return NULL;
    if (!resolve(h, va, size, acc, &pa))
        return NULL;
    if (!machine_is_ram(m, pa, size)) {     /* no atomics on devices */
        hart_exception(h, fault_cause(acc, false), va);
        return NULL;
    }
    if (!is_lr && (h->dbg_armed & DBG_ARM_STORE))
        sdtrig_access(h, TK_STORE, PH_AFTER, va, size, 0);
    if (m->page_flags[(pa - RAM_BASE) >> PAGE_SHIFT]) {
        if (!is_lr)
            machine_ram_written(m, h, pa, size);
    } else {
        tlb_fill(h, acc, va, pa);
    }
    if (unlikely(h->dbg_armed & DBG_ARM_WATCH))
        dbg_watch_access(h, acc, va, pa, size);
    if (!is_lr)
        note_store(h, va, size);
    return m->ram + (pa - RAM_BASE);
}

/* A fetch fault: an execute-address trigger on that pc ranks above it. */
static bool fetch_fault(hart_t *h, unsigned cause)
{
    if ((h->dbg_armed & DBG_ARM_EXEC) && !sdtrig_access(h, TK_EXEC, PH_BEFORE, h->pc, 2, 0))
        return false;
    hart_exception(h, cause, h->pc);
    return false;
}

bool mem_fetch_tlb(const hart_t *h, uint64_t va, uint64_t *pa)
{
    uint64_t vbase = va & ~(uint64_t)(PAGE_SIZE - 1);
    const tlb_entry_t *e = &h->tlb[ACC_EXEC][(va >> 12) & (TLB_SIZE - 1)];
    if (e->tag != vbase)
        return false;
    *pa = (uint64_t)((uintptr_t)(vbase + e->addend) - (uintptr_t)h->m->ram) + RAM_BASE;
    return true;
}

void mem_fetch_set(hart_t *h, uint64_t pa, struct dpage *d, bool checked)
{
    h->fetch_vbase = h->pc & ~(uint64_t)(PAGE_SIZE - 1);
    h->fetch_pa = pa & ~(uint64_t)(PAGE_SIZE - 1);
    h->fetch_slots = d->slots;
    h->fetch_dpage = d;
    h->fetch_checked = checked;
}

bool mem_fetch_page(hart_t *h)
{
    machine_t *m = h->m;
    uint64_t pa;
    int cause;
    if (!mem_fetch_tlb(h, h->pc, &pa)) {        /* else no walk */
        if (!mmu_translate(h, h->pc, ACC_EXEC, &pa, &cause))
            return fetch_fault(h, (unsigned)cause);
        if (!machine_is_ram(m, pa, 2))
            return fetch_fault(h, EXC_INSN_ACCESS);
        tlb_fill(h, ACC_EXEC, h->pc, pa);
    }
    uint64_t pn = (pa - RAM_BASE) >> PAGE_SHIFT;
    if (!m->dpages[pn])
        m->dpages[pn] = dpage_new(m, pa);
    mem_fetch_set(h, pa, m->dpages[pn], (h->dbg_armed & DBG_ARM_CODE) &&
                  dbg_code_page_checked(h, h->pc & ~(uint64_t)(PAGE_SIZE - 1)));
    return true;
}

bool mem_fetch16(hart_t *h, uint64_t va, uint16_t *out)
{
    machine_t *m = h->m;
    uint64_t pa;
    int cause;
    if (h->xlen == 32)
        va = (uint32_t)va;
    if (!mmu_translate(h, va, ACC_EXEC, &pa, &cause)) {
        hart_exception(h, (unsigned)cause, va);
        return false;
    }
    if (!machine_is_ram(m, pa, 2)) {
        hart_exception(h, EXC_INSN_ACCESS, va);
        return false;
    }
    const uint8_t *p = m->ram + (pa - RAM_BASE);
    *out = (uint16_t)(p[0] | p[1] << 8);
    return true;
}
