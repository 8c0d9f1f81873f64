/* The narrow interface through which the core tells the debug machinery
 * (triggers, debug mode, catchpoints, traces) about events that already
 * leave the fast path: ebreak, dret, traps and trap returns. */
#ifndef RVSCOPE_DEBUG_HOOKS_H
#define RVSCOPE_DEBUG_HOOKS_H
#include "../core/hart.h"

/* ebreak: true if the debugger or debug mode took it (no exception). */
bool debug_on_ebreak(hart_t *h);
/* dret: true if it returned from debug mode; false makes it illegal. */
bool debug_dret(hart_t *h);
/* A trap was taken (after the state change). */
void debug_on_trap(hart_t *h, unsigned code, bool irq, uint64_t epc, uint64_t tval, int from_priv);
/* mret/sret done (after the state change). */
void debug_on_xret(hart_t *h, int from_priv);

#endif
