/* QEMU's loading convention (-bios, -kernel, -initrd, -append, -dtb):
 * where each file goes in RAM, the device tree, the boot ROM, and the
 * registers every hart starts with. docs/boot.md has the rules. */
#ifndef RVSCOPE_BOOT_BOOT_H
#define RVSCOPE_BOOT_BOOT_H
#include "../machine.h"
#include "elf/image.h"
#include <stddef.h>
#include <string.h>

typedef struct boot_opts {
    const char *bios;       /* NULL or "none": no firmware; "default": OpenSBI */
    const char *kernel;
    const char *initrd;
    const char *append;
    const char *dtb;        /* a device tree file instead of the generated one */
    const char *dumpdtb;    /* write the device tree here and exit */
} boot_opts_t;

#define BOOT_MAX_RANGES 32

typedef struct boot_state {
    uint64_t start;             /* every hart's first instruction */
    uint64_t next;              /* the stage after the firmware (fw_dynamic), 0: none */
    uint64_t fdt_addr;          /* 0: no device tree placed */
    uint64_t initrd_start, initrd_end;
    struct { uint64_t lo, hi; const char *what; } used[BOOT_MAX_RANGES];
    unsigned nused;
    const char *loading;        /* what the loader is loading, for messages */
    image_t *bios_img, *kernel_img;   /* ELF files loaded (symbols), or NULL */
} boot_state_t;

static inline bool boot_has_bios(const boot_opts_t *o)
{
    return o->bios && strcmp(o->bios, "none") != 0;
}

/* The firmware QEMU uses for "-bios default" (OpenSBI fw_dynamic), or
 * NULL when none is installed. */
const char *boot_default_bios(int xlen);

/* The XLEN the files given ask for (32 or 64), 0 if none says (raw files);
 * -1 with a message when they disagree or a file cannot be read. */
int boot_xlen(const boot_opts_t *o, char *err, size_t errlen);

/* Loads --bios, --kernel and --initrd into RAM and sets s->start/next. */
bool boot_load(machine_t *m, const boot_opts_t *o, boot_state_t *s, char *err, size_t errlen);

/* Records RAM [lo, hi) as taken by an image (the plain IMAGE path). */
void boot_note_used(boot_state_t *s, uint64_t lo, uint64_t hi);

/* Builds (or reads) the device tree, places it at the end of RAM, adds the
 * boot ROM and sets every hart's pc, a0, a1, a2. With `required` false (a
 * plain ELF, as before rvscope knew device trees) a tree that would land
 * on the program is left out (a1 = 0) instead of an error. Writes
 * --dumpdtb's file; *dumped tells the caller to exit. */
bool boot_finish(machine_t *m, const boot_opts_t *o, boot_state_t *s, bool required,
                 bool *dumped, char *err, size_t errlen);

void boot_state_free(boot_state_t *s);

#endif
