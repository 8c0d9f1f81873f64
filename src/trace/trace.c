/* The traces of a machine: their switches, their stream, and their
 * subscription to the debugger as one client. */
#include "trace.h"
#include "itrace.h"
#include "../core/mmu.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* The debugger keeps the traces (debugger.c). */
trace_t **dbg_trace_slot(machine_t *m);

trace_t *trace_of(machine_t *m)
{
    trace_t **slot = dbg_trace_slot(m);
    if (!*slot) {
        trace_t *t = calloc(1, sizeof *t);
        if (!t)
            abort();
        t->m = m;
        t->mtrace_hi = UINT64_MAX;
        t->client.name = "trace";
        t->client.ctx = t;
        *slot = t;
    }
    return *slot;
}

void trace_free(trace_t *t)
{
    free(t);                    /* the --trace-file stream is main's */
}

FILE *trace_stream(machine_t *m)
{
    trace_t *t = trace_of(m);
    return t->file ? t->file : stderr;
}

const char *trace_sym(machine_t *m, uint64_t addr, char *buf, size_t n)
{
    return sym_format(trace_of(m)->syms, addr, buf, n);
}

const char *sym_format(const symset_t *syms, uint64_t addr, char *buf, size_t n)
{
    uint64_t off;
    const char *s = syms ? symset_at(syms, addr, &off) : NULL;
    if (!s)
        snprintf(buf, n, "%s", "");
    else if (off)
        snprintf(buf, n, "<%s+%" PRIu64 ">", s, off);
    else
        snprintf(buf, n, "<%s>", s);
    return buf;
}

const char *trace_priv_name(int priv)
{
    return priv == PRIV_M ? "M" : priv == PRIV_S ? "S" : priv == PRIV_U ? "U" : "?";
}


uint32_t trace_fetch_raw(hart_t *h)
{
    unsigned off = (unsigned)(h->pc & (PAGE_SIZE - 1));
    uint8_t b[4] = {0};
    if (h->fetch_vbase == (h->pc & ~(uint64_t)(PAGE_SIZE - 1)) && h->fetch_vbase != TLB_INVALID) {
        /* The checked loop's current page: RAM, already translated. */
        const uint8_t *p = h->m->ram + (h->fetch_pa - RAM_BASE) + off;
        uint32_t raw = p[0] | (uint32_t)p[1] << 8;
        if ((raw & 3) == 3 && off + 2 < PAGE_SIZE)
            return raw | (uint32_t)(p[2] | p[3] << 8) << 16;
        if ((raw & 3) != 3)
            return raw;
    }
    uint64_t pa;
    int cause;
    if (!mmu_translate(h, h->pc, ACC_EXEC, &pa, &cause) || !machine_phys_read(h->m, pa, b, 2))
        return 0;
    uint32_t raw = b[0] | (uint32_t)b[1] << 8;
    if ((raw & 3) == 3) {
        uint64_t pa2;
        if (mmu_translate(h, h->pc + 2, ACC_EXEC, &pa2, &cause) && machine_phys_read(h->m, pa2, b + 2, 2))
            raw |= (uint32_t)(b[2] | b[3] << 8) << 16;
    }
    return raw;
}

void trace_before_insn(void *ctx, hart_t *h)
{
    trace_t *t = ctx;
    if (t->ring)
        itrace_ring_record(t, h);
    if (t->itrace)
        itrace_stream(h);
    if (t->ftrace || t->mtrace) {
        uint32_t raw = trace_fetch_raw(h);
        if (t->ftrace)
            ftrace_insn(t, h, raw);
        if (t->mtrace)
            mtrace_before(t, h, raw);
    }
}

static bool after_insn(void *ctx, hart_t *h, bool wrote, uint64_t saddr, unsigned slen, unsigned rd)
{
    (void)wrote; (void)saddr; (void)slen; (void)rd;
    mtrace_after(ctx, h);
    return false;
}

static void on_event(void *ctx, hart_t *h, const dbg_event_t *ev)
{
    if (ev->kind == DBG_ARM_TRAP)
        etrace_trap(ctx, h, ev->code, ev->irq, ev->epc, ev->tval, ev->from_priv);
    else if (ev->kind == DBG_ARM_XRET)
        etrace_xret(ctx, h, ev->from_priv);
}

void trace_apply(machine_t *m)
{
    trace_t *t = trace_of(m);
    dbg_client_t *c = &t->client;
    bool only_ring = t->ring && !t->itrace && !t->ftrace && !t->mtrace;
    c->before_every = t->ring || t->itrace || t->ftrace || t->mtrace;
    /* Only the ring: record it directly, one call less per instruction. */
    c->before_insn = only_ring ? itrace_ring_record : trace_before_insn;
    c->before_sparse_ok = only_ring && t->ring_sparse_ok;
    c->hook_mask = t->mtrace ? HOOK_ALWAYS : 0;
    c->hook_fast_stores = false;
    c->after_insn = after_insn;
    c->events = t->etrace ? DBG_ARM_TRAP | DBG_ARM_XRET : 0;
    c->on_event = on_event;
    if (c->before_every || c->hook_mask || c->events)
        dbg_client_add(m, c);
    else
        dbg_client_remove(m, c);
    dbg_rearm(m);
}

void trace_reset(machine_t *m)
{
    trace_t *t = trace_of(m);
    ftrace_reset(t);
    mtrace_reset(t);
    etrace_reset(t);
}
