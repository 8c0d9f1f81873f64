/* Catchpoints in the monitor: `catch trap [CAUSE | irq N]`, `catch syscall
 * [NR]`, `catch priv u|s|m`, `catch satp`, `catch user [SPACE]`, physical
 * watchpoints (`watch phys ADDR [LEN]`), `info catch`, and `d N` (shared
 * numbers with breakpoints and watchpoints). The debugger keeps them
 * (src/debug/catchpoints.c); the monitor keeps their numbers and text. */
#include "mon.h"
#include "../debug/spaces.h"
#include "../os/osdesc.h"
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

static mcatch_t *new_catch(mon_t *M)
{
    if (M->ncatch == sizeof M->catches / sizeof M->catches[0]) {
        mon_printf(M, "Too many catchpoints (%zu): delete one first.\n",
                   sizeof M->catches / sizeof M->catches[0]);
        return NULL;
    }
    mcatch_t *c = &M->catches[M->ncatch++];
    *c = (mcatch_t){ .num = M->next_num++ };
    return c;
}

/* `watch phys [va] ADDR [LEN]` (va: the physical bytes behind that virtual
 * address now): writes to physical bytes through any mapping
 * (the kernel's copyout into a user page too); a debugger watchpoint
 * whose pages leave the TLB, so other pages cost nothing. */
bool catch_phys_watch(mon_t *M, char *args)
{
    char *a = mon_next_word(&args);
    bool by_va = !strcmp(a, "va");
    if (by_va)
        a = mon_next_word(&args);
    char *l = mon_next_word(&args);
    uint64_t addr, len = 1;
    if (!*a || *args) {
        mon_usage(M, "w");
        return false;
    }
    if (!mon_eval(M, a, &addr) || (*l && !mon_eval(M, l, &len)))
        return false;
    if (len == 0 || len > (1u << 20)) {
        mon_printf(M, "watch phys: LEN must be 1..1048576 bytes.\n");
        return false;
    }
    if (by_va) {                /* the bytes behind a virtual address now */
        uint64_t pa;
        hart_t *h = mon_hart(M);
        if (!mon_v2p(h, addr, &pa)) {
            mon_access_error(M, h, addr);
            return false;
        }
        if ((pa & (PAGE_SIZE - 1)) + len > PAGE_SIZE) {
            mon_printf(M, "watch phys va: 0x%" PRIx64 "+%" PRIu64 " crosses a page; watch each "
                       "page's bytes by physical address.\n", addr, len);
            return false;
        }
        addr = pa;
    }
    mcatch_t *c = new_catch(M);
    if (!c)
        return false;
    c->phys = true;
    c->dbg_id = dbg_wp_insert(M->m, addr, len, WP_WRITE, true, OWNER_MONITOR);
    snprintf(c->text, sizeof c->text, "phys 0x%" PRIx64 " %" PRIu64, addr, len);
    mon_printf(M, "Physical watchpoint %d: writes to 0x%" PRIx64 "..0x%" PRIx64 "\n", c->num, addr,
               addr + len - 1);
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
        if (*b)
            goto usage;
        if (*a && !parse_num(a, &arg)) {        /* a name, from the OS description */
            int nr = osdesc_syscall_nr(M->s->os, a);
            if (nr < 0) {
                mon_printf(M, "Unknown system call '%s'%s.\n", a, M->s->os ? " in the OS description"
                           : " (names need --osdesc FILE)");
                return false;
            }
            arg = nr;
        }
    } else if (!strcmp(what, "priv")) {
        kind = CATCH_PRIV;
        arg = !strcmp(a, "u") ? PRIV_U : !strcmp(a, "s") ? PRIV_S : !strcmp(a, "m") ? PRIV_M : -1;
        if (arg < 0 || *b)
            goto usage;
    } else if (!strcmp(what, "user") || (!strcmp(what, "satp") && *a)) {
        kind = !strcmp(what, "user") ? CATCH_USER : CATCH_SATP;
        if (*b)
            goto usage;
        if (*a) {
            const dbg_space_t *sp = dbg_space_find(M->m, a);
            if (!sp) {
                mon_printf(M, "No address space named '%s' ('space NAME [SATP]' names one).\n", a);
                return false;
            }
            arg = sp->follow ? CATCH_SPACE | sp->id : (int64_t)space_root_ppn(M->m->xlen, sp->satp);
        }
    } else if (!strcmp(what, "satp")) {
        kind = CATCH_SATP;
        if (*a)
            goto usage;
    } else {
        goto usage;
    }
    if (*args)
        goto usage;
    mcatch_t *c = new_catch(M);
    if (!c)
        return false;
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
            if (M->catches[i].phys)
                dbg_wp_remove(M->m, M->catches[i].dbg_id);
            else
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
        const dbg_catch_t *d = M->catches[i].phys ? NULL : dbg_catch_get(M->m, M->catches[i].dbg_id);
        mon_printf(M, "%-7d %-19s %" PRIu64 "\n", M->catches[i].num, M->catches[i].text,
                   d ? d->hits : M->catches[i].hits);
    }
}

bool catch_report_phys(mon_t *M, const dbg_stop_t *si)
{
    mcatch_t *c = NULL;
    for (unsigned i = 0; i < M->ncatch; i++)
        if (M->catches[i].phys && M->catches[i].dbg_id == si->id)
            c = &M->catches[i];
    if (!c)
        return false;
    static const char modes[] = "USHM";
    hart_t *h = M->m->harts[si->hart];
    uint64_t pa = si->addr, satp = h->priv == PRIV_M ? 0 : h->satp;
    char sp[64], sym[128];
    dbg_space_v2p(h, si->addr, &pa, NULL);
    mon_sym(M, h->pc, sym, sizeof sym);
    c->hits++;
    M->cur = si->hart;
    mon_printf(M, "\nPhysical watchpoint %d (%s): write at 0x%" PRIx64 " (physical 0x%" PRIx64
               ") on hart %u in %c-mode, space %s\n", c->num, c->text, si->addr, pa, si->hart,
               modes[h->priv & 3], dbg_space_label(M->m, satp, sp, sizeof sp));
    mon_show_location(M, h);
    return true;
}
