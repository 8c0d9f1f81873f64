/* Catchpoints in the monitor: `catch trap [CAUSE | irq N]`, `catch syscall
 * [NR]`, `catch priv u|s|m`, `catch satp`, `info catch`, and `d N` (shared
 * numbers with breakpoints and watchpoints). The debugger keeps them
 * (src/debug/catchpoints.c); the monitor keeps their numbers and text. */
#include "mon.h"
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static bool parse_num(const char *w, int64_t *v)
{
    char *end;
    errno = 0;
    long long n = strtoll(w, &end, 0);
    if (!*w || *end || errno || n < 0 || n > 0xffff)
        return false;
    *v = n;
    return true;
}

bool catch_cmd(mon_t *M, char *args)
{
    char *what = mon_next_word(&args), *a = mon_next_word(&args), *b = mon_next_word(&args);
    enum catch_kind kind;
    int64_t arg = -1;
    if (!strcmp(what, "trap")) {
        kind = CATCH_TRAP;
        if (!strcmp(a, "irq")) {
            if (!parse_num(b, &arg))
                goto usage;
            arg |= CATCH_IRQ;
        } else if (*a && (*b || !parse_num(a, &arg))) {
            goto usage;
        }
    } else if (!strcmp(what, "syscall")) {
        kind = CATCH_SYSCALL;
        if (*b || (*a && !parse_num(a, &arg)))
            goto usage;
    } else if (!strcmp(what, "priv")) {
        kind = CATCH_PRIV;
        arg = !strcmp(a, "u") ? PRIV_U : !strcmp(a, "s") ? PRIV_S : !strcmp(a, "m") ? PRIV_M : -1;
        if (arg < 0 || *b)
            goto usage;
    } else if (!strcmp(what, "satp")) {
        kind = CATCH_SATP;
        if (*a)
            goto usage;
    } else {
        goto usage;
    }
    if (*args)
        goto usage;
    if (M->ncatch == sizeof M->catches / sizeof M->catches[0]) {
        mon_printf(M, "Too many catchpoints (%zu): delete one first.\n",
                   sizeof M->catches / sizeof M->catches[0]);
        return false;
    }
    mcatch_t *c = &M->catches[M->ncatch++];
    c->num = M->next_num++;
    c->dbg_id = dbg_catch_insert(M->m, kind, arg, OWNER_MONITOR);
    snprintf(c->text, sizeof c->text, "%s%s%s%s%s", what, *a ? " " : "", a, *b ? " " : "", b);
    mon_printf(M, "Catchpoint %d (%s)\n", c->num, c->text);
    return true;
usage:
    mon_usage(M, "catch");
    return false;
}

bool catch_delete(mon_t *M, int num)
{
    for (unsigned i = 0; i < M->ncatch; i++)
        if (M->catches[i].num == num) {
            dbg_catch_remove(M->m, M->catches[i].dbg_id);
            M->catches[i] = M->catches[--M->ncatch];
            return true;
        }
    return false;
}

void catch_free_all(mon_t *M)
{
    while (M->ncatch)
        catch_delete(M, M->catches[0].num);
}

const mcatch_t *catch_by_dbg_id(mon_t *M, int dbg_id)
{
    for (unsigned i = 0; i < M->ncatch; i++)
        if (M->catches[i].dbg_id == dbg_id)
            return &M->catches[i];
    return NULL;
}

void catch_list(mon_t *M)
{
    if (!M->ncatch) {
        mon_printf(M, "No catchpoints.\n");
        return;
    }
    mon_printf(M, "Num     What                Hits\n");
    for (unsigned i = 0; i < M->ncatch; i++) {
        const dbg_catch_t *d = dbg_catch_get(M->m, M->catches[i].dbg_id);
        mon_printf(M, "%-7d %-19s %" PRIu64 "\n", M->catches[i].num, M->catches[i].text,
                   d ? d->hits : 0);
    }
}
