/* The `trigger` command: set up a Sdtrig trigger by meaning instead of raw
 * tdata1 bits. It writes tselect, tdata1 = 0, tdata2, tdata1 as a debugger
 * would (so dmode and action 1 are allowed) and shows what the hart kept. */
#include "mon.h"
#include "../core/csr.h"
#include "../debug/debug.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

typedef struct trig_opts {
    unsigned action;      /* 0 break, 1 debug mode, 8 stop rvscope */
    bool m, s, u;
    unsigned size;        /* bytes, 0 = any */
} trig_opts_t;

static bool parse_modes(const char *t, trig_opts_t *o)
{
    o->m = strchr(t, 'm') != NULL;
    o->s = strchr(t, 's') != NULL;
    o->u = strchr(t, 'u') != NULL;
    return strspn(t, "msu,") == strlen(t) && (o->m || o->s || o->u);
}

/* Options after the main arguments: action A, mode MODES, size N. */
static bool parse_opts(char **save, trig_opts_t *o)
{
    char *k;
    while ((k = strtok_r(NULL, " \t", save))) {
        char *v = strtok_r(NULL, " \t", save);
        if (!v)
            return false;
        if (!strcmp(k, "action")) {
            if (!strcmp(v, "break")) o->action = 0;
            else if (!strcmp(v, "debug")) o->action = 1;
            else if (!strcmp(v, "stop")) o->action = 8;
            else return false;
        } else if (!strcmp(k, "mode")) {
            if (!parse_modes(v, o)) return false;
        } else if (!strcmp(k, "size")) {
            o->size = (unsigned)strtoul(v, NULL, 0);
            if (o->size != 1 && o->size != 2 && o->size != 4 && o->size != 8) return false;
        } else {
            return false;
        }
    }
    return true;
}

/* A comma-separated list of small numbers as a bit mask. */
static bool parse_bits(const char *t, int xlen, uint64_t *mask)
{
    *mask = 0;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", t);
    char *save, *p = strtok_r(buf, ",", &save);
    if (!p)
        return false;
    for (; p; p = strtok_r(NULL, ",", &save)) {
        char *end;
        unsigned long n = strtoul(p, &end, 0);
        if (*end || n >= (unsigned long)xlen)
            return false;
        *mask |= 1ull << n;
    }
    return true;
}

static uint64_t size_code(unsigned bytes)
{
    return bytes == 1 ? 1 : bytes == 2 ? 2 : bytes == 4 ? 3 : bytes == 8 ? 5 : 0;
}

/* "all" anywhere among the words: every hart's trigger module (each hart
 * has its own; a process may run on any of them). Blanked out of args. */
static bool take_all(char *args)
{
    bool all = false;
    for (char *p = args; (p = strstr(p, "all")) != NULL; p += 3) {
        bool before = p == args || p[-1] == ' ' || p[-1] == '\t';
        bool after = !p[3] || p[3] == ' ' || p[3] == '\t';
        if (before && after) {
            memset(p, ' ', 3);
            all = true;
        }
    }
    return all;
}

/* tselect n; the Debug Spec's safe sequence; what the hart kept. */
static void program(hart_t *h, unsigned long n, uint64_t t1, uint64_t t2, uint64_t *r1, uint64_t *r2)
{
    unsigned old_sel = h->dbg->tselect;
    csr_debug_write(h, CSR_TSELECT, n);
    csr_debug_write(h, CSR_TDATA1, 0);
    csr_debug_write(h, CSR_TDATA2, t2);
    csr_debug_write(h, CSR_TDATA1, t1);
    csr_debug_read(h, CSR_TDATA1, r1);
    csr_debug_read(h, CSR_TDATA2, r2);
    csr_debug_write(h, CSR_TSELECT, old_sel);
}

bool cmd_trigger(mon_t *M, char *args)
{
    bool all = take_all(args);
    hart_t *h = mon_hart(M);
    int xl = h->xlen;
    char *save, *tok = strtok_r(args, " \t", &save);
    char *what = tok ? strtok_r(NULL, " \t", &save) : NULL;
    char *end;
    unsigned long n = tok ? strtoul(tok, &end, 0) : 0;
    if (!tok || *end || !what) {
        mon_usage(M, "trigger");
        return false;
    }
    if (n >= h->dbg->ntrig) {
        mon_printf(M, "Trigger %lu does not exist: this hart has %u (--triggers).\n", n, h->dbg->ntrig);
        return false;
    }
    trig_opts_t o = { .action = 8, .m = true, .s = true, .u = true };
    uint64_t t1 = 0, t2 = 0;
    if (!strcmp(what, "off")) {
        t1 = 0;
    } else if (!strcmp(what, "store") || !strcmp(what, "load") || !strcmp(what, "exec") ||
               !strcmp(what, "access")) {
        char *e = strtok_r(NULL, " \t", &save);
        /* No address is a usage error (it once printed nothing at all); a
         * bad one is the expression's own error. */
        if (e && !mon_eval(M, e, &t2))
            return false;
        if (!e || !parse_opts(&save, &o)) {
            mon_usage(M, "trigger");
            return false;
        }
        uint64_t kind = !strcmp(what, "store") ? 2 : !strcmp(what, "load") ? 1 :
                        !strcmp(what, "exec") ? 4 : 3;
        t1 = (uint64_t)TT_MCONTROL6 << (xl - 4) | size_code(o.size) << 16 |
             (uint64_t)o.action << 12 | (uint64_t)o.m << 6 | (uint64_t)o.s << 4 |
             (uint64_t)o.u << 3 | kind;
    } else if (!strcmp(what, "icount")) {
        char *c = strtok_r(NULL, " \t", &save);
        unsigned long count = c ? strtoul(c, &end, 0) : 0;
        if (!c || *end || count == 0 || count > 0x3fff || !parse_opts(&save, &o)) {
            mon_usage(M, "trigger");
            return false;
        }
        t1 = (uint64_t)TT_ICOUNT << (xl - 4) | count << 10 | (uint64_t)o.m << 9 |
             (uint64_t)o.s << 7 | (uint64_t)o.u << 6 | o.action;
    } else if (!strcmp(what, "exception") || !strcmp(what, "interrupt")) {
        char *c = strtok_r(NULL, " \t", &save);
        if (!c || !parse_bits(c, xl, &t2) || !parse_opts(&save, &o)) {
            mon_usage(M, "trigger");
            return false;
        }
        unsigned type = what[0] == 'e' ? TT_ETRIGGER : TT_ITRIGGER;
        t1 = (uint64_t)type << (xl - 4) | (uint64_t)o.m << 9 | (uint64_t)o.s << 7 |
             (uint64_t)o.u << 6 | o.action;
    } else if (!strcmp(what, "external")) {
        char *c = strtok_r(NULL, " \t", &save);
        unsigned long in = c ? strtoul(c, &end, 0) : 16;
        if (!c || *end || in > 15 || !parse_opts(&save, &o)) {
            mon_usage(M, "trigger");
            return false;
        }
        t1 = (uint64_t)TT_TMEXTTRIGGER << (xl - 4) | 1ull << (6 + in) | o.action;
    } else {
        mon_usage(M, "trigger");
        return false;
    }
    if (t1 && o.action == 1)
        t1 |= 1ull << (xl - 5);          /* dmode: only debug mode may then change it */
    uint64_t r1 = 0, r2 = 0;
    if (all) {
        for (unsigned i = 0; i < M->m->nharts; i++) {
            hart_t *x = M->m->harts[i];
            if (n >= x->dbg->ntrig) {
                mon_printf(M, "Hart %u has no trigger %lu; left alone.\n", x->hartid, n);
                continue;
            }
            program(x, n, t1, t2, &r1, &r2);
        }
        if (!t1)
            mon_printf(M, "Trigger %lu disabled on every hart.\n", n);
        else
            mon_printf(M, "Trigger %lu on every hart (%u): tdata1=0x%" PRIx64 " tdata2=0x%" PRIx64
                       " (see 'info triggers')\n", n, M->m->nharts, r1, r2);
        return true;
    }
    program(h, n, t1, t2, &r1, &r2);
    if (!t1)
        mon_printf(M, "Trigger %lu disabled.\n", n);
    else
        mon_printf(M, "Trigger %lu: tdata1=0x%" PRIx64 " tdata2=0x%" PRIx64 " (see 'info triggers')\n",
                   n, r1, r2);
    return true;
}

/* info triggers on a machine of several harts: which harts hold which
 * trigger, as the triggers are per hart. */
void trigger_harts_summary(mon_t *M)
{
    machine_t *m = M->m;
    unsigned most = 0;
    for (unsigned i = 0; i < m->nharts; i++)
        if (m->harts[i]->dbg && m->harts[i]->dbg->ntrig > most)
            most = m->harts[i]->dbg->ntrig;
    bool any = false;
    for (unsigned t = 0; t < most; t++) {
        char harts[256] = "";
        uint64_t d1 = 0, d2 = 0;
        bool same = true, first = true;
        for (unsigned i = 0; i < m->nharts; i++) {
            hart_t *h = m->harts[i];
            if (!h->dbg || t >= h->dbg->ntrig)
                continue;
            const trigger_t *tr = &h->dbg->trig[t];
            unsigned type = tdata1_type(h, tr->tdata1);
            if (type == TT_DISABLED || type == 0)
                continue;
            if (!first && (type != tdata1_type(h, d1) || tr->tdata2 != d2))
                same = false;  /* tdata1's hit bits may differ: not compared */
            d1 = tr->tdata1;
            d2 = tr->tdata2;
            snprintf(harts + strlen(harts), sizeof harts - strlen(harts), "%s%u", first ? "" : ",", h->hartid);
            first = false;
        }
        if (first)
            continue;
        if (!any)
            mon_printf(M, "Harts holding each trigger:\n");
        any = true;
        mon_printf(M, "  trigger %u: hart%s %s%s\n", t, strchr(harts, ',') ? "s" : "", harts,
                   same ? "" : " (addresses differ: see each hart's 'info triggers')");
    }
    if (!any)
        mon_printf(M, "No hart holds an enabled trigger.\n");
}
