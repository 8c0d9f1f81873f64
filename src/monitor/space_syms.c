/* The monitor's symbols follow the address space (issue 13): a hart in a
 * space sees the OS description's aliases (the trampoline where it runs),
 * the --symbols FILE@SPACE files of that space and, with an OS description
 * whose `program` pattern names each process's ELF, its process's program
 * first, then the kernel's and the rest (symbolised stop lines,
 * `b printf`, `p main`); elsewhere the session's set. ELFs are read once
 * and kept. */
#include "mon.h"
#include "../debug/spaces.h"
#include "../os/osdesc.h"
#include "../core/mmu.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PROGRAMS 32

struct mon_programs {
    struct program {
        char     path[600];
        image_t *img;           /* NULL: could not be read (not tried again) */
    } v[MAX_PROGRAMS];
    unsigned n;
    symset_t set;               /* the last set built */
};

/* The monitor's programs table, made on first use. */
static struct mon_programs *programs(mon_t *M)
{
    if (!M->programs && !(M->programs = calloc(1, sizeof *M->programs)))
        abort();
    return M->programs;
}

static image_t *program_image(mon_t *M, const char *path)
{
    struct mon_programs *P = programs(M);
    for (unsigned i = 0; i < P->n; i++)
        if (!strcmp(P->v[i].path, path))
            return P->v[i].img;
    if (P->n == MAX_PROGRAMS)
        return NULL;
    struct program *p = &P->v[P->n++];
    char err[256];
    snprintf(p->path, sizeof p->path, "%s", path);
    p->img = image_open_symbols(path, err, sizeof err);
    return p->img;
}

/* The kernel image holding an alias's symbol, and its bias in base. */
static bool alias_image(const symset_t *base, const struct os_alias *a, const image_t **img,
                        uint64_t *bias)
{
    uint64_t addr;
    for (unsigned k = 0; base && k < base->n; k++)
        if (image_sym_lookup(base->img[k], a->sym, &addr) && addr + base->bias[k] == a->link) {
            *img = base->img[k];
            *bias = base->bias[k];
            return true;
        }
    return false;
}

/* The --symbols FILE@SPACE files whose space has satp's root. */
static void add_space_files(mon_t *M, uint64_t satp, symset_t *set)
{
    for (unsigned i = 0; i < M->s->nspace_syms && set->n < SYMSET_MAX; i++) {
        const dbg_space_t *sp = dbg_space_find(M->m, M->s->space_syms[i].space);
        if (sp && sp->satp && space_root_ppn(M->m->xlen, sp->satp) == space_root_ppn(M->m->xlen, satp))
            symset_add(set, M->s->space_syms[i].img, 0);
    }
}

/* The symbols in the space whose satp is given (0: none, M mode). */
static const symset_t *syms_in(mon_t *M, uint64_t satp)
{
    const symset_t *base = M->s->syms;
    osdesc_t *d = M->s->os;
    bool paged = mmu_satp_paged(M->m->xlen, satp);
    if ((!paged && !*M->sym_program) || (!d && !M->s->nspace_syms))
        return base;
    symset_t *set = &programs(M)->set;
    memset(set, 0, sizeof *set);
    /* the aliases first: a name in the trampoline resolves to where it runs */
    for (unsigned i = 0; d && paged && i < d->naliases; i++) {
        const struct os_alias *a = &d->alias[i];
        const image_t *k;
        uint64_t bias;
        if (alias_image(base, a, &k, &bias))
            symset_add_window(set, k, a->va - a->link + bias, a->va, a->va + a->size);
    }
    if (paged)
        add_space_files(M, satp, set);
    image_t *img = NULL;
    os_proc_t p;
    char path[600];
    if (d && *d->program && *M->sym_program) {
        snprintf(path, sizeof path, d->program, M->sym_program);
        img = program_image(M, path);
    } else if (d && *d->program && paged && osdesc_proc_by_satp(d, M->m, satp, &p)) {
        snprintf(path, sizeof path, d->program, p.name);
        img = program_image(M, path);
    }
    if (img)
        symset_add(set, img, 0);
    if (!set->n)
        return base;
    for (unsigned k = 0; base && k < base->n && set->n < SYMSET_MAX; k++)
        symset_add_window(set, base->img[k], base->bias[k], base->lo[k], base->hi[k]);
    return set;
}

const symset_t *mon_syms(mon_t *M, hart_t *h)
{
    if (M->sym_satp)                   /* b LOC space NAME: LOC in that space */
        return syms_in(M, M->sym_satp);
    return syms_in(M, h->priv == PRIV_M ? 0 : h->satp);
}

void mon_syms_for_space(mon_t *M, const dbg_space_t *sp)
{
    osdesc_t *d = M->s->os;
    os_proc_t p;
    M->sym_program[0] = 0;
    M->sym_satp = sp && mmu_satp_paged(M->m->xlen, sp->satp) ? sp->satp : 0;
    if (!sp || !d || !*d->program)
        return;
    if (sp->satp && osdesc_proc_by_satp(d, M->m, sp->satp, &p))
        snprintf(M->sym_program, sizeof M->sym_program, "%s", p.name);
    else if (sp->follow && strncmp(sp->name, "pid", 3))    /* a program no process runs yet */
        snprintf(M->sym_program, sizeof M->sym_program, "%s", sp->name);
}

void mon_syms_free(mon_t *M)
{
    if (!M->programs)
        return;
    for (unsigned i = 0; i < M->programs->n; i++)
        image_close(M->programs->v[i].img);
    free(M->programs);
    M->programs = NULL;
}
