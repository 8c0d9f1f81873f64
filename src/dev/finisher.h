/* sifive_test finisher at 0x0010_0000 (QEMU virt): ends the run. */
#ifndef RVSCOPE_FINISHER_H
#define RVSCOPE_FINISHER_H
#include "../machine.h"
#define FINISHER_BASE 0x100000ull
void finisher_new(machine_t *m);
/* The guest asked for a reset (0x7777) and the run ended for it. */
bool finisher_reset_requested(const machine_t *m);
#endif
