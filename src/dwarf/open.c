/* Opening a guest ELF's DWARF for the session (see dwarf.h). */
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dwarf/dwarf_priv.h"

/* DWARF that refers to a dwz file would make libdw open a path named in the
 * guest ELF: refused, as the line table refuses it (lines.c). */
static bool needs_alt_file(Elf *elf)
{
    size_t shnum, shstr;
    if (elf_getshdrnum(elf, &shnum) != 0 || elf_getshdrstrndx(elf, &shstr) != 0)
        return false;
    for (size_t i = 1; i < shnum; i++) {
        GElf_Shdr sh;
        Elf_Scn *scn = elf_getscn(elf, i);
        const char *n = scn && gelf_getshdr(scn, &sh) ? elf_strptr(elf, shstr, sh.sh_name) : NULL;
        if (n && (!strcmp(n, ".gnu_debugaltlink") || !strcmp(n, ".debug_sup")))
            return true;
    }
    return false;
}

dinfo_t *dinfo_open(const char *path, int xlen, char *err, size_t errlen)
{
    elf_version(EV_CURRENT);
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot open", path);
        return NULL;
    }
    Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
    if (!elf || elf_kind(elf) != ELF_K_ELF || needs_alt_file(elf)) {
        snprintf(err, errlen, "%s: no usable DWARF", path);
        goto fail;
    }
    Dwarf *dw = dwarf_begin_elf(elf, DWARF_C_READ, NULL);
    if (!dw) {
        snprintf(err, errlen, "%s has no debugging information (build it with -g)", path);
        goto fail;
    }
    dinfo_t *d = calloc(1, sizeof *d);
    if (!d) {
        dwarf_end(dw);
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    d->fd = fd;
    d->elf = elf;
    d->dw = dw;
    d->xlen = xlen;
    d->cfi = dwarf_getcfi(dw);
    if (!d->cfi && (d->cfi = dwarf_getcfi_elf(elf)))
        d->cfi_from_elf = true;
    return d;
fail:
    if (elf)
        elf_end(elf);
    close(fd);
    return NULL;
}

void dinfo_close(dinfo_t *d)
{
    if (!d)
        return;
    dtypes_free(d);
    if (d->cfi_from_elf)
        dwarf_cfi_end(d->cfi);
    dwarf_end(d->dw);   /* also ends the .debug_frame CFI */
    elf_end(d->elf);
    close(d->fd);
    free(d);
}

void dinfo_set_memory(dinfo_t *d, dmem_fn read, void *ctx)
{
    d->mem = read;
    d->mem_ctx = ctx;
}

bool dinfo_read_mem(dinfo_t *d, uint64_t addr, void *buf, unsigned len)
{
    return d->mem && d->mem(d->mem_ctx, addr, buf, len);
}
