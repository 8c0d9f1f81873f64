/* The boot ROM at 0x1000 (QEMU virt's "mrom"): a reset vector that loads
 * a0 = mhartid, a1 = the device tree, a2 = the fw_dynamic info block and
 * jumps to the first stage, followed by that info block (OpenSBI's
 * fw_dynamic reads it: next stage address and mode). */
#ifndef RVSCOPE_BOOT_ROM_H
#define RVSCOPE_BOOT_ROM_H
#include "../machine.h"

#define ROM_BASE 0x1000ull
/* QEMU maps 0xf000 bytes; rvscope maps the page that has contents, so
 * 0x2000..0x10000 stays a hole that faults (tests/triggers use 0x4000 as
 * "no memory there"). */
#define ROM_SIZE 0x1000ull
#define ROM_RESET_VEC_SIZE 40                          /* 6 instructions + 2 dwords */
#define ROM_FW_DYNAMIC_INFO (ROM_BASE + ROM_RESET_VEC_SIZE)

/* Adds the ROM device. start: where the reset vector jumps; fdt: the
 * device tree address for a1 (0: none); next: fw_dynamic's next_addr. */
void rom_new(machine_t *m, uint64_t start, uint64_t fdt, uint64_t next);

#endif
