/* The debugger object: clients, arming, the core's reports, run states.
 *
 * Arming: each client says what it wants (dbg_client_t); dbg_rearm takes
 * the union over the clients, adds what the harts' triggers need, and
 * writes one bitmask per hart (h->dbg_armed), which is all the core looks
 * at. Every change flushes the harts' TLBs and ends their slices, so the
 * next instruction sees the new arming. */
#include "debug.h"
#include "../core/mmu.h"
#include "../core/trap.h"
#include "../jit/jit.h"
#include "../trace/trace.h"
#include <stdlib.h>
#include <string.h>

#define MAX_CLIENTS 8

struct debugger {
    machine_t *m;
    dbg_client_t *clients[MAX_CLIENTS];
    unsigned nclients;
    dbg_list_t bps, wps, catches;
    int last_id;            /* breakpoints, watchpoints and catchpoints share ids */
    struct trace *trace;    /* the traces (src/trace/), a client */
    struct dbg_spaces *spaces;   /* named address spaces (spaces.c) */
    dbg_syscall_name_fn syscall_name;   /* the OS description's system call names */
    void *syscall_ctx;
    /* The first stop of the current run. */
    bool has_stop;
    dbg_stop_t stop;
    /* The union of the clients' wishes (dbg_rearm). */
    bool any_before, any_after, stores_fast, owns_ebreak;
    uint32_t events, catch_events;
    /* Whether compiled code can serve every client's hooks, and the
     * registers whose writers must call them (computed by dbg_rearm: page
     * entries ask, and a jump to another page must stay cheap). */
    bool covers;
    uint64_t cover_regs;
    /* The clients each hook point calls, in order (dbg_rearm): the checked
     * loop's before-hooks, compiled code's before-hooks, the after-hooks. */
    dbg_client_t *before[MAX_CLIENTS], *before_compiled[MAX_CLIENTS], *after[MAX_CLIENTS];
    unsigned nbefore, nbefore_compiled, nafter;
};

void dbg_set_syscall_names(machine_t *m, dbg_syscall_name_fn fn, void *ctx)
{
    struct debugger *d = m->dbg;
    d->syscall_name = fn;
    d->syscall_ctx = ctx;
}

const char *dbg_syscall_name(machine_t *m, uint64_t nr)
{
    struct debugger *d = m->dbg;
    return d->syscall_name ? d->syscall_name(d->syscall_ctx, nr) : NULL;
}

struct debugger *debugger_new(machine_t *m)
{
    struct debugger *d = calloc(1, sizeof *d);
    if (!d)
        abort();
    d->m = m;
    return d;
}

void debugger_free(struct debugger *d)
{
    if (!d)
        return;
    free(d->bps.v);
    free(d->wps.v);
    free(d->catches.v);
    trace_free(d->trace);
    free(d->spaces);
    free(d);
}

dbg_list_t *dbg_bps(machine_t *m) { return &m->dbg->bps; }
dbg_list_t *dbg_wps(machine_t *m) { return &m->dbg->wps; }
dbg_list_t *dbg_catches(machine_t *m) { return &m->dbg->catches; }
struct trace **dbg_trace_slot(machine_t *m) { return &m->dbg->trace; }
struct dbg_spaces **dbg_spaces_slot(machine_t *m) { return &m->dbg->spaces; }

void *dbg_list_add(machine_t *m, dbg_list_t *l, size_t elem)
{
    if (l->n == l->cap) {
        unsigned cap = l->cap ? l->cap * 2 : 16;
        void *v = realloc(l->v, cap * elem);
        if (!v)
            abort();
        l->v = v;
        l->cap = cap;
    }
    char *r = (char *)l->v + l->n++ * elem;
    memset(r, 0, elem);
    *(int *)r = ++m->dbg->last_id;
    return r;
}

bool dbg_list_remove(machine_t *m, dbg_list_t *l, size_t elem, int id)
{
    char *v = l->v;
    for (unsigned i = 0; i < l->n; i++)
        if (*(int *)(v + i * elem) == id) {
            memmove(v + i * elem, v + --l->n * elem, elem);
            dbg_rearm(m);
            return true;
        }
    return false;
}

/* ---- clients and arming ---- */

void dbg_client_add(machine_t *m, dbg_client_t *c)
{
    struct debugger *d = m->dbg;
    for (unsigned i = 0; i < d->nclients; i++)
        if (d->clients[i] == c)
            return;
    if (d->nclients == MAX_CLIENTS)
        abort();                /* a fixed set of front ends: a bug */
    d->clients[d->nclients++] = c;
    dbg_rearm(m);
}

void dbg_client_remove(machine_t *m, dbg_client_t *c)
{
    struct debugger *d = m->dbg;
    for (unsigned i = 0; i < d->nclients; i++)
        if (d->clients[i] == c) {
            d->clients[i] = d->clients[--d->nclients];
            dbg_rearm(m);
            return;
        }
}

static bool wants_after(const dbg_client_t *c)
{
    return c->after_insn && c->hook_mask;
}

static bool covers(const struct debugger *d, uint64_t *regs)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < d->nclients; i++) {
        const dbg_client_t *c = d->clients[i];
        if (c->before_every && !c->before_sparse_ok)
            return false;
        if (!wants_after(c))
            continue;
        if ((c->hook_mask & (HOOK_STORES | HOOK_ALWAYS)) || !c->hook_fast_stores)
            return false;
        r |= c->hook_mask;
    }
    *regs = r & ~1ull;
    return true;
}

bool dbg_jit_covers(const machine_t *m, uint64_t *regs)
{
    const struct debugger *d = m->dbg;
    if (!d->covers || !jit_usable(m))
        return false;
    if (regs)
        *regs = d->cover_regs;
    return true;
}

void dbg_rearm_hart(hart_t *h)
{
    struct debugger *D = h->m->dbg;
    debug_hart_t *d = h->dbg;
    uint32_t a = d->sdtrig_arm;
    if (D->any_before || D->any_after || dbg_bp_any_here(h) || (a & DBG_ARM_EXEC) ||
        d->icount_armed || d->step_pending)
        a |= DBG_ARM_CODE;
    if (dbg_bp_any_scoped(h->m))
        a |= DBG_ARM_SATP;          /* re-armed per space (dbg_satp_written) */
    /* dcsr.ebreakm/s/u send ebreak to debug mode. */
    if (d->dcsr & ((1u << 15) | (1u << 13) | (1u << 12)))
        a |= DBG_ARM_EBREAK;
    /* dcsr.step: a trap taken instead of the stepped instruction ends the
     * step at the handler's first instruction (dbg_trap). */
    if (d->step_pending)
        a |= DBG_ARM_TRAP;
    if (dbg_wp_count(h->m))
        a |= DBG_ARM_WATCH;
    if (D->any_after)
        a |= DBG_ARM_HOOK | (D->stores_fast ? 0 : DBG_ARM_STORES);
    if (D->owns_ebreak)
        a |= DBG_ARM_EBREAK;
    a |= D->events;
    h->dbg_armed = a;
}

void dbg_rearm(machine_t *m)
{
    struct debugger *d = m->dbg;
    d->any_before = d->any_after = d->owns_ebreak = false;
    d->stores_fast = true;
    d->events = 0;
    for (unsigned i = 0; i < d->nclients; i++) {
        const dbg_client_t *c = d->clients[i];
        d->any_before |= c->before_insn && c->before_every;
        if (wants_after(c)) {
            d->any_after = true;
            d->stores_fast &= c->hook_fast_stores;
        }
        d->owns_ebreak |= c->owns_ebreak;
        if (c->on_event)
            d->events |= c->events & (DBG_ARM_TRAP | DBG_ARM_XRET | DBG_ARM_SATP | DBG_ARM_PRIV);
    }
    d->nbefore = d->nbefore_compiled = d->nafter = 0;
    for (unsigned i = 0; i < d->nclients; i++) {
        dbg_client_t *c = d->clients[i];
        if (c->before_insn && c->before_every) {
            d->before[d->nbefore++] = c;
            if (c->before_sparse_ok)
                d->before_compiled[d->nbefore_compiled++] = c;
        }
        if (wants_after(c))
            d->after[d->nafter++] = c;
    }
    d->catch_events = dbg_catch_events(m);
    d->events |= d->catch_events;
    d->covers = covers(d, &d->cover_regs);
    for (unsigned i = 0; i < m->nharts; i++) {
        dbg_rearm_hart(m->harts[i]);
        hart_flush_tlb(m->harts[i]);
        hart_end_slice(m->harts[i]);
    }
}

void dbg_last_store(const hart_t *h, uint64_t *addr, unsigned *len)
{
    *addr = h->dbg->store_addr;
    *len = h->dbg->store_len;
}

/* ---- code ---- */

bool dbg_code_page_checked(hart_t *h, uint64_t vbase)
{
    machine_t *m = h->m;
    struct debugger *D = m->dbg;
    debug_hart_t *d = h->dbg;
    if ((D->any_before || D->any_after) && !dbg_jit_covers(m, NULL))
        return true;
    if (d->icount_armed || d->step_pending)
        return true;
    if ((h->dbg_armed & DBG_ARM_EXEC) && sdtrig_code_page_watched(h, vbase))
        return true;
    return dbg_bp_count(m) && dbg_bp_on_page(h, vbase);
}

static void call_before(struct debugger *D, hart_t *h, bool compiled)
{
    dbg_client_t **list = compiled ? D->before_compiled : D->before;
    unsigned n = compiled ? D->nbefore_compiled : D->nbefore;
    for (unsigned i = 0; i < n; i++)
        list[i]->before_insn(list[i]->ctx, h);
}

/* The clients whose hook asks about this instruction; true = stop. */
static bool call_after(struct debugger *D, hart_t *h, bool wrote, unsigned rd)
{
    debug_hart_t *d = h->dbg;
    uint64_t why = (1ull << rd) | (wrote ? HOOK_STORES : 0) | HOOK_ALWAYS;
    /* The instruction has retired: a watch on $minstret must see it (it
     * read one less, stopping late and blaming the wrong instruction). */
    h->insn_done = true;
    for (unsigned i = 0; i < D->nafter; i++) {
        dbg_client_t *c = D->after[i];
        if ((c->hook_mask & why) &&
            c->after_insn(c->ctx, h, wrote, d->store_addr, d->store_len, rd)) {
            h->insn_done = false;
            dbg_record_stop(h, &(dbg_stop_t){ .kind = DS_HOOK, .client = c,
                                              .addr = wrote ? d->store_addr : 0,
                                              .wkind = wrote ? WP_WRITE : 0 });
            return true;
        }
    }
    h->insn_done = false;
    return false;
}

bool dbg_insn_before(hart_t *h)
{
    struct debugger *D = h->m->dbg;
    debug_hart_t *d = h->dbg;
    d->stores_at_insn = d->stores;
    if (D->any_before)
        call_before(D, h, false);
    if (dbg_bp_count(h->m) && !dbg_bp_check(h))
        return false;
    if ((d->icount_armed || (h->dbg_armed & DBG_ARM_EXEC)) && !sdtrig_before_insn(h))
        return false;
    return true;
}

void dbg_insn_after(hart_t *h, const insn_t *in, uint64_t pc, int priv_before)
{
    struct debugger *D = h->m->dbg;
    debug_hart_t *d = h->dbg;
    if ((h->dbg_armed & DBG_ARM_EXEC) || d->icount_armed || d->step_pending)
        sdtrig_after_insn(h, pc, priv_before);
    if (D->any_after)
        call_after(D, h, d->stores != d->stores_at_insn, in->rd == REG_SINK ? 0 : in->rd);
}

bool dbg_insn_after_compiled(hart_t *h, unsigned rd, uint64_t next_pc)
{
    struct debugger *D = h->m->dbg;
    if (D->any_before)
        call_before(D, h, true);
    h->pc = h->xlen == 32 ? (uint32_t)next_pc : next_pc;
    call_after(D, h, false, rd);
    return h->m->stop || h->slice_len == 0;
}

/* ---- data ---- */

bool dbg_data_page_watched(hart_t *h, enum access acc, uint64_t va, uint64_t pa)
{
    uint32_t a = h->dbg_armed;
    if ((a & (acc == ACC_WRITE ? DBG_ARM_STORE : DBG_ARM_LOAD)) && acc != ACC_EXEC &&
        sdtrig_page_watched(h, acc, va))
        return true;
    if ((a & DBG_ARM_WATCH) && dbg_wp_page_watched(h, acc, va, pa))
        return true;
    return (a & DBG_ARM_STORES) && acc == ACC_WRITE;
}

void dbg_note_store(hart_t *h, uint64_t va, unsigned size)
{
    debug_hart_t *d = h->dbg;
    d->stores++;
    d->store_addr = va;
    d->store_len = size;
}

/* ---- events ---- */

static void call_event(hart_t *h, const dbg_event_t *ev)
{
    struct debugger *D = h->m->dbg;
    if (D->catch_events & ev->kind)
        dbg_catch_event(h, ev);
    for (unsigned i = 0; i < D->nclients; i++) {
        dbg_client_t *c = D->clients[i];
        if (c->on_event && (c->events & ev->kind))
            c->on_event(c->ctx, h, ev);
    }
}

bool dbg_ebreak(hart_t *h)
{
    /* dcsr.ebreakm/s/u send ebreak to debug mode; a debugger that owns
     * ebreak (GDB's software breakpoints) stops here. Either way the ebreak
     * does not execute. */
    debug_hart_t *d = h->dbg;
    unsigned want = h->priv == PRIV_M ? 1u << 15 : h->priv == PRIV_S ? 1u << 13 : 1u << 12;
    if (d->dcsr & want) {
        h->exceptions++;
        sdext_enter(h, DCAUSE_EBREAK, h->pc);
        return true;
    }
    if (h->m->dbg->owns_ebreak) {
        h->exceptions++;
        dbg_record_stop(h, &(dbg_stop_t){ .kind = DS_EBREAK, .addr = h->pc });
        return true;
    }
    return false;
}

bool dbg_dret(hart_t *h)
{
    /* Legal only in debug mode, where a halted hart runs what its debugger
     * gives it (a Debug Module's program buffer); it resumes the hart. */
    if (!sdext_halted(h))
        return false;
    sdext_resume(h);
    return true;
}

void dbg_trap(hart_t *h, unsigned code, bool irq, uint64_t epc, uint64_t tval, int from_priv)
{
    if (h->dbg->sdtrig_arm & DBG_ARM_TRAP)
        sdtrig_trap(h, code, irq, from_priv);
    /* Stepping (dcsr.step): an exception of the stepped instruction, or an
     * interrupt taken with stepie, enters debug mode before the handler
     * runs (Debug Spec 1.0, dcsr.step): dpc = the handler's address. */
    if (h->dbg->step_pending && !sdext_halted(h))
        sdext_enter(h, DCAUSE_STEP, h->pc);
    if (h->m->dbg->events & DBG_ARM_TRAP)
        call_event(h, &(dbg_event_t){ .kind = DBG_ARM_TRAP, .code = code, .irq = irq,
                                      .epc = epc, .tval = tval, .from_priv = from_priv });
}

void dbg_xret(hart_t *h, int from_priv)
{
    call_event(h, &(dbg_event_t){ .kind = DBG_ARM_XRET, .from_priv = from_priv });
}

void dbg_satp_written(hart_t *h, uint64_t old)
{
    if (dbg_bp_any_scoped(h->m)) {
        dbg_rearm_hart(h);          /* breakpoints of the new space arm code checks */
        hart_end_slice(h);
    }
    call_event(h, &(dbg_event_t){ .kind = DBG_ARM_SATP, .from_priv = h->priv, .old_satp = old });
}

void dbg_priv_changed(hart_t *h, int from_priv)
{
    call_event(h, &(dbg_event_t){ .kind = DBG_ARM_PRIV, .from_priv = from_priv });
}

/* ---- stops ---- */

void dbg_record_stop(hart_t *h, const dbg_stop_t *s)
{
    machine_t *m = h->m;
    struct debugger *D = m->dbg;
    if (m->stop)
        return;             /* the first reason wins */
    dbg_stop_t r = *s;
    r.hart = h->hartid;
    r.pc = h->pc;
    r.priv = h->priv;
    r.satp = h->satp;
    if (r.kind == DS_STUCK || r.kind == DS_TRIGGER)
        ;                   /* insn_pc given by the caller */
    else if (!r.insn_pc)
        r.insn_pc = h->pc;
    D->stop = r;
    D->has_stop = true;
    machine_request_stop(m, r.kind == DS_STUCK ? STOP_STUCK : STOP_DEBUG);
}

/* The instruction bits at va as the hart saw them in privilege priv. */
static bool read_insn(hart_t *h, int priv, uint64_t va, uint32_t *raw)
{
    uint8_t b[4];
    uint64_t pa;
    for (unsigned i = 0; i < 4; i += 2) {
        uint64_t a = va + i;
        if (h->xlen == 32)
            a = (uint32_t)a;
        if (priv == PRIV_M)
            pa = a;
        else if (!mmu_debug_translate(h, h->satp, a, &pa))
            return false;
        if (!machine_phys_read(h->m, pa, b + i, 2))
            return false;
        if (i == 0 && (b[0] & 3) != 3) {
            *raw = b[0] | (uint32_t)b[1] << 8;
            return true;
        }
    }
    *raw = b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return true;
}

void dbg_stuck(hart_t *h, unsigned code, uint64_t epc, uint64_t tval)
{
    dbg_stop_t r = { .kind = DS_STUCK, .cause = code, .insn_pc = epc, .tval = tval };
    /* The trap before sent the hart here (to its handler): that fault is
     * where the guest went wrong; this one only follows from it. */
    if (h->last_trap_handler == epc && h->last_trap_epc != epc) {
        r.has_first = true;
        r.first_cause = h->last_trap_cause;
        r.first_pc = h->last_trap_epc;
        r.first_tval = h->last_trap_tval;
        unsigned c = r.first_cause;
        if (c != EXC_INSN_MISALIGNED && c != EXC_INSN_ACCESS && c != EXC_INSN_PAGE)
            r.first_insn_ok = read_insn(h, h->last_trap_priv, r.first_pc, &r.first_insn);
    }
    dbg_record_stop(h, &r);
}

void dbg_stop_clear(machine_t *m)
{
    m->dbg->has_stop = false;
}

dbg_stop_t dbg_stop_of(machine_t *m, int why)
{
    struct debugger *D = m->dbg;
    if ((why == STOP_DEBUG || why == STOP_STUCK) && D->has_stop)
        return D->stop;
    dbg_stop_t s = { .kind = DS_NONE };
    switch (why) {
    case STOP_EXIT:      s.kind = DS_EXIT; s.exit_code = m->exit_code; break;
    case STOP_LIMIT:
        s.kind = m->insn_limit && m->insns_total >= m->insn_limit ? DS_LIMIT : DS_STEP;
        break;
    case STOP_INTERRUPT: s.kind = DS_INTERRUPT; break;
    case STOP_DEADLOCK:  s.kind = DS_DEADLOCK; break;
    default: break;
    }
    return s;
}

/* ---- run states ---- */

void dbg_resume_hart(machine_t *m, unsigned hart)
{
    hart_t *h = m->harts[hart];
    if (h->run_state == RUN_DEBUG)
        sdext_resume(h);        /* leaving debug mode is dret */
    h->run_state = RUN_RUNNING;
    /* A breakpoint at the pc the hart stopped at does not fire again
     * before that instruction has run (as in GDB). */
    h->dbg->bp_resume = h->pc;
}

void dbg_halt_hart(machine_t *m, unsigned hart)
{
    hart_t *h = m->harts[hart];
    if (h->run_state == RUN_RUNNING)
        h->run_state = RUN_HALTED;
    hart_end_slice(h);
}
