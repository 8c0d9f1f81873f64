/* `space`: name address spaces (src/debug/spaces.h) and choose the one the
 * debugger's memory accesses go through.
 *   space                   list them (the current hart's marked *)
 *   space NAME [SATP]       bind NAME to SATP (default: the current hart's satp)
 *   space -d NAME           forget NAME
 *   space use NAME|current  read and write memory through NAME's page table */
#include "mon.h"
#include "../debug/spaces.h"
#include "../core/mmu.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static void list(mon_t *M)
{
    hart_t *h = mon_hart(M);
    const dbg_space_t *used = dbg_space_used(M->m);
    if (!dbg_space_at(M->m, 0)) {
        mon_printf(M, "No address spaces named ('space NAME [SATP]' names one).\n");
        return;
    }
    mon_printf(M, "  Num  Name             satp                root                ASID\n");
    for (unsigned i = 0; dbg_space_at(M->m, i); i++) {
        const dbg_space_t *sp = dbg_space_at(M->m, i);
        mon_printf(M, "%c %-4d %-16s 0x%016" PRIx64 "  0x%016" PRIx64 "  %" PRIu64 "%s%s\n",
                   dbg_space_is_current(h, sp) ? '*' : ' ', sp->id, sp->name, sp->satp,
                   space_root_ppn(M->m->xlen, sp->satp) << 12, space_asid(M->m->xlen, sp->satp),
                   !sp->follow ? "" : !strncmp(sp->name, "pid", 3) ? "  (the process's, through exec)"
                   : "  (its processes'; the first one's shown)",
                   sp == used ? "  (memory accesses go through it)" : "");
    }
}

bool space_cmd(mon_t *M, char *args)
{
    char *name = mon_next_word(&args);
    if (!*name) {
        list(M);
        return true;
    }
    if (!strcmp(name, "-d")) {
        char *n = mon_next_word(&args);
        if (!*n || *args)
            goto usage;
        const dbg_space_t *sp = dbg_space_bound(M->m, n);
        int user = sp && sp->follow ? dbg_space_user(M->m, sp->id) : 0;
        if (user) {
            /* its scopes hold the space's id: forgotten, they would never match */
            mon_printf(M, "Space '%s' is the scope of breakpoint/catchpoint %d: delete that first.\n", n, user);
            return false;
        }
        if (!dbg_space_unbind(M->m, n)) {
            mon_printf(M, "No address space named '%s'.\n", n);
            return false;
        }
        return true;
    }
    if (!strcmp(name, "use")) {
        char *n = mon_next_word(&args);
        if (!*n || *args)
            goto usage;
        if (!dbg_space_use(M->m, n)) {
            mon_printf(M, "No address space named '%s'.\n", n);
            return false;
        }
        mon_printf(M, "Memory accesses go through %s%s.\n", strcmp(n, "current") ? "space " : "",
                   strcmp(n, "current") ? n : "the current hart's address space");
        return true;
    }
    hart_t *h = mon_hart(M);
    uint64_t satp = h->satp;
    if (*args && !mon_eval(M, args, &satp))
        return false;
    if (!mmu_satp_paged(M->m->xlen, satp)) {
        mon_printf(M, "satp 0x%" PRIx64 " has no paging (Bare): no address space to name.\n", satp);
        return false;
    }
    if (!dbg_space_bind(M->m, name, satp)) {
        mon_printf(M, "Bad space name '%s' (letters, digits, '_', '-', '.'; up to %d; not "
                   "'current').\n", name, SPACE_NAME_MAX - 1);
        return false;
    }
    const dbg_space_t *sp = dbg_space_find(M->m, name);
    mon_printf(M, "Space %d '%s': satp 0x%" PRIx64 " (root 0x%" PRIx64 ", ASID %" PRIu64 ")\n",
               sp->id, sp->name, satp, space_root_ppn(M->m->xlen, satp) << 12,
               space_asid(M->m->xlen, satp));
    return true;
usage:
    mon_usage(M, "space");
    return false;
}

/* Parse "space NAME" / "priv u|s|m" / "hart N" words at the end of a
 * breakpoint's location into a scope; cuts them off loc. */
bool space_parse_scope(mon_t *M, char *loc, bp_scope_t *scope, char *text, size_t n)
{
    *scope = BP_SCOPE_ANY;
    text[0] = 0;
    for (;;) {
        /* the last two words */
        char *end = loc + strlen(loc);
        while (end > loc && end[-1] == ' ')
            *--end = 0;
        char *v = strrchr(loc, ' ');
        if (!v)
            return true;
        char *k = v;
        while (k > loc && k[-1] == ' ')
            k--;
        char *kw = k;
        while (kw > loc && kw[-1] != ' ')
            kw--;
        size_t klen = (size_t)(k - kw);
        v++;
        if (klen == 5 && !strncmp(kw, "space", 5)) {
            const dbg_space_t *sp = dbg_space_find(M->m, v);
            if (!sp) {
                mon_printf(M, "No address space named '%s' ('space NAME [SATP]' names one).\n", v);
                return false;
            }
            bp_scope_t s = dbg_space_scope(M->m, sp);
            mon_syms_for_space(M, sp);      /* b main space cat: cat's main */
            scope->satp_ppn = s.satp_ppn;
            scope->space = s.space;
        } else if (klen == 4 && !strncmp(kw, "priv", 4)) {
            scope->priv = !strcmp(v, "u") ? PRIV_U : !strcmp(v, "s") ? PRIV_S
                        : !strcmp(v, "m") ? PRIV_M : -2;
            if (scope->priv == -2) {
                mon_printf(M, "priv must be u, s or m, not '%s'.\n", v);
                return false;
            }
        } else if (klen == 4 && !strncmp(kw, "hart", 4)) {
            char *e;
            unsigned long hn = strtoul(v, &e, 0);
            if (!*v || *e || hn >= M->m->nharts) {
                mon_printf(M, "No hart '%s' (0..%u).\n", v, M->m->nharts - 1);
                return false;
            }
            scope->hart = (int)hn;
        } else {
            return true;
        }
        char piece[64];
        snprintf(piece, sizeof piece, " %.*s %s", (int)klen, kw, v);
        size_t tl = strlen(text);
        if (tl + strlen(piece) < n) {           /* in the order written */
            memmove(text + strlen(piece), text, tl + 1);
            memcpy(text, piece, strlen(piece));
        }
        *kw = 0;
    }
}

const char *space_stop_suffix(mon_t *M, hart_t *h, char *buf, size_t n)
{
    static const char modes[] = "USHM";
    char sp[64];
    buf[0] = 0;
    if (!dbg_space_at(M->m, 0) && !M->s->os)
        return buf;                 /* nothing named: the line stays as it was */
    snprintf(buf, n, " (%c-mode, space %s)", modes[h->priv & 3],
             h->priv == PRIV_M ? "physical" : dbg_space_label(M->m, h->satp, sp, sizeof sp));
    return buf;
}
