/* Catchpoints: stops on events rather than addresses, from the core's
 * event reports (dbg_core.h) — a trap (any, or one cause; interrupts too),
 * an ecall with a given a7 (a system call), a change into a privilege
 * mode, a satp write. They arm only the event bits they need, so a catch
 * on satp writes costs nothing on traps and nothing at all on the
 * instructions between events. The stop comes after the event: at a trap,
 * the handler's first instruction has not run yet. */
#include "debug.h"
#include <stdlib.h>

struct catch_table {
    dbg_catch_t *c;
    unsigned n, cap;
};

static struct catch_table *table(machine_t *m)
{
    struct catch_table **t = dbg_catch_slot(m);
    if (!*t && !(*t = calloc(1, sizeof **t)))
        abort();
    return *t;
}

void dbg_catch_table_free(struct catch_table *t)
{
    if (t)
        free(t->c);
    free(t);
}

int dbg_catch_insert(machine_t *m, enum catch_kind kind, int64_t arg, int owner)
{
    struct catch_table *t = table(m);
    if (t->n == t->cap)
        t->c = dbg_grow(t->c, &t->cap, sizeof *t->c);
    dbg_catch_t *c = &t->c[t->n++];
    *c = (dbg_catch_t){ .id = dbg_next_id(m), .owner = owner, .kind = kind, .arg = arg };
    dbg_rearm(m);
    return c->id;
}

bool dbg_catch_remove(machine_t *m, int id)
{
    struct catch_table *t = table(m);
    for (unsigned i = 0; i < t->n; i++)
        if (t->c[i].id == id) {
            t->c[i] = t->c[--t->n];
            dbg_rearm(m);
            return true;
        }
    return false;
}

const dbg_catch_t *dbg_catch_get(machine_t *m, int id)
{
    struct catch_table *t = table(m);
    for (unsigned i = 0; i < t->n; i++)
        if (t->c[i].id == id)
            return &t->c[i];
    return NULL;
}

uint32_t dbg_catch_events(machine_t *m)
{
    struct catch_table *t = *dbg_catch_slot(m);
    uint32_t ev = 0;
    for (unsigned i = 0; t && i < t->n; i++)
        switch (t->c[i].kind) {
        case CATCH_TRAP: case CATCH_SYSCALL: ev |= DBG_ARM_TRAP; break;
        case CATCH_PRIV: ev |= DBG_ARM_PRIV; break;
        case CATCH_SATP: ev |= DBG_ARM_SATP; break;
        }
    return ev;
}

static bool matches(const dbg_catch_t *c, const hart_t *h, const dbg_event_t *ev)
{
    switch (c->kind) {
    case CATCH_TRAP:            /* arg: -1 any; a cause; CATCH_IRQ | n an interrupt */
        if (ev->kind != DBG_ARM_TRAP)
            return false;
        if (c->arg < 0)
            return true;
        return (c->arg & CATCH_IRQ) ? ev->irq && (uint64_t)(c->arg & ~CATCH_IRQ) == ev->code
                                    : !ev->irq && (uint64_t)c->arg == ev->code;
    case CATCH_SYSCALL:         /* ecall from U, S or M with a7 = arg (-1 any) */
        return ev->kind == DBG_ARM_TRAP && !ev->irq && (ev->code == 8 || ev->code == 9 ||
               ev->code == 11) && (c->arg < 0 || h->x[17] == (uint64_t)c->arg);
    case CATCH_PRIV:            /* into mode arg */
        return ev->kind == DBG_ARM_PRIV && h->priv == c->arg;
    case CATCH_SATP:
        return ev->kind == DBG_ARM_SATP;
    }
    return false;
}

void dbg_catch_event(hart_t *h, const dbg_event_t *ev)
{
    struct catch_table *t = *dbg_catch_slot(h->m);
    for (unsigned i = 0; t && i < t->n; i++) {
        dbg_catch_t *c = &t->c[i];
        if (!matches(c, h, ev))
            continue;
        c->hits++;
        dbg_record_stop(h, &(dbg_stop_t){ .kind = DS_CATCH, .id = c->id, .cause = ev->code,
                                          .tval = ev->kind == DBG_ARM_SATP ? ev->old_satp : ev->tval,
                                          .insn_pc = ev->epc, .catch_kind = c->kind,
                                          .from_priv = ev->from_priv, .irq = ev->irq });
        hart_end_slice(h);
        return;
    }
}
