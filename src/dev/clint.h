/* CLINT (SiFive core-local interruptor) as on QEMU virt at 0x0200_0000:
 * msip per hart at +4*h, mtimecmp at +0x4000+8*h, mtime at +0xbff8. */
#ifndef RVSCOPE_CLINT_H
#define RVSCOPE_CLINT_H
#include "../machine.h"

#define CLINT_BASE 0x02000000ull
#define CLINT_SIZE 0x10000ull

struct clint;
struct clint *clint_new(machine_t *m);
uint64_t clint_mtimecmp(const struct clint *c, unsigned hart);
bool clint_msip(const struct clint *c, unsigned hart);

#endif
