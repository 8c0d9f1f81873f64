/* The monitor's symbols follow the address space (issue 13): a hart in a
 * space sees the --symbols FILE@SPACE files of that space first, then,
 * with an OS description whose `program` pattern names each process's
 * ELF, its process's program, then the kernel's and the rest (symbolised
 * stop lines, `b printf`, `p main`); elsewhere the session's set. ELFs
 * are read once and kept. */
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

static image_t *program_image(mon_t *M, const char *path)
{
    if (!M->programs && !(M->programs = calloc(1, sizeof *M->programs)))
        abort();
    struct mon_programs *P = M->programs;
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

/* The --symbols FILE@SPACE files whose space has satp's root. */
static void add_space_files(mon_t *M, uint64_t satp, symset_t *set)
{
    for (unsigned i = 0; i < M->s->nspace_syms && set->n < SYMSET_MAX; i++) {
        const dbg_space_t *sp = dbg_space_find(M->m, M->s->space_syms[i].space);
        if (sp && space_root_ppn(M->m->xlen, sp->satp) == space_root_ppn(M->m->xlen, satp))
            symset_add(set, M->s->space_syms[i].img, 0);
    }
}

const symset_t *mon_syms_in(mon_t *M, uint64_t satp)
{
    const symset_t *base = M->s->syms;
    osdesc_t *d = M->s->os;
    if (!mmu_satp_paged(M->m->xlen, satp))
        return base;
    if (!M->programs && !(M->programs = calloc(1, sizeof *M->programs)))
        abort();
    symset_t *set = &M->programs->set;
    memset(set, 0, sizeof *set);
    add_space_files(M, satp, set);
    os_proc_t p;
    if (d && *d->program && osdesc_proc_by_satp(d, M->m, satp, &p)) {
        char path[600];
        snprintf(path, sizeof path, d->program, p.name);
        image_t *img = program_image(M, path);
        if (img)
            symset_add(set, img, 0);
    }
    if (!set->n)
        return base;
    for (unsigned k = 0; base && k < base->n && set->n < SYMSET_MAX; k++)
        symset_add(set, base->img[k], base->bias[k]);
    return set;
}

const symset_t *mon_syms(mon_t *M, hart_t *h)
{
    if (M->sym_satp)                   /* b LOC space NAME: LOC in that space */
        return mon_syms_in(M, M->sym_satp);
    return mon_syms_in(M, h->priv == PRIV_M ? 0 : h->satp);
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
