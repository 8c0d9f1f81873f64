/* GDB's non-stop mode (`set non-stop on`; QNonStop:1): each hart is a
 * thread that stops and resumes on its own. A hart that hits a breakpoint,
 * a watchpoint or a trigger, or enters debug mode, halts (RUN_HALTED or
 * RUN_DEBUG) while the others keep running; GDB hears of it through a
 * %Stop notification and collects further stops with vStopped.
 *
 * The machine runs in this thread between packets: the poller wakes the
 * run at the end of a round as soon as GDB sends anything (any byte, not
 * only 0x03), the packet is answered with the machine still, and the run
 * goes on where the round left off, so GDB's traffic does not shift guest
 * time. Stops wait in a queue (one per hart at most) until GDB has taken
 * them, as the protocol asks: one notification outstanding at a time. */
#include "gdb.h"
#include <stdio.h>
#include <string.h>

static void queue(gdb_t *g, const char *reply)
{
    if (g->ns_len == GDB_NS_QUEUE)
        return;                     /* one entry per hart and the exit: cannot fill */
    snprintf(g->ns_queue[g->ns_len++], sizeof g->ns_queue[0], "%s", reply);
}

/* Send the head of the queue as a notification unless one is out. */
static void notify(gdb_t *g)
{
    if (g->ns_outstanding || !g->ns_len)
        return;
    char pkt[sizeof g->ns_queue[0] + 8];
    snprintf(pkt, sizeof pkt, "Stop:%s", g->ns_queue[0]);
    gdb_send_notification(g, pkt);
    g->ns_outstanding = true;
}

static void drop_head(gdb_t *g)
{
    if (!g->ns_len)
        return;
    memmove(g->ns_queue[0], g->ns_queue[1], (size_t)(g->ns_len - 1) * sizeof g->ns_queue[0]);
    g->ns_len--;
}

void gdb_ns_enable(gdb_t *g, bool on)
{
    machine_t *m = g->m;
    g->non_stop = on;
    g->ns_len = 0;
    g->ns_outstanding = false;
    /* The machine is stopped now: in non-stop terms every hart is halted;
     * in all-stop terms each resume says again which harts run. */
    for (unsigned i = 0; i < m->nharts; i++) {
        if (on)
            dbg_halt_hart(m, i);
        else if (m->harts[i]->run_state == RUN_HALTED)
            m->harts[i]->run_state = RUN_RUNNING;
    }
}

/* vStopped: GDB took the head; the next stop, or OK when none is left. */
void gdb_ns_vstopped(gdb_t *g)
{
    if (g->ns_outstanding)
        drop_head(g);
    if (g->ns_len) {
        gdb_reply(g, g->ns_queue[0]);
    } else {
        g->ns_outstanding = false;
        gdb_reply(g, "OK");
    }
}

/* '?' in non-stop mode: the stopped hart GDB should look at, or OK when
 * every hart runs. GDB 13 takes only one initially stopped thread: with
 * more, its vStopped handling trips an assertion in remote.c
 * (remote_target::wait, "!async_event_handler_marked"). So on connecting
 * in non-stop mode one hart stays stopped (the one that stopped last) and
 * the others run, as GDB then shows them; `interrupt -a` stops them. */
void gdb_ns_status(gdb_t *g)
{
    machine_t *m = g->m;
    g->ns_len = 0;
    int first = -1;
    for (unsigned i = 0; i < m->nharts; i++)
        if (m->harts[i]->run_state != RUN_RUNNING && (first < 0 || i == g->last_hart))
            first = (int)i;
    if (first < 0) {
        g->ns_outstanding = false;
        gdb_reply(g, "OK");
        return;
    }
    for (unsigned i = 0; i < m->nharts; i++)
        if ((int)i != first && m->harts[i]->run_state == RUN_HALTED)
            gdb_resume_hart(g, i);
    char r[sizeof g->stop_reply];
    if ((unsigned)first == g->last_hart && g->stop_reply[0] == 'T')
        snprintf(r, sizeof r, "%s", g->stop_reply);
    else
        snprintf(r, sizeof r, "T05thread:%x;", first + 1);
    queue(g, r);
    g->ns_outstanding = true;
    gdb_reply(g, g->ns_queue[0]);
}

/* A hart stopped (its reply is in g->stop_reply): keep it halted and
 * tell GDB. */
static void hart_stopped(gdb_t *g, unsigned hart)
{
    dbg_halt_hart(g->m, hart);
    queue(g, g->stop_reply);
}

/* vCont in non-stop mode: c/C resume, s/S step, t stops; each thread
 * takes the leftmost action that names it (or names all threads). */
enum gdb_action gdb_ns_vcont(gdb_t *g, const gdb_vcont_t *v)
{
    machine_t *m = g->m;
    bool done[MAX_HARTS] = {0};
    gdb_reply(g, "OK");
    for (unsigned k = 0; k < v->n; k++) {
        const gdb_vcont_action_t *a = &v->a[k];
        for (unsigned i = 0; i < m->nharts; i++) {
            if (done[i] || (a->hart >= 0 && (unsigned)a->hart != i))
                continue;
            done[i] = true;
            hart_t *h = m->harts[i];
            if (a->op == 't') {
                if (h->run_state == RUN_RUNNING) {
                    dbg_halt_hart(m, i);
                    char r[32];
                    snprintf(r, sizeof r, "T00thread:%x;", i + 1);
                    queue(g, r);
                }
            } else if (a->op == 'c') {
                gdb_resume_hart(g, i);
            } else {                        /* a single step of this hart alone */
                gdb_resume_hart(g, i);
                dbg_stop_clear(m);
                int why = machine_step(m, i, 1, monitor_stepie(g->s));
                if (why == STOP_EXIT || (why == STOP_LIMIT && m->insn_limit &&
                                         m->insns_total >= m->insn_limit)) {
                    gdb_ns_stop(g, why);
                    return GA_EXIT;
                }
                gdb_describe_stop(g, why, (int)i);
                hart_stopped(g, i);
            }
        }
    }
    notify(g);
    return GA_NONE;
}

enum gdb_action gdb_ns_stop(gdb_t *g, int why)
{
    machine_t *m = g->m;
    enum gdb_action a = gdb_describe_stop(g, why, -1);
    if (a == GA_EXIT) {
        queue(g, g->stop_reply);     /* W or X: the process is gone */
        g->ns_outstanding = false;
        notify(g);
        return GA_EXIT;
    }
    switch (why) {
    case STOP_INTERRUPT:             /* GDB sent something: answer it */
    case STOP_HALTED:
    case STOP_NONE:
        break;
    case STOP_DEADLOCK:
        /* Nothing can wake the running harts: they stop, all of them. */
        for (unsigned i = 0; i < m->nharts; i++)
            if (m->harts[i]->run_state == RUN_RUNNING) {
                snprintf(g->stop_reply, sizeof g->stop_reply, "T05thread:%x;", i + 1);
                hart_stopped(g, i);
            }
        break;
    default:
        hart_stopped(g, g->last_hart);
        break;
    }
    notify(g);
    return GA_NONE;
}
