/* Debug hooks of the core. Debug mode (Sdext) and trigger actions plug in
 * here; with nothing armed each hook returns at once. */
#include "hooks.h"
#include "debug.h"
#include "bpwp.h"

bool debug_on_ebreak(hart_t *h)
{
    /* A debugger that owns ebreak (GDB's software breakpoints) stops here;
     * the ebreak does not execute. Debug mode (dcsr.ebreak*) is not built. */
    if (h->m->ebreak_stops) {
        h->exceptions++;
        dbg_record_stop(h->m, h, SK_EBREAK, 0, h->pc, 0);
        return true;
    }
    return false;
}

bool debug_dret(hart_t *h)
{
    (void)h;
    return false;   /* not in debug mode: dret is illegal */
}

void debug_on_trap(hart_t *h, unsigned code, bool irq, uint64_t epc, uint64_t tval, int from_priv)
{
    (void)h; (void)code; (void)irq; (void)epc; (void)tval; (void)from_priv;
}

void debug_on_xret(hart_t *h, int from_priv)
{
    (void)h; (void)from_priv;
}
