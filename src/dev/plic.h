/* PLIC at 0x0c00_0000 with QEMU virt's layout and contexts: context 2*h is
 * hart h's M mode (MEIP), 2*h+1 its S mode (SEIP).
 *   +0x000000 + 4*i        source i priority (0..7; 0 = never interrupts)
 *   +0x001000 + 4*w        pending bits of sources 32w..32w+31 (read only)
 *   +0x002000 + 0x80*c     context c enable bits (32 words)
 *   +0x200000 + 0x1000*c   context c priority threshold
 *   +0x200004 + 0x1000*c   context c claim (read) / complete (write)
 * Devices drive sources with machine_set_irq() (machine.h). */
#ifndef RVSCOPE_PLIC_H
#define RVSCOPE_PLIC_H
#include "../machine.h"
#define PLIC_BASE 0x0c000000ull
#define PLIC_SIZE 0x00600000ull   /* as QEMU virt maps it (room for 1024 contexts) */
#define PLIC_NSOURCES 1024        /* ids 1..1023; 0 means "none" */
#define PLIC_MAX_PRIO 7
struct plic *plic_new(machine_t *m);
#endif
