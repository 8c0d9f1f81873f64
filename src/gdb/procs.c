/* The guest's processes as GDB threads (with --osdesc): thread ids from
 * GDB_PROC_TID + pid, beside the harts (1..N). A process that is not on a
 * hart shows the registers its kernel saved when it was switched out (the
 * OS description's context), so GDB's `bt` on it walks its kernel stack;
 * memory reads go through the kernel's space (src/debug/spaces.h). A
 * running process is its hart's thread. */
#include "gdb.h"
#include "../os/osdesc.h"
#include <stdio.h>
#include <stdlib.h>

static bool live(gdb_t *g, int pid, os_proc_t *p)
{
    osdesc_t *d = g->s->os;
    return d && osdesc_proc_by_pid(d, g->m, pid, p) && p->state != d->running_state;
}

bool gdb_proc_tid(gdb_t *g, long tid, int *pid)
{
    os_proc_t p;
    if (tid < GDB_PROC_TID || !live(g, (int)(tid - GDB_PROC_TID), &p))
        return false;
    *pid = p.pid;
    return true;
}

void gdb_proc_list(gdb_t *g, rsp_buf_t *out)
{
    osdesc_t *d = g->s->os;
    os_proc_t *p = malloc(256 * sizeof *p);
    if (!p)
        abort();
    unsigned n = d ? osdesc_procs(d, g->m, p, 256) : 0;
    for (unsigned i = 0; i < n; i++)
        if (p[i].state != d->running_state)
            rsp_buf_printf(out, ",%lx", (long)GDB_PROC_TID + p[i].pid);
    free(p);
}

bool gdb_proc_extra(gdb_t *g, int pid, char *text, size_t n)
{
    os_proc_t p;
    if (!live(g, pid, &p))
        return false;
    snprintf(text, n, "pid %d %s, %s", p.pid, p.name, p.state_name);
    return true;
}

bool gdb_proc_reg(gdb_t *g, int pid, unsigned regnum, uint64_t *val)
{
    os_proc_t p;
    if (!live(g, pid, &p))
        return false;
    if (regnum < 32 && ((p.have_regs >> regnum) & 1)) {
        *val = p.regs[regnum];
        return true;
    }
    if (regnum == GDB_REG_PC && ((p.have_regs >> 1) & 1)) {
        *val = p.regs[1];           /* swtch returns to ra */
        return true;
    }
    if (regnum == GDB_REG_PRIV) {
        *val = PRIV_S;
        return true;
    }
    return false;
}
