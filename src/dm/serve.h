/* --jtag: run the machine with the Debug Module reachable over
 * remote_bitbang (serve.c). */
#ifndef RVSCOPE_DM_SERVE_H
#define RVSCOPE_DM_SERVE_H
#include "../machine.h"

/* Serve JTAG on addr ("[HOST:]PORT") while the harts run (--halted: they
 * start in debug mode). Returns when the guest exits or --max-insns is
 * reached (the stop reason), or -1 when the port cannot be opened (the
 * reason is printed). */
int jtag_run(machine_t *m, const char *addr, bool halted);

#endif
