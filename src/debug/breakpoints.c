/* Emulator-side breakpoints, for the monitor and GDB: virtual addresses
 * with a scope. A code page holding one runs in the checked loop, which
 * asks here before each instruction; other pages never look. */
#include "debug.h"

typedef struct bp {
    int id, owner;              /* id first: a dbg_list_t record */
    uint64_t va;
    bp_scope_t scope;
} bp_t;

unsigned dbg_bp_count(const machine_t *m)
{
    return dbg_bps((machine_t *)m)->n;
}

int dbg_bp_insert(machine_t *m, uint64_t va, const bp_scope_t *scope, int owner)
{
    bp_t *b = dbg_list_add(m, dbg_bps(m), sizeof *b);
    b->owner = owner;
    b->va = m->xlen == 32 ? (uint32_t)va : va;
    b->scope = scope ? *scope : BP_SCOPE_ANY;
    dbg_rearm(m);
    return b->id;
}

bool dbg_bp_remove(machine_t *m, int id)
{
    return dbg_list_remove(m, dbg_bps(m), sizeof(bp_t), id);
}

int dbg_bp_find(machine_t *m, uint64_t va, int owner)
{
    const dbg_list_t *l = dbg_bps(m);
    const bp_t *bp = l->v;
    for (unsigned i = 0; i < l->n; i++)
        if (bp[i].va == va && bp[i].owner == owner)
            return bp[i].id;
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

bool dbg_bp_on_page(machine_t *m, uint64_t vbase)
{
    const dbg_list_t *l = dbg_bps(m);
    const bp_t *bp = l->v;
    for (unsigned i = 0; i < l->n; i++)
        if ((bp[i].va & ~(uint64_t)(PAGE_SIZE - 1)) == vbase)
            return true;
    return false;
}

bool dbg_bp_check(hart_t *h)
{
    const dbg_list_t *l = dbg_bps(h->m);
    if (h->pc == h->dbg->bp_resume) {
        h->dbg->bp_resume = TLB_INVALID;   /* resuming from here: run it once */
        return true;
    }
    for (unsigned i = 0; i < l->n; i++) {
        const bp_t *b = (const bp_t *)l->v + i;
        if (b->va == h->pc && scope_ok(h, &b->scope)) {
            h->budget++;              /* it did not execute */
            dbg_record_stop(h, &(dbg_stop_t){ .kind = DS_BREAKPOINT, .id = b->id, .addr = h->pc });
            return false;
        }
    }
    return true;
}
