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

/* The same Debug Module for another front end's run loop (--gdb): open
 * adds the device whose poll hook serves OpenOCD between rounds (NULL
 * when the port cannot be opened; the reason is printed). While that
 * front end waits, it watches jtag_server_fd and calls
 * jtag_server_service when it is readable (true: a DMI access let a hart
 * run). Both take the server as void * to fit a gdb_extra_t. */
typedef struct jtag_server jtag_server_t;
jtag_server_t *jtag_server_open(machine_t *m, const char *addr, bool halted);
int  jtag_server_fd(void *js);
bool jtag_server_service(void *js);
void jtag_server_close(jtag_server_t *js);

#endif
