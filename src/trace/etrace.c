/* etrace: every trap (cause, epc, tval, from -> to privilege) and every
 * trap return (mret/sret), with satp when it changed since the hart's last
 * event, so address-space switches around traps are visible. Called from
 * the debugger's trap and xRET events while etrace is on. */
#include "trace.h"
#include "../core/trap.h"
#include <inttypes.h>
#include <string.h>

void etrace_reset(trace_t *t)
{
    memset(t->seen, 0, sizeof t->seen);
}

static void satp_note(trace_t *t, hart_t *h, FILE *out)
{
    unsigned i = h->hartid;
    if (t->seen[i] && t->last_satp[i] != h->satp)
        fprintf(out, ", satp 0x%" PRIx64 " -> 0x%" PRIx64, t->last_satp[i], h->satp);
    t->last_satp[i] = h->satp;
    t->seen[i] = true;
}

void etrace_trap(trace_t *t, hart_t *h, unsigned code, bool irq, uint64_t epc, uint64_t tval,
                 int from_priv)
{
    FILE *out = trace_stream(h->m);
    uint64_t cause = irq ? (1ull << (h->xlen - 1)) | code : code;
    char sym[96];
    trace_sym(h->m, epc, sym, sizeof sym);
    fprintf(out, "[etrace] %u %s %u (%s) at epc 0x%" PRIx64 "%s%s, tval 0x%" PRIx64
            ", %s -> %s, handler 0x%" PRIx64,
            h->hartid, irq ? "interrupt" : "exception", code, exc_cause_name(cause, h->xlen), epc,
            *sym ? " " : "", sym, tval, trace_priv_name(from_priv), trace_priv_name(h->priv), h->pc);
    satp_note(t, h, out);
    fputc('\n', out);
}

void etrace_xret(trace_t *t, hart_t *h, int from_priv)
{
    FILE *out = trace_stream(h->m);
    char sym[96];
    trace_sym(h->m, h->pc, sym, sizeof sym);
    fprintf(out, "[etrace] %u %s to 0x%" PRIx64 "%s%s, %s -> %s", h->hartid,
            from_priv == PRIV_M ? "mret" : "sret", h->pc, *sym ? " " : "", sym,
            trace_priv_name(from_priv), trace_priv_name(h->priv));
    satp_note(t, h, out);
    fputc('\n', out);
}
