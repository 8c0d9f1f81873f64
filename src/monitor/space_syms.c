/* The monitor's symbols follow the address space (issue 13): with an OS
 * description whose `program` pattern names each process's ELF, a hart in
 * a process's space sees that program's symbols first, then the kernel's
 * and the rest (symbolised stop lines, `b printf`, `p main`); elsewhere
 * the session's set. ELFs are read once and kept. */
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

const symset_t *mon_syms(mon_t *M, hart_t *h)
{
    const symset_t *base = M->s->syms;
    osdesc_t *d = M->s->os;
    if (!d || !*d->program || h->priv == PRIV_M || !mmu_satp_paged(h->xlen, h->satp))
        return base;
    os_proc_t p;
    if (!osdesc_proc_by_satp(d, M->m, h->satp, &p))
        return base;
    char path[600];
    snprintf(path, sizeof path, d->program, p.name);
    image_t *img = program_image(M, path);
    if (!img)
        return base;
    symset_t *set = &M->programs->set;
    memset(set, 0, sizeof *set);
    symset_add(set, img, 0);
    for (unsigned k = 0; base && k < base->n && set->n < SYMSET_MAX; k++)
        symset_add(set, base->img[k], base->bias[k]);
    return set;
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
