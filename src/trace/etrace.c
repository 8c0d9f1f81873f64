/* etrace: every trap (cause, epc, tval, from -> to privilege) and every
 * trap return (mret/sret), with satp when it changed since the hart's last
 * event, so address-space switches around traps are visible. Called from
 * the core's debug hooks (src/debug/hooks.c) only while etrace_enabled. */
#include "trace.h"
#include "../core/trap.h"
#include <inttypes.h>

bool etrace_enabled;
static uint64_t last_satp[MAX_HARTS];
static bool seen[MAX_HARTS];

void etrace_reset(void)
{
    for (unsigned i = 0; i < MAX_HARTS; i++)
        seen[i] = false;
}

static void satp_note(hart_t *h, FILE *out)
{
    unsigned i = h->hartid;
    if (seen[i] && last_satp[i] != h->satp)
        fprintf(out, ", satp 0x%" PRIx64 " -> 0x%" PRIx64, last_satp[i], h->satp);
    last_satp[i] = h->satp;
    seen[i] = true;
}

void etrace_trap(hart_t *h, unsigned code, bool irq, uint64_t epc, uint64_t tval, int from_priv)
{
    FILE *out = trace_stream();
    uint64_t cause = irq ? (1ull << (h->xlen - 1)) | code : code;
    char sym[96];
    trace_sym(epc, sym, sizeof sym);
    fprintf(out, "[etrace] %u %s %u (%s) at epc 0x%" PRIx64 "%s%s, tval 0x%" PRIx64
            ", %s -> %s, handler 0x%" PRIx64,
            h->hartid, irq ? "interrupt" : "exception", code, exc_cause_name(cause, h->xlen), epc,
            *sym ? " " : "", sym, tval, trace_priv_name(from_priv), trace_priv_name(h->priv), h->pc);
    satp_note(h, out);
    fputc('\n', out);
}

void etrace_xret(hart_t *h, int from_priv)
{
    FILE *out = trace_stream();
    char sym[96];
    trace_sym(h->pc, sym, sizeof sym);
    fprintf(out, "[etrace] %u %s to 0x%" PRIx64 "%s%s, %s -> %s", h->hartid,
            from_priv == PRIV_M ? "mret" : "sret", h->pc, *sym ? " " : "", sym,
            trace_priv_name(from_priv), trace_priv_name(h->priv));
    satp_note(h, out);
    fputc('\n', out);
}
