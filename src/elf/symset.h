/* The symbols of several images at once: the firmware, the kernel and any
 * --symbols FILE[@OFFSET], so a stop in OpenSBI and a stop in the kernel
 * both show function names. Each image may be shifted by an offset (its
 * symbols' addresses + OFFSET, as GDB's `add-symbol-file -o OFFSET`). */
#ifndef RVSCOPE_ELF_SYMSET_H
#define RVSCOPE_ELF_SYMSET_H
#include "image.h"

#define SYMSET_MAX 8

typedef struct symset {
    const image_t *img[SYMSET_MAX];
    uint64_t       bias[SYMSET_MAX];
    uint64_t       lo[SYMSET_MAX], hi[SYMSET_MAX];  /* addresses it covers: [lo, hi) */
    unsigned       n;
} symset_t;

/* False when the set is full (or img is NULL). */
bool symset_add(symset_t *s, const image_t *img, uint64_t bias);
/* img shifted by bias, but only for addresses in [lo, hi): a page of a
 * kernel that also runs at another virtual address (xv6's and rvos's
 * trampoline, an OS description's `alias`). Its names resolve to that
 * address only when it lies in the window. */
bool symset_add_window(symset_t *s, const image_t *img, uint64_t bias, uint64_t lo, uint64_t hi);
/* The symbol containing addr in whichever image has the nearest one. */
const char *symset_at(const symset_t *s, uint64_t addr, uint64_t *offset);
/* The first image (in the order added) that defines name. */
bool symset_lookup(const symset_t *s, const char *name, uint64_t *addr);
/* addr -> file:line, from the first image whose line table has it. */
bool symset_line_at(const symset_t *s, uint64_t addr, const char **file, int *line);
/* FILE:LINE -> address, from the first image with lines for it. */
bool symset_resolve_line(const symset_t *s, const char *file, int line, uint64_t *addr,
                         int *actual_line);
bool symset_has_lines(const symset_t *s);

#endif
