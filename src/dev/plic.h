/* PLIC at 0x0c00_0000 with QEMU virt's contexts (M and S per hart). */
#ifndef RVSCOPE_PLIC_H
#define RVSCOPE_PLIC_H
#include "../machine.h"
#define PLIC_BASE 0x0c000000ull
#define PLIC_SIZE 0x00600000ull
struct plic *plic_new(machine_t *m);
#endif
