/* Named address spaces: a small table per machine (see spaces.h). Nothing
 * here runs on the emulator's fast path: scopes are checked only when a
 * breakpoint's address matches, accesses only when a debugger asks. */
#include "spaces.h"
#include "debug.h"
#include "../core/mmu.h"
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SPACES 64

struct dbg_spaces {
    dbg_space_t v[MAX_SPACES];
    unsigned n;
    int next_id;
    int used;                   /* id of the `space use` space, 0 = current */
    space_resolve_fn resolve;
    space_name_fn name;
    space_member_fn member;
    void *ctx;
};

static struct dbg_spaces *table(machine_t *m)
{
    struct dbg_spaces **slot = dbg_spaces_slot(m);
    if (!*slot) {
        *slot = calloc(1, sizeof **slot);
        if (!*slot)
            abort();
    }
    return *slot;
}

uint64_t space_root_ppn(unsigned xlen, uint64_t satp)
{
    return xlen == 32 ? satp & 0x3fffff : satp & ((1ull << 44) - 1);
}

uint64_t space_asid(unsigned xlen, uint64_t satp)
{
    return xlen == 32 ? (satp >> 22) & 0x1ff : (satp >> 44) & 0xffff;
}

static bool good_name(const char *s)
{
    size_t n = strlen(s);
    if (!n || n >= SPACE_NAME_MAX || !strcmp(s, "current"))
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("_-.", *s))
            return false;
    return true;
}

static dbg_space_t *bound(struct dbg_spaces *t, const char *name)
{
    for (unsigned i = 0; i < t->n; i++)
        if (!strcmp(t->v[i].name, name))
            return &t->v[i];
    return NULL;
}

void dbg_space_set_resolver(machine_t *m, space_resolve_fn resolve, space_name_fn name, void *ctx)
{
    struct dbg_spaces *t = table(m);
    t->resolve = resolve;
    t->name = name;
    t->ctx = ctx;
}

void dbg_space_set_member(machine_t *m, space_member_fn member)
{
    table(m)->member = member;
}

bool dbg_space_bind(machine_t *m, const char *name, uint64_t satp)
{
    struct dbg_spaces *t = table(m);
    if (!good_name(name) || !mmu_satp_paged(m->xlen, satp))
        return false;
    dbg_space_t *sp = bound(t, name);
    if (!sp) {
        if (t->n == MAX_SPACES)
            return false;
        sp = &t->v[t->n++];
        sp->id = ++t->next_id;
        snprintf(sp->name, sizeof sp->name, "%s", name);
    }
    sp->satp = satp;
    sp->follow = false;             /* the user's binding: this page table */
    return true;
}

bool dbg_space_unbind(machine_t *m, const char *name)
{
    struct dbg_spaces *t = table(m);
    for (unsigned i = 0; i < t->n; i++)
        if (!strcmp(t->v[i].name, name)) {
            if (t->used == t->v[i].id)
                t->used = 0;
            memmove(&t->v[i], &t->v[i + 1], (t->n - i - 1) * sizeof t->v[0]);
            t->n--;
            return true;
        }
    return false;
}

/* A following space's page table now (0 if none: no process runs it). */
static void refresh(struct dbg_spaces *t, machine_t *m, dbg_space_t *sp)
{
    uint64_t satp;
    if (sp->follow)
        sp->satp = t->resolve(t->ctx, m, sp->name, &satp) ? satp : 0;
}

const dbg_space_t *dbg_space_find(machine_t *m, const char *name)
{
    struct dbg_spaces *t = table(m);
    dbg_space_t *sp = bound(t, name);
    uint64_t satp = 0;
    if (sp) {
        refresh(t, m, sp);
        return sp;
    }
    if (!t->resolve)
        return NULL;
    bool found = t->resolve(t->ctx, m, name, &satp);
    bool follows = t->member && t->member(t->ctx, m, name, satp) >= 0;
    if (!found && !follows)
        return NULL;
    if (found && !dbg_space_bind(m, name, satp))
        return NULL;
    if (!found) {                   /* a program no process runs yet */
        if (!good_name(name) || t->n == MAX_SPACES)
            return NULL;
        sp = &t->v[t->n++];
        sp->id = ++t->next_id;
        snprintf(sp->name, sizeof sp->name, "%s", name);
        sp->satp = 0;
    }
    sp = bound(t, name);
    sp->follow = follows;
    return sp;
}

const dbg_space_t *dbg_space_bound(machine_t *m, const char *name)
{
    return bound(table(m), name);
}

bool dbg_space_contains(machine_t *m, int id, uint64_t satp)
{
    struct dbg_spaces *t = table(m);
    if (!mmu_satp_paged(m->xlen, satp))
        return false;
    for (unsigned i = 0; i < t->n; i++)
        if (t->v[i].id == id)
            return t->v[i].follow ? t->member && t->member(t->ctx, m, t->v[i].name, satp) > 0
                                  : space_root_ppn(m->xlen, t->v[i].satp) == space_root_ppn(m->xlen, satp);
    return false;                   /* forgotten (space -d): nowhere */
}

const dbg_space_t *dbg_space_at(machine_t *m, unsigned i)
{
    struct dbg_spaces *t = table(m);
    if (i >= t->n)
        return NULL;
    refresh(t, m, &t->v[i]);
    return &t->v[i];
}

const dbg_space_t *dbg_space_of(machine_t *m, uint64_t satp)
{
    struct dbg_spaces *t = table(m);
    if (!mmu_satp_paged(m->xlen, satp))
        return NULL;
    uint64_t root = space_root_ppn(m->xlen, satp);
    for (unsigned i = 0; i < t->n; i++)         /* the user's names first */
        if (!t->v[i].follow && space_root_ppn(m->xlen, t->v[i].satp) == root)
            return &t->v[i];
    for (unsigned i = 0; i < t->n; i++)
        if (t->v[i].follow && dbg_space_contains(m, t->v[i].id, satp))
            return &t->v[i];
    return NULL;
}

const char *dbg_space_label(machine_t *m, uint64_t satp, char *buf, size_t n)
{
    struct dbg_spaces *t = table(m);
    const dbg_space_t *sp = dbg_space_of(m, satp);
    if (sp && sp->follow)           /* the OS's "pid5 (cat)" says more than "cat" */
        sp = NULL;
    if (sp)
        snprintf(buf, n, "%s", sp->name);
    else if (t->name && mmu_satp_paged(m->xlen, satp) && t->name(t->ctx, m, satp, buf, n))
        ;
    else if (!mmu_satp_paged(m->xlen, satp))
        snprintf(buf, n, "physical");
    else
        snprintf(buf, n, "satp 0x%" PRIx64, satp);
    return buf;
}

bp_scope_t dbg_space_scope(machine_t *m, const dbg_space_t *sp)
{
    bp_scope_t s = BP_SCOPE_ANY;
    if (sp->follow)
        s.space = sp->id;
    else
        s.satp_ppn = (int64_t)space_root_ppn(m->xlen, sp->satp);
    return s;
}

bool dbg_space_is_current(const hart_t *h, const dbg_space_t *sp)
{
    return h->priv != PRIV_M && mmu_satp_paged(h->xlen, h->satp) &&
           (sp->follow ? dbg_space_contains(h->m, sp->id, h->satp)
                       : space_root_ppn(h->xlen, h->satp) == space_root_ppn(h->xlen, sp->satp));
}

bool dbg_space_use(machine_t *m, const char *name)
{
    struct dbg_spaces *t = table(m);
    if (!name || !strcmp(name, "current")) {
        t->used = 0;
        return true;
    }
    const dbg_space_t *sp = dbg_space_find(m, name);
    if (!sp)
        return false;
    t->used = sp->id;
    return true;
}

const dbg_space_t *dbg_space_used(machine_t *m)
{
    struct dbg_spaces *t = table(m);
    for (unsigned i = 0; i < t->n; i++)
        if (t->v[i].id == t->used) {
            refresh(t, m, &t->v[i]);    /* pid3 after its exec: the new page table */
            return &t->v[i];
        }
    return NULL;
}

uint64_t dbg_space_access_satp(hart_t *h)
{
    const dbg_space_t *sp = dbg_space_used(h->m);
    if (sp)
        return sp->satp;
    return h->priv == PRIV_M ? 0 : h->satp;
}

bool dbg_space_v2p(hart_t *h, uint64_t va, uint64_t *pa, uint64_t *via)
{
    if (h->xlen == 32)
        va = (uint32_t)va;
    uint64_t satp = dbg_space_access_satp(h);
    if (via)
        *via = satp;
    const dbg_space_t *used = dbg_space_used(h->m);
    if (used && !mmu_satp_paged(h->xlen, satp))
        return false;               /* a followed program no process runs now */
    if (mmu_debug_translate(h, satp, va, pa))
        return true;
    /* Not mapped in the current space: a kernel address seen from a user
     * process (rvos and xv6 give processes no kernel mappings). Only when
     * no space was chosen explicitly. */
    const dbg_space_t *k = dbg_space_find(h->m, "kernel");
    if (!k || dbg_space_used(h->m) || space_root_ppn(h->xlen, k->satp) ==
        space_root_ppn(h->xlen, satp))
        return false;
    if (!mmu_debug_translate(h, k->satp, va, pa))
        return false;
    if (via)
        *via = k->satp;
    return true;
}
