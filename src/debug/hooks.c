/* Debug hooks of the core. Debug mode (Sdext) and trigger actions plug in
 * here; with nothing armed each hook returns at once. */
#include "hooks.h"
#include "debug.h"
#include "bpwp.h"
#include "../trace/trace.h"

bool debug_on_ebreak(hart_t *h)
{
    /* dcsr.ebreakm/s/u send ebreak to debug mode; a debugger that owns
     * ebreak (GDB's software breakpoints) stops here. Either way the ebreak
     * does not execute. */
    debug_hart_t *d = h->dbg;
    unsigned want = h->priv == PRIV_M ? 1u << 15 : h->priv == PRIV_S ? 1u << 13 : 1u << 12;
    if (d->dcsr & want) {                   /* dcsr.ebreakm/s/u */
        h->exceptions++;
        debug_mode_enter(h, DCAUSE_EBREAK, h->pc);
        return true;
    }
    if (h->m->ebreak_stops) {
        h->exceptions++;
        dbg_record_stop(h->m, h, SK_EBREAK, 0, h->pc, 0);
        return true;
    }
    return false;
}


void debug_on_trap(hart_t *h, unsigned code, bool irq, uint64_t epc, uint64_t tval, int from_priv)
{
    if (unlikely(etrace_enabled))
        etrace_trap(h, code, irq, epc, tval, from_priv);
    debug_trap_triggers(h, code, irq, from_priv);
}

void debug_on_xret(hart_t *h, int from_priv)
{
    if (unlikely(etrace_enabled))
        etrace_xret(h, from_priv);
}
