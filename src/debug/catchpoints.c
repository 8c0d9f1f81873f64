/* Catchpoints: stops on events rather than addresses, from the core's
 * event reports (dbg_core.h) — a trap (any, or one cause; interrupts too),
 * an ecall with a given a7 (a system call), a change into a privilege
 * mode, a satp write. They arm only the event bits they need, so a catch
 * on satp writes costs nothing on traps and nothing at all on the
 * instructions between events. The stop comes after the event: at a trap,
 * the handler's first instruction has not run yet. */
#include "debug.h"
#include "spaces.h"

int dbg_catch_insert(machine_t *m, enum catch_kind kind, int64_t arg, int owner)
{
    dbg_catch_t *c = dbg_list_add(m, dbg_catches(m), sizeof *c);
    c->owner = owner;
    c->kind = kind;
    c->arg = arg;
    dbg_rearm(m);
    return c->id;
}

bool dbg_catch_remove(machine_t *m, int id)
{
    return dbg_list_remove(m, dbg_catches(m), sizeof(dbg_catch_t), id);
}

const dbg_catch_t *dbg_catch_get(machine_t *m, int id)
{
    const dbg_list_t *l = dbg_catches(m);
    const dbg_catch_t *c = l->v;
    for (unsigned i = 0; i < l->n; i++)
        if (c[i].id == id)
            return &c[i];
    return NULL;
}

uint32_t dbg_catch_events(machine_t *m)
{
    const dbg_list_t *l = dbg_catches(m);
    const dbg_catch_t *c = l->v;
    uint32_t ev = 0;
    for (unsigned i = 0; i < l->n; i++)
        switch (c[i].kind) {
        case CATCH_TRAP: case CATCH_SYSCALL: ev |= DBG_ARM_TRAP; break;
        case CATCH_PRIV: case CATCH_USER: ev |= DBG_ARM_PRIV; break;
        case CATCH_SATP: ev |= DBG_ARM_SATP; break;
        }
    return ev;
}

/* In the space arg names (root PPN, or CATCH_SPACE | a followed space)? */
static bool in_space(const hart_t *h, int64_t arg)
{
    if (arg & CATCH_SPACE)
        return dbg_space_contains(h->m, (int)(arg & ~CATCH_SPACE), h->satp);
    return (uint64_t)arg == space_root_ppn(h->xlen, h->satp);
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
    case CATCH_SATP:            /* any write, or one switching to the space with root PPN arg */
        return ev->kind == DBG_ARM_SATP && (c->arg < 0 || in_space(h, c->arg));
    case CATCH_USER:            /* into U mode, in the space with root PPN arg */
        return ev->kind == DBG_ARM_PRIV && h->priv == PRIV_U && (c->arg < 0 || in_space(h, c->arg));
    }
    return false;
}

void dbg_catch_event(hart_t *h, const dbg_event_t *ev)
{
    const dbg_list_t *l = dbg_catches(h->m);
    for (unsigned i = 0; i < l->n; i++) {
        dbg_catch_t *c = (dbg_catch_t *)l->v + i;
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
