/* The guest's processes as GDB threads (with --osdesc): thread ids from
 * GDB_PROC_TID + pid, beside the harts (1..N). A process on a hart is
 * that hart under another name: its registers are the hart's, and a stop
 * on the hart is reported as the process's thread, so GDB's
 * `break FUNC thread N` (which GDB checks itself, on the thread a stop
 * reports) fires only in that process. A process that is not on a hart
 * shows the registers its kernel saved when it was switched out (the OS
 * description's context), so GDB's `bt` on it walks its kernel stack;
 * memory reads go through the kernel's space (src/debug/spaces.h).
 * Non-stop mode keeps to hart threads. */
#include "gdb.h"
#include "../os/osdesc.h"
#include <stdio.h>
#include <stdlib.h>

/* A live process; one in the running state whose hart is unknown has no
 * registers to show (its saved context is stale) and is left out. */
static bool live(gdb_t *g, int pid, os_proc_t *p)
{
    osdesc_t *d = g->s->os;
    return d && osdesc_proc_by_pid(d, g->m, pid, p) && (p->hart >= 0 || p->state != d->running_state);
}

bool gdb_proc_thread(gdb_t *g, long tid, int *pid, int *hart)
{
    os_proc_t p;
    if (tid < GDB_PROC_TID || !live(g, (int)(tid - GDB_PROC_TID), &p))
        return false;
    *pid = p.pid;
    *hart = p.hart;
    return true;
}

bool gdb_proc_tid(gdb_t *g, long tid, int *pid)
{
    int hart;
    return gdb_proc_thread(g, tid, pid, &hart) && hart < 0;
}

long gdb_thread_id(gdb_t *g, unsigned hart)
{
    os_proc_t p;
    if (g->s->os && !g->non_stop && osdesc_proc_on_hart(g->s->os, g->m, hart, &p))
        return GDB_PROC_TID + p.pid;
    return (long)hart + 1;
}

void gdb_proc_list(gdb_t *g, rsp_buf_t *out)
{
    osdesc_t *d = g->s->os;
    if (!d || g->non_stop)
        return;
    os_proc_t *p = malloc(256 * sizeof *p);
    if (!p)
        abort();
    unsigned n = osdesc_procs(d, g->m, p, 256);
    for (unsigned i = 0; i < n; i++)
        if (p[i].hart >= 0 || p[i].state != d->running_state)
            rsp_buf_printf(out, ",%lx", (long)GDB_PROC_TID + p[i].pid);
    free(p);
}

bool gdb_proc_extra(gdb_t *g, int pid, char *text, size_t n)
{
    os_proc_t p;
    if (!live(g, pid, &p))
        return false;
    if (p.hart >= 0)
        snprintf(text, n, "pid %d %s, %s on hart %d", p.pid, p.name, p.state_name, p.hart);
    else
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
