/* Debug hooks of the core. Debug mode (Sdext) and trigger actions plug in
 * here; with nothing armed each hook returns at once. */
#include "hooks.h"
#include "debug.h"

bool debug_on_ebreak(hart_t *h)
{
    (void)h;
    return false;   /* dcsr.ebreak* are not implemented yet: always an exception */
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
