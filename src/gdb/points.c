/* Z/z: GDB's breakpoints and watchpoints live in the emulator (debugger.h), not
 * in guest memory and not in the guest's triggers: unlimited, invisible to
 * the guest, and free on pages they do not touch. Software (Z0) and
 * hardware (Z1) breakpoints are the same thing here; the type only decides
 * whether the stop says swbreak or hwbreak. */
#include "gdb.h"
#include <stdlib.h>

const gdb_point_t *gdb_point_by_id(const gdb_t *g, int id)
{
    for (unsigned i = 0; i < g->npts; i++)
        if (g->pts[i].id == id)
            return &g->pts[i];
    return NULL;
}

static int find(const gdb_t *g, int type, uint64_t addr, uint64_t len)
{
    for (unsigned i = 0; i < g->npts; i++) {
        const gdb_point_t *p = &g->pts[i];
        /* A breakpoint is one per address whatever its kind (2 or 4). */
        if (p->type == type && p->addr == addr && (type <= Z_HW || p->len == len))
            return (int)i;
    }
    return -1;
}

static void remove_at(gdb_t *g, unsigned i)
{
    gdb_point_t *p = &g->pts[i];
    if (p->type <= Z_HW)
        dbg_bp_remove(g->m, p->id);
    else
        dbg_wp_remove(g->m, p->id);
    g->pts[i] = g->pts[--g->npts];
}

void gdb_points_clear(gdb_t *g)
{
    while (g->npts)
        remove_at(g, g->npts - 1);
}

void gdb_cmd_Z(gdb_t *g, const char *arg, bool insert)
{
    uint64_t type, addr, len;
    /* "TYPE,ADDR,KIND" with optional ";cond..." (we advertise no
     * conditions, so GDB sends none; anything after ';' is ignored). */
    if (!rsp_parse_hex(&arg, &type) || *arg++ != ',' || !rsp_parse_hex(&arg, &addr) ||
        *arg++ != ',' || !rsp_parse_hex(&arg, &len) || (*arg && *arg != ';')) {
        gdb_reply(g, "E01");
        return;
    }
    if (type > Z_ACCESS) {
        gdb_reply(g, "");                 /* unsupported type */
        return;
    }
    if (g->m->xlen == 32 && addr > 0xffffffffu) {
        gdb_reply(g, "E01");
        return;
    }
    int t = (int)type;
    if (t >= Z_WRITE && (len == 0 || len > (1u << 30))) {
        gdb_reply(g, "E01");
        return;
    }
    int at = find(g, t, addr, len);
    if (!insert) {
        if (at >= 0)
            remove_at(g, (unsigned)at);
        gdb_reply(g, "OK");               /* removing what is not there is fine */
        return;
    }
    if (at >= 0) {                        /* inserting twice is inserting once */
        gdb_reply(g, "OK");
        return;
    }
    int id;
    if (t <= Z_HW)
        id = dbg_bp_insert(g->m, addr, &BP_SCOPE_ANY, OWNER_GDB);
    else
        id = dbg_wp_insert(g->m, addr, len,
                           t == Z_WRITE ? WP_WRITE : t == Z_READ ? WP_READ : WP_ACCESS,
                           false, OWNER_GDB);
    if (id < 0) {
        gdb_reply(g, "E0c");              /* ENOMEM */
        return;
    }
    if (g->npts == g->cappts) {
        unsigned cap = g->cappts ? g->cappts * 2 : 16;
        gdb_point_t *p = realloc(g->pts, cap * sizeof *p);
        if (!p)
            abort();
        g->pts = p;
        g->cappts = cap;
    }
    g->pts[g->npts++] = (gdb_point_t){ .type = t, .addr = addr, .len = len, .id = id };
    gdb_reply(g, "OK");
}
