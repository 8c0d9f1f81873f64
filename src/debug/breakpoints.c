/* Emulator-side breakpoints, for the monitor and GDB: virtual addresses
 * with a scope. A code page holding one runs in the checked loop, which
 * asks here before each instruction; other pages never look. */
#include "debug.h"
#include "spaces.h"
#include "../core/mmu.h"

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

/* Only when the address matched: a breakpoint costs nothing elsewhere. A
 * space scope needs translation on (not M mode, not Bare). */
static bool scope_ok(const hart_t *h, const bp_scope_t *s)
{
    if (s->priv >= 0 && s->priv != h->priv)
        return false;
    if (s->hart >= 0 && (unsigned)s->hart != h->hartid)
        return false;
    if (s->satp_ppn < 0 && s->asid < 0 && !s->space)
        return true;
    if (h->priv == PRIV_M || !mmu_satp_paged(h->xlen, h->satp))
        return false;
    if (s->space && !dbg_space_contains(h->m, s->space, h->satp))
        return false;
    if (s->satp_ppn >= 0 && (uint64_t)s->satp_ppn != space_root_ppn(h->xlen, h->satp))
        return false;
    if (s->asid >= 0 && (uint64_t)s->asid != space_asid(h->xlen, h->satp))
        return false;
    return true;
}

bool dbg_bp_scope(machine_t *m, int id, bp_scope_t *scope)
{
    const dbg_list_t *l = dbg_bps(m);
    const bp_t *bp = l->v;
    for (unsigned i = 0; i < l->n; i++)
        if (bp[i].id == id) {
            *scope = bp[i].scope;
            return true;
        }
    return false;
}

/* Does breakpoint b apply in hart h's current space (by satp alone: the
 * privilege is checked when the pc matches)? */
static bool in_space(const hart_t *h, const bp_t *b)
{
    if (b->scope.space)             /* asks the OS description (a pid's exec) */
        return dbg_space_contains(h->m, b->scope.space, h->satp);
    return b->scope.satp_ppn < 0 || (mmu_satp_paged(h->xlen, h->satp) &&
           (uint64_t)b->scope.satp_ppn == space_root_ppn(h->xlen, h->satp));
}

/* A breakpoint scoped to another address space leaves the page fast, and
 * with none for the current space, code is not even armed: the hart's
 * arming is recomputed at every satp write while scoped breakpoints
 * exist (dbg_bp_any_scoped arms the satp event; the write ends the slice,
 * so compiled code does not run on past the switch). */
bool dbg_bp_on_page(hart_t *h, uint64_t vbase)
{
    const dbg_list_t *l = dbg_bps(h->m);
    const bp_t *bp = l->v;
    for (unsigned i = 0; i < l->n; i++)
        if ((bp[i].va & ~(uint64_t)(PAGE_SIZE - 1)) == vbase && in_space(h, &bp[i]))
            return true;
    return false;
}

bool dbg_bp_any_here(const hart_t *h)
{
    const dbg_list_t *l = dbg_bps(h->m);
    for (unsigned i = 0; i < l->n; i++)
        if (in_space(h, (const bp_t *)l->v + i))
            return true;
    return false;
}

bool dbg_bp_any_scoped(machine_t *m)
{
    const dbg_list_t *l = dbg_bps(m);
    for (unsigned i = 0; i < l->n; i++)
        if (((const bp_t *)l->v)[i].scope.satp_ppn >= 0 || ((const bp_t *)l->v)[i].scope.space)
            return true;
    return false;
}

int dbg_space_user(machine_t *m, int space)
{
    const dbg_list_t *l = dbg_bps(m);
    for (unsigned i = 0; i < l->n; i++)
        if (((const bp_t *)l->v)[i].scope.space == space)
            return ((const bp_t *)l->v)[i].id;
    l = dbg_catches(m);
    for (unsigned i = 0; i < l->n; i++) {
        const dbg_catch_t *c = (const dbg_catch_t *)l->v + i;
        if ((c->kind == CATCH_SATP || c->kind == CATCH_USER) && c->arg >= 0 && (c->arg & CATCH_SPACE) &&
            (int)(c->arg & ~CATCH_SPACE) == space)
            return c->id;
    }
    return 0;
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
