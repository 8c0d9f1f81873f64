/* Emulator-side breakpoints and watchpoints, for the monitor and GDB.
 *
 * Breakpoints are a list of virtual addresses with a scope. A code page
 * holding one runs in the checked loop (run.c), which asks here before
 * each instruction; other pages never look. Watchpoints keep their pages
 * out of the TLB, so only accesses to those pages reach the check. */
#include "bpwp.h"
#include "../core/csr.h"
#include "debug.h"
#include "../jit/jit.h"
#include <stdlib.h>
#include <string.h>

typedef struct bp {
    int id, owner;
    uint64_t va;
    bp_scope_t scope;
} bp_t;

typedef struct wp {
    int id, owner;
    uint64_t addr, len;
    enum wp_kind kind;
    bool phys;
} wp_t;

struct dbg_table {
    bp_t *bp;  unsigned nbp, capbp;
    wp_t *wp;  unsigned nwp, capwp;
    int next_id;
    stop_info_t info;
};

static struct dbg_table *table(machine_t *m)
{
    if (!m->dbgt) {
        m->dbgt = calloc(1, sizeof *m->dbgt);
        if (!m->dbgt)
            abort();
        m->dbgt->next_id = 1;
        m->stop_info = &m->dbgt->info;
    }
    return m->dbgt;
}

/* Every hart must look again at its code page and TLB. */
static void rearm(machine_t *m)
{
    for (unsigned i = 0; i < m->nharts; i++) {
        hart_flush_tlb(m->harts[i]);
        hart_end_slice(m->harts[i]);
    }
}

static void *grow(void *p, unsigned *cap, size_t elem)
{
    unsigned n = *cap ? *cap * 2 : 16;
    void *q = realloc(p, n * elem);
    if (!q)
        abort();
    *cap = n;
    return q;
}

int dbg_bp_insert(machine_t *m, uint64_t va, const bp_scope_t *scope, int owner)
{
    struct dbg_table *t = table(m);
    if (t->nbp == t->capbp)
        t->bp = grow(t->bp, &t->capbp, sizeof *t->bp);
    bp_t *b = &t->bp[t->nbp++];
    b->id = t->next_id++;
    b->owner = owner;
    b->va = m->xlen == 32 ? (uint32_t)va : va;
    b->scope = scope ? *scope : BP_SCOPE_ANY;
    m->dbg_nbp = t->nbp;
    rearm(m);
    return b->id;
}

bool dbg_bp_remove(machine_t *m, int id)
{
    struct dbg_table *t = table(m);
    for (unsigned i = 0; i < t->nbp; i++) {
        if (t->bp[i].id == id) {
            t->bp[i] = t->bp[--t->nbp];
            m->dbg_nbp = t->nbp;
            rearm(m);
            return true;
        }
    }
    return false;
}

int dbg_bp_find(machine_t *m, uint64_t va, int owner)
{
    struct dbg_table *t = table(m);
    for (unsigned i = 0; i < t->nbp; i++)
        if (t->bp[i].va == va && t->bp[i].owner == owner)
            return t->bp[i].id;
    return -1;
}

int dbg_wp_insert(machine_t *m, uint64_t addr, uint64_t len, enum wp_kind kind, bool phys, int owner)
{
    struct dbg_table *t = table(m);
    if (len == 0)
        len = 1;
    if (t->nwp == t->capwp)
        t->wp = grow(t->wp, &t->capwp, sizeof *t->wp);
    wp_t *w = &t->wp[t->nwp++];
    w->id = t->next_id++;
    w->owner = owner;
    w->addr = addr;
    w->len = len;
    w->kind = kind;
    w->phys = phys;
    m->dbg_nwatch = t->nwp;
    rearm(m);
    return w->id;
}

bool dbg_wp_remove(machine_t *m, int id)
{
    struct dbg_table *t = table(m);
    for (unsigned i = 0; i < t->nwp; i++) {
        if (t->wp[i].id == id) {
            t->wp[i] = t->wp[--t->nwp];
            m->dbg_nwatch = t->nwp;
            rearm(m);
            return true;
        }
    }
    return false;
}

int dbg_wp_find(machine_t *m, uint64_t addr, uint64_t len, enum wp_kind kind, int owner)
{
    struct dbg_table *t = table(m);
    for (unsigned i = 0; i < t->nwp; i++) {
        wp_t *w = &t->wp[i];
        if (w->addr == addr && w->len == (len ? len : 1) && w->kind == kind && w->owner == owner)
            return w->id;
    }
    return -1;
}

static bool scope_ok(const hart_t *h, const bp_scope_t *s)
{
    if (s->priv >= 0 && s->priv != h->priv)
        return false;
    if (s->hart >= 0 && (unsigned)s->hart != h->hartid)
        return false;
    uint64_t ppn = h->xlen == 32 ? h->satp & 0x3fffff : h->satp & ((1ull << 44) - 1);
    uint64_t asid = h->xlen == 32 ? (h->satp >> 22) & 0x1ff : (h->satp >> 44) & 0xffff;
    if (s->satp_ppn >= 0 && (uint64_t)s->satp_ppn != ppn)
        return false;
    if (s->asid >= 0 && (uint64_t)s->asid != asid)
        return false;
    return true;
}

bool dbg_page_checked(hart_t *h, uint64_t vbase)
{
    machine_t *m = h->m;
    if ((m->itrace || m->insn_hook) && !jit_covers_hooks(m))
        return true;
    if (h->dbg_exec_armed || h->dbg->icount_armed || h->dbg->step_pending)
        return true;
    if (!m->dbg_nbp)
        return false;
    struct dbg_table *t = m->dbgt;
    for (unsigned i = 0; i < t->nbp; i++)
        if ((t->bp[i].va & ~(uint64_t)(PAGE_SIZE - 1)) == vbase)
            return true;
    return false;
}

void dbg_record_stop(machine_t *m, hart_t *h, enum stop_kind kind, int id, uint64_t addr, enum wp_kind wk)
{
    struct dbg_table *t = table(m);
    if (m->stop)
        return;             /* the first reason wins */
    t->info = (stop_info_t){ .kind = kind, .hart = h->hartid, .id = id, .addr = addr,
                             .wkind = wk, .pc = h->pc };
    machine_request_stop(m, STOP_DEBUG);
}

bool dbg_check_breakpoint(hart_t *h)
{
    machine_t *m = h->m;
    if (!m->dbg_nbp)
        return true;
    if (h->pc == h->bp_resume) {
        h->bp_resume = TLB_INVALID;   /* resuming from here: run it once */
        return true;
    }
    struct dbg_table *t = m->dbgt;
    for (unsigned i = 0; i < t->nbp; i++) {
        bp_t *b = &t->bp[i];
        if (b->va == h->pc && scope_ok(h, &b->scope)) {
            h->budget++;              /* it did not execute */
            dbg_record_stop(m, h, SK_BREAKPOINT, b->id, h->pc, 0);
            return false;
        }
    }
    return true;
}

static bool overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
    return a < b + blen && b < a + alen;
}

bool dbg_data_page_watched(hart_t *h, enum access acc, uint64_t va, uint64_t pa)
{
    machine_t *m = h->m;
    if (!m->dbg_nwatch)
        return false;
    struct dbg_table *t = m->dbgt;
    uint64_t vpage = va & ~(uint64_t)(PAGE_SIZE - 1), ppage = pa & ~(uint64_t)(PAGE_SIZE - 1);
    for (unsigned i = 0; i < t->nwp; i++) {
        wp_t *w = &t->wp[i];
        bool kind_ok = acc == ACC_WRITE ? (w->kind & WP_WRITE) : (w->kind & WP_READ);
        if (kind_ok && overlaps(w->addr, w->len, w->phys ? ppage : vpage, PAGE_SIZE))
            return true;
    }
    return false;
}

void dbg_check_watch(hart_t *h, enum access acc, uint64_t va, uint64_t pa, unsigned size)
{
    machine_t *m = h->m;
    struct dbg_table *t = m->dbgt;
    for (unsigned i = 0; i < t->nwp; i++) {
        wp_t *w = &t->wp[i];
        bool kind_ok = acc == ACC_WRITE ? (w->kind & WP_WRITE) : (w->kind & WP_READ);
        uint64_t a = w->phys ? pa : va;
        if (kind_ok && overlaps(w->addr, w->len, a, size)) {
            /* Stop after this instruction: machine_request_stop ends the
             * slice but lets the current instruction complete. */
            dbg_record_stop(m, h, SK_WATCHPOINT, w->id, va,
                            acc == ACC_WRITE ? WP_WRITE : WP_READ);
            return;
        }
    }
}

void dbg_set_insn_hook(machine_t *m, insn_hook_fn fn, void *ctx)
{
    m->insn_hook = fn;
    m->insn_hook_ctx = ctx;
    rearm(m);
}

void dbg_hook_fast_stores(machine_t *m, bool on)
{
    m->hook_fast_stores = on;
    rearm(m);
}

void dbg_set_ebreak_stops(machine_t *m, bool on)
{
    m->ebreak_stops = on;
}

void dbg_table_free(machine_t *m)
{
    if (!m->dbgt)
        return;
    free(m->dbgt->bp);
    free(m->dbgt->wp);
    free(m->dbgt);
    m->dbgt = NULL;
    m->stop_info = NULL;
}
