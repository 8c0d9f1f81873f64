/* The flattened device tree handed to firmware and kernels in a1: built
 * from the machine as it is (harts, ISA, RAM, devices), or read from a
 * user's --dtb file; either way /chosen gets the kernel's command line and
 * initrd. Node names, compatibles and phandles follow QEMU virt's, so
 * software written for QEMU finds the same devices (docs/boot.md). */
#ifndef RVSCOPE_BOOT_DT_H
#define RVSCOPE_BOOT_DT_H
#include "../machine.h"
#include <stddef.h>

typedef struct dt_chosen {
    const char *bootargs;                 /* NULL: no bootargs property */
    uint64_t initrd_start, initrd_end;    /* start == end: no initrd */
} dt_chosen_t;

/* A packed tree in malloc'd memory, or NULL with a one-line reason. */
void *dt_build(const machine_t *m, const dt_chosen_t *c, char *err, size_t errlen);
void *dt_load_file(const char *path, const dt_chosen_t *c, char *err, size_t errlen);
size_t dt_size(const void *fdt);
/* The "riscv,isa" string of hart h (from misa and what rvscope implements). */
void dt_isa_string(const hart_t *h, char *buf, size_t len);

#endif
