/* Raw binary images (--raw ADDR): the whole file is copied to ADDR. */
#ifndef RVSCOPE_ELF_RAW_H
#define RVSCOPE_ELF_RAW_H

#include "elf/image.h"

/* Calls fn once with paddr = addr and filesz = memsz = the file size.
 * false + a one-line message naming the file when it is missing, empty,
 * would wrap around the 64-bit address space, or fn refuses it. */
bool raw_load(const char *path, uint64_t addr, image_load_fn fn, void *ctx,
              char *err, size_t errlen);

#endif
