/* Reading an OS description file and resolving its names against the
 * kernel's DWARF (format: docs/osdesc.md). Errors name the file, the line
 * and what did not resolve. */
#include "osdesc.h"
#include "../dwarf/dwarf.h"
#include "../elf/image.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const abi[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4",
    "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
    "t5", "t6",
};

static int reg_number(const char *name)
{
    for (int i = 0; i < 32; i++)
        if (!strcmp(name, abi[i]))
            return i;
    if (!strcmp(name, "fp"))
        return 8;
    return -1;
}

void osdesc_free(osdesc_t *d)
{
    if (!d)
        return;
    for (unsigned i = 0; i < OS_MAX_SYSCALL; i++)
        free(d->syscall[i]);
    dinfo_close(d->dw);
    free(d);
}

int osdesc_syscall_nr(const osdesc_t *d, const char *name)
{
    for (unsigned i = 0; d && i < OS_MAX_SYSCALL; i++)
        if (d->syscall[i] && !strcmp(d->syscall[i], name))
            return (int)i;
    return -1;
}

const char *osdesc_syscall_name(const osdesc_t *d, uint64_t nr)
{
    return d && nr < OS_MAX_SYSCALL ? d->syscall[nr] : NULL;
}

const struct os_alias *osdesc_alias_at(const osdesc_t *d, uint64_t addr)
{
    for (unsigned i = 0; d && i < d->naliases; i++)
        if (addr - d->alias[i].va < d->alias[i].size)
            return &d->alias[i];
    return NULL;
}

/* alias SYMBOL VA [SIZE]: SYMBOL from the kernel's symbol table (a label
 * in assembly has no DWARF), SIZE default one page. */
static bool parse_alias(osdesc_t *d, const char *kernel_elf, char **w, int nw, char *err, size_t n,
                        const char *file, unsigned lineno)
{
    char *e1, *e2 = NULL;
    uint64_t va = strtoull(w[2], &e1, 0), size = nw == 4 ? strtoull(w[3], &e2, 0) : PAGE_SIZE;
    if (*e1 || (e2 && *e2) || !size || va + size < va) {
        snprintf(err, n, "%s:%u: alias wants SYMBOL VA [SIZE] (numbers), not '%s%s%s'", file, lineno,
                 w[2], nw == 4 ? " " : "", nw == 4 ? w[3] : "");
        return false;
    }
    if (d->naliases == OS_MAX_ALIAS) {
        snprintf(err, n, "%s:%u: more than %d alias lines", file, lineno, OS_MAX_ALIAS);
        return false;
    }
    char ierr[256];
    image_t *img = image_open_symbols(kernel_elf, ierr, sizeof ierr);
    struct os_alias *a = &d->alias[d->naliases];
    bool ok = img && image_sym_lookup(img, w[1], &a->link);
    image_close(img);
    if (!ok) {
        snprintf(err, n, "%s:%u: no symbol '%s' in the kernel's symbol table", file, lineno, w[1]);
        return false;
    }
    snprintf(a->sym, sizeof a->sym, "%s", w[1]);
    a->va = va;
    a->size = size;
    d->naliases++;
    return true;
}

#define FAIL(...) do { snprintf(err, n, __VA_ARGS__); goto fail; } while (0)

/* The kernel's DWARF by the names the description uses (a bare struct
 * tag: "proc" is struct proc). */
static bool global_of(dinfo_t *dw, const char *name, uint64_t *addr, uint64_t *size)
{
    const dtype_t *t;
    if (!dinfo_global(dw, name, addr, &t))
        return false;
    *size = t ? t->size : 0;
    return true;
}

static bool struct_size(dinfo_t *dw, const char *tag, uint64_t *size)
{
    char name[96];
    snprintf(name, sizeof name, "struct %s", tag);
    const dtype_t *t = dinfo_type(dw, name);
    if (!t)
        return false;
    *size = dtype_strip(t)->size;
    return true;
}

static bool member_of(dinfo_t *dw, const char *tag, const char *member, uint64_t *off, uint64_t *size)
{
    char name[96];
    snprintf(name, sizeof name, "struct %s", tag);
    return dinfo_member(dw, name, member, off, size);
}

/* `VAR STRUCT` lines (proc-table, cpu-table): global array VAR of struct
 * STRUCT, its address, entry size and entry count; false with err. */
static bool array_of(dinfo_t *dw, const char *var, const char *tag, uint64_t *addr, uint64_t *stride,
                     uint64_t *count, char *err, size_t n, const char *file, unsigned lineno)
{
    uint64_t size;
    if (!global_of(dw, var, addr, &size)) {
        snprintf(err, n, "%s:%u: no global variable '%s' in the kernel's DWARF", file, lineno, var);
        return false;
    }
    if (!struct_size(dw, tag, stride) || !*stride) {
        snprintf(err, n, "%s:%u: no struct '%s' in the kernel's DWARF", file, lineno, tag);
        return false;
    }
    *count = size / *stride;
    return true;
}

osdesc_t *osdesc_load(const char *file, const char *kernel_elf, int xlen, char *err, size_t n)
{
    FILE *f = fopen(file, "r");
    if (!f) {
        snprintf(err, n, "--osdesc %s: %s", file, strerror(errno));
        return NULL;
    }
    osdesc_t *d = calloc(1, sizeof *d);
    if (!d)
        abort();
    snprintf(d->path, sizeof d->path, "%s", file);
    snprintf(d->kernel, sizeof d->kernel, "%s", kernel_elf);
    d->running_state = -1;
    char kerr[256];
    if (!(d->dw = dinfo_open(kernel_elf, xlen, kerr, sizeof kerr))) {
        snprintf(err, n, "--osdesc %s: the kernel %s", file, kerr);
        fclose(f);
        osdesc_free(d);
        return NULL;
    }
    char line[1024], pstruct[64] = "", cstruct[64] = "", ctxm[64] = "", custruct[64] = "";
    unsigned lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *hash = strchr(line, '#');
        if (hash)
            *hash = 0;
        char *w[8] = {0};
        int nw = 0;
        for (char *tok = strtok(line, " \t\r\n"); tok && nw < 8; tok = strtok(NULL, " \t\r\n"))
            w[nw++] = tok;
        if (!nw)
            continue;
        uint64_t size, off, sz;
        const char *k = w[0];
        if (!strcmp(k, "kernel-pagetable") && nw == 2) {
            if (!global_of(d->dw, w[1], &d->kpt_addr, &size))
                FAIL("%s:%u: no global variable '%s' in the kernel's DWARF", file, lineno, w[1]);
            d->has_kpt = true;
        } else if (!strcmp(k, "proc-table") && nw == 3) {
            snprintf(pstruct, sizeof pstruct, "%s", w[2]);
            if (!array_of(d->dw, w[1], pstruct, &d->table, &d->stride, &d->nproc, err, n, file, lineno))
                goto fail;
        } else if ((!strcmp(k, "proc-pid") || !strcmp(k, "proc-name") || !strcmp(k, "proc-state") ||
                    !strcmp(k, "proc-pagetable")) && (nw == 2 || (nw == 3 && !strcmp(k, "proc-state")))) {
            if (!*pstruct)
                FAIL("%s:%u: %s before proc-table", file, lineno, k);
            if (!member_of(d->dw, pstruct, w[1], &off, &sz))
                FAIL("%s:%u: struct %s has no member '%s'", file, lineno, pstruct, w[1]);
            if (!strcmp(k, "proc-pid")) d->off_pid = off, d->size_pid = sz;
            else if (!strcmp(k, "proc-name")) d->off_name = off, d->size_name = sz;
            else if (!strcmp(k, "proc-pagetable")) d->off_pt = off;
            else {
                d->off_state = off, d->size_state = sz;
                if (nw == 3) {
                    snprintf(d->state_enum, sizeof d->state_enum, "%s", w[2]);
                    /* looked up once: dinfo_type scans every unit, and a
                     * process is read at each satp write a following space checks */
                    char tname[80];
                    snprintf(tname, sizeof tname, "enum %s", d->state_enum);
                    if ((d->state_type = dinfo_type(d->dw, tname)))
                        d->state_type = dtype_strip(d->state_type);
                }
            }
        } else if (!strcmp(k, "cpu-table") && nw == 3) {
            snprintf(custruct, sizeof custruct, "%s", w[2]);
            if (!array_of(d->dw, w[1], custruct, &d->cpu_table, &d->cpu_stride, &d->ncpu, err, n, file,
                          lineno))
                goto fail;
        } else if (!strcmp(k, "cpu-proc") && nw == 2) {
            if (!*custruct)
                FAIL("%s:%u: cpu-proc before cpu-table", file, lineno);
            if (!member_of(d->dw, custruct, w[1], &d->off_cpu_proc, &sz))
                FAIL("%s:%u: struct %s has no member '%s'", file, lineno, custruct, w[1]);
            d->has_cpu = true;
        } else if (!strcmp(k, "free-state") && nw == 2) {
            d->free_state = strtoll(w[1], NULL, 0);
        } else if (!strcmp(k, "running-state") && nw == 2) {
            d->running_state = strtoll(w[1], NULL, 0);
        } else if (!strcmp(k, "proc-context") && nw == 3) {
            if (!*pstruct)
                FAIL("%s:%u: proc-context before proc-table", file, lineno);
            if (!member_of(d->dw, pstruct, w[1], &d->off_ctx, &sz))
                FAIL("%s:%u: struct %s has no member '%s'", file, lineno, pstruct, w[1]);
            snprintf(ctxm, sizeof ctxm, "%s", w[1]);
            snprintf(cstruct, sizeof cstruct, "%s", w[2]);
            d->has_ctx = true;
        } else if (!strcmp(k, "context-reg") && (nw == 3 || nw == 4)) {
            int r = reg_number(w[1]);
            if (!*cstruct)
                FAIL("%s:%u: context-reg before proc-context", file, lineno);
            if (r <= 0 || d->nregs == OS_MAX_REGS)
                FAIL("%s:%u: '%s' is not a register name (ra, sp, s0..s11, ...)", file, lineno, w[1]);
            if (!member_of(d->dw, cstruct, w[2], &off, &sz))
                FAIL("%s:%u: struct %s has no member '%s'", file, lineno, cstruct, w[2]);
            uint64_t idx = nw == 4 ? strtoull(w[3], NULL, 0) : 0;
            if ((idx + 1) * 8 > sz)
                FAIL("%s:%u: %s.%s has no 8-byte element %s", file, lineno, cstruct, w[2], w[3]);
            d->reg_num[d->nregs] = (unsigned)r;
            d->reg_off[d->nregs++] = d->off_ctx + off + idx * 8;
        } else if (!strcmp(k, "syscall") && nw == 3) {
            unsigned long nr = strtoul(w[1], NULL, 0);
            if (nr >= OS_MAX_SYSCALL)
                FAIL("%s:%u: syscall number %s out of range (0..%d)", file, lineno, w[1], OS_MAX_SYSCALL - 1);
            free(d->syscall[nr]);
            d->syscall[nr] = strdup(w[2]);
        } else if (!strcmp(k, "alias") && (nw == 3 || nw == 4)) {
            if (!parse_alias(d, kernel_elf, w, nw, err, n, file, lineno))
                goto fail;
        } else if (!strcmp(k, "program") && nw == 2) {
            if (!strstr(w[1], "%s"))
                FAIL("%s:%u: program pattern needs %%s (the process name)", file, lineno);
            snprintf(d->program, sizeof d->program, "%s", w[1]);
        } else {
            FAIL("%s:%u: unknown or malformed line '%s' (docs/osdesc.md)", file, lineno, k);
        }
    }
    fclose(f);
    f = NULL;
    if (!d->nproc)
        FAIL("%s: no proc-table line", file);
    (void)ctxm;
    return d;
fail:
    if (f)
        fclose(f);
    osdesc_free(d);
    return NULL;
}
