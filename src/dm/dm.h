/* The Debug Module (RISC-V Debug Specification 1.0, chapter 3) and its JTAG
 * Debug Transport Module, as OpenOCD reaches them over remote_bitbang
 * (--jtag). The DM drives the harts through the debugger layer's run
 * states: halting is debug mode entry (Sdext, RUN_DEBUG), resuming is
 * leaving it as dret does.
 *
 * Everything here runs on the machine's thread: between rounds of the run
 * loop (a device poll hook) or while no hart runs (jtag_serve). */
#ifndef RVSCOPE_DM_H
#define RVSCOPE_DM_H
#include "../machine.h"

typedef struct dm dm_t;

/* A DM for machine m, after the guest is loaded: the harts' state now is
 * what ndmreset restores. halted: every hart starts in debug mode. */
dm_t *dm_new(machine_t *m, bool halted);
void dm_free(dm_t *dm);
/* A DMI access (address 7 bits): reads and writes of DM registers. The DM
 * is never busy: every operation completes before the next one. */
uint32_t dm_read(dm_t *dm, unsigned addr);
void dm_write(dm_t *dm, unsigned addr, uint32_t val);
/* One JTAG clock (a rising TCK edge): while no hart runs and time is not
 * stopped (dcsr.stoptime), mtime moves on by one tick (the timebase is
 * 10 MHz, OpenOCD's remote_bitbang "adapter speed" for rvscope), so the
 * timers of halted harts run as the spec's stoptime = 0 says and each
 * DMI access takes time. */
void dm_tck(dm_t *dm);
/* Did a DMI access since the last call let a hart run (resume, reset)? */
bool dm_take_kick(dm_t *dm);

#endif
