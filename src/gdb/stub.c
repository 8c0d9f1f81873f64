/* The GDB stub: `rvscope --gdb [HOST:]PORT | unix:PATH | stdio IMAGE`.
 *
 * Run control. GDB's continue is machine_run, exactly as without GDB: the
 * stub adds nothing to the interpreter loop. A second thread (the poller,
 * transport.c) waits in poll() on the connection meanwhile and raises a
 * flag on a 0x03 byte; the stub's device poll hook, which the run loop
 * calls once per round, turns the flag into a stop. So a break-in stops
 * the machine between two rounds, where a plain run also passes with the
 * same state and time, and the guest cannot tell it was interrupted:
 * between two GDB commands it executes the same instructions in the same
 * order as a plain run. Breakpoints, watchpoints and steps stop where
 * they must, inside a round. stepi steps the selected hart alone, with
 * interrupts held off, while the others stay where they are
 * (machine_step); continue always resumes every hart.
 *
 * Lifecycle. rvscope waits for GDB before the first instruction
 * (--no-gdb-wait: the guest runs meanwhile). When GDB detaches or the
 * connection drops, GDB's breakpoints and watchpoints go away and the
 * guest runs on while the stub waits for the next GDB, which stops it on
 * connecting; --gdb-once and stdio exit instead. The guest's exit ends
 * rvscope with the guest's status (GDB sees W), as does GDB's kill (0).
 *
 * With --jtag as well (docs/jtag.md, "With --gdb") OpenOCD shares the
 * machine: the session's gdb_extra hook has the stub serve its socket
 * whenever it waits, and debug mode is OpenOCD's (run_beside_dm). */
#include "gdb.h"
#include "../core/trap.h"
#include "../debug/debug.h"
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SIG_INT = 2, SIG_ILL = 4, SIG_TRAP = 5, SIG_BUS = 7, SIG_SEGV = 11, SIG_XCPU = 24 };

hart_t *gdb_hart(gdb_t *g, unsigned i)
{
    return g->m->harts[i < g->m->nharts ? i : 0];
}

/* ---- output ---- */

static bool send_conn(void *ctx, const void *p, size_t n)
{
    return gdb_conn_write(((gdb_t *)ctx)->conn, p, n);
}

/* Output collects in g->tx and leaves in one write per exchange (an ack
 * and its reply together), flushed before the machine runs. */
static void send_raw(gdb_t *g, const void *p, size_t n)
{
    rsp_buf_add(&g->tx, p, n);
}

static void flush(gdb_t *g)
{
    if (g->tx.len && g->send)
        g->send(g->send_ctx, g->tx.data, g->tx.len);
    rsp_buf_clear(&g->tx);
}

void gdb_send_packet(gdb_t *g, const char *p, size_t n)
{
    rsp_frame(&g->frame, p, n);
    rsp_buf_clear(&g->last_sent);
    rsp_buf_add(&g->last_sent, g->frame.data, g->frame.len);
    send_raw(g, g->frame.data, g->frame.len);
}

void gdb_send_notification(gdb_t *g, const char *p)
{
    /* Framed like a packet with '%' for '$'; never acknowledged, so never
     * sent again. */
    rsp_frame(&g->frame, p, strlen(p));
    g->frame.data[0] = '%';
    send_raw(g, g->frame.data, g->frame.len);
}

void gdb_reply(gdb_t *g, const char *s)
{
    gdb_send_packet(g, s, strlen(s));
}

void gdb_reply_out(gdb_t *g)
{
    gdb_send_packet(g, g->out.data ? g->out.data : "", g->out.len);
}

void gdb_console(gdb_t *g, const char *text, size_t n)
{
    const size_t chunk = RSP_PACKET_SIZE / 2 - 8;
    rsp_buf_t b = {0};
    for (size_t off = 0; off < n; off += chunk) {
        rsp_buf_clear(&b);
        rsp_buf_str(&b, "O");
        rsp_buf_hex(&b, text + off, n - off < chunk ? n - off : chunk);
        gdb_send_packet(g, b.data, b.len);
    }
    rsp_buf_free(&b);
}

/* ---- input ---- */

static enum gdb_action input(gdb_t *g, uint8_t c)
{
    switch (rsp_feed(&g->fr, c)) {
    case RSP_PACKET:
        if (!g->noack)
            send_raw(g, "+", 1);
        return gdb_dispatch(g, g->fr.buf, g->fr.len);
    case RSP_BAD_CSUM:
        if (!g->noack) {
            send_raw(g, "-", 1);           /* GDB sends it again */
            return GA_NONE;
        }
        /* Without acks there is no retransmission: the transport is
         * reliable, so trust the packet as GDB does in this mode. */
        return gdb_dispatch(g, g->fr.buf, g->fr.len);
    case RSP_OVERSIZED:
        if (!g->noack)
            send_raw(g, "+", 1);
        gdb_reply(g, "E01");
        return GA_NONE;
    case RSP_NAK:
        if (g->last_sent.len)
            send_raw(g, g->last_sent.data, g->last_sent.len);
        return GA_NONE;
    default:                               /* acks; 0x03 while stopped */
        return GA_NONE;
    }
}

enum gdb_action gdb_input(gdb_t *g, uint8_t c)
{
    enum gdb_action a = input(g, c);
    flush(g);
    return a;
}

/* ---- stops ---- */

/* Signal for a hart stuck in a trap loop, from its trap cause. */
/* The signal for a stuck hart: that of the fault that started the chain
 * (an illegal instruction is SIGILL though its handler then faulted). */
static int stuck_signal(const dbg_stop_t *si)
{
    unsigned cause = si->has_first ? si->first_cause : si->cause;
    switch (cause) {
    case EXC_ILLEGAL: return SIG_ILL;
    case 0: case 4: case 6: return SIG_BUS;           /* misaligned */
    case 1: case 5: case 7: case 12: case 13: case 15: return SIG_SEGV;
    default: return SIG_TRAP;
    }
}

/* The reason part of a stop reply for a debugger stop record: GDB learns
 * which of its watchpoints or breakpoints fired (watch:ADDR, swbreak:).
 * Only for its own: GDB 13 resumes silently after a watch: it cannot
 * match to a watchpoint of its own, so the stops of guest triggers and of
 * the monitor's watches are plain SIGTRAP stops, with the trigger's line
 * or the monitor's report (old and new value) on GDB's console. */
static void stop_reason(gdb_t *g, const dbg_stop_t *si, char *extra, size_t n)
{
    const gdb_point_t *pt = gdb_point_by_id(g, si->id);
    extra[0] = 0;
    if (si->kind == DS_BREAKPOINT) {
        if (pt && pt->type == Z_SW && g->gdb_swbreak)
            snprintf(extra, n, "swbreak:;");
        else if (pt && pt->type == Z_HW && g->gdb_hwbreak)
            snprintf(extra, n, "hwbreak:;");
    } else if (si->kind == DS_WATCHPOINT && pt && pt->type >= Z_WRITE) {
        /* GDB matches the address against the watched range. */
        uint64_t a = si->addr;
        if (a < pt->addr || a >= pt->addr + pt->len)
            a = pt->addr;
        snprintf(extra, n, "%s:%" PRIx64 ";", pt->type == Z_WRITE ? "watch" :
                 pt->type == Z_READ ? "rwatch" : "awatch", a);
        g->swallow_step = true;
        g->swallow_hart = si->hart;
        g->swallow_pc = gdb_hart(g, si->hart)->pc;
    }
}

/* Turn the machine's stop reason into g->stop_reply and the stub's notion
 * of where each hart stands. step_hart: the hart a step ran, or -1. */
enum gdb_action gdb_describe_stop(gdb_t *g, int why, int step_hart)
{
    machine_t *m = g->m;
    char *msg = g->stop_msg;
    const size_t msgsize = sizeof g->stop_msg;
    msg[0] = 0;
    unsigned hart = step_hart >= 0 ? (unsigned)step_hart : g->last_hart;
    int sig = SIG_TRAP;
    char extra[96] = "";
    dbg_stop_t si = dbg_stop_of(m, why);
    char text[320];
    dbg_stop_describe(m, &si, text, sizeof text);

    switch (why) {
    case STOP_EXIT:
        snprintf(g->stop_reply, sizeof g->stop_reply, "W%02x", m->exit_code & 0xff);
        g->exit_status = m->exit_code;
        return GA_EXIT;
    case STOP_LIMIT:
        if (si.kind == DS_LIMIT) {
            snprintf(msg, msgsize, "rvscope: stopped after %" PRIu64
                     " instructions (--max-insns)\n", m->insn_limit);
            snprintf(g->stop_reply, sizeof g->stop_reply, "X%02x", SIG_XCPU);
            g->exit_status = 124;
            return GA_EXIT;
        }
        break;
    case STOP_INTERRUPT:
        sig = SIG_INT;
        break;
    case STOP_DEADLOCK:
        snprintf(msg, msgsize, "rvscope: every hart waits in wfi with no interrupt "
                 "that could wake it; the guest cannot continue by itself\n");
        break;
    case STOP_STUCK:
        hart = si.hart < m->nharts ? si.hart : hart;
        sig = stuck_signal(&si);
        snprintf(msg, msgsize, "rvscope: %s\n", text);
        break;
    case STOP_DEBUG:
        if (si.kind != DS_NONE && si.hart < m->nharts)
            hart = si.hart;
        stop_reason(g, &si, extra, sizeof extra);
        if ((si.kind == DS_BREAKPOINT || si.kind == DS_WATCHPOINT) && !gdb_point_by_id(g, si.id) &&
            monitor_stop_text(g->s, &si, msg, msgsize))
            ;                       /* the monitor's own breakpoint, physical watchpoint */
        else if (si.kind == DS_HOOK || (si.kind == DS_WATCHPOINT && !gdb_point_by_id(g, si.id)))
            monitor_stop_report(g->s, msg, msgsize);
        else if (si.kind == DS_DEBUG_MODE || si.kind == DS_CATCH)
            snprintf(msg, msgsize, "rvscope: %s\n", text);
        else if (si.kind == DS_TRIGGER)
            snprintf(msg, msgsize, "rvscope: stopped: %s\n", text);
        break;
    default:
        break;
    }
    snprintf(g->stop_reply, sizeof g->stop_reply, "T%02xthread:%lx;%s", sig, gdb_thread_id(g, hart), extra);
    g->last_kind = si.kind;
    g->last_hart = hart;
    /* In all-stop mode GDB takes the stopped thread as the selected one
     * (no Hg follows); in non-stop mode its selection stays as it was. */
    if (!g->non_stop) {
        g->g_hart = g->c_hart = hart;
        g->g_proc = 0;
    }
    g->last_pc = gdb_hart(g, hart)->pc;
    return GA_NONE;
}

/* The stub's device: no registers, only the per-round poll hook. */
static bool dev_poll(void *opaque)
{
    gdb_t *g = opaque;
    if (g->break_req && !g->m->stop)
        machine_request_stop(g->m, STOP_INTERRUPT);
    return false;                          /* raises no interrupts */
}

static void add_device(gdb_t *g)
{
    device_t d = { .name = "gdb", .base = 0, .size = 0, .opaque = g, .poll = dev_poll };
    machine_add_device(g->m, &d);
}

/* With a Debug Module (--jtag), a hart in debug mode is OpenOCD's: GDB's
 * resumes leave it halted, and it runs again when OpenOCD resumes it. */
static bool dm_holds(gdb_t *g, unsigned hart)
{
    return g->s && g->s->debug_module && gdb_hart(g, hart)->run_state == RUN_DEBUG;
}

void gdb_resume_hart(gdb_t *g, unsigned hart)
{
    if (!dm_holds(g, hart))
        dbg_resume_hart(g->m, hart);
}

/* machine_run, as GDB sees it with a Debug Module beside it: a hart's
 * entry into debug mode (OpenOCD's halt request, an ebreak with
 * dcsr.ebreakm, dcsr.step, a trigger with action 1) is OpenOCD's stop, not
 * GDB's, so the others run on; when no hart can run, wait for OpenOCD to
 * resume one, or for GDB's break-in (the poller's flag), without spinning. */
static int run_beside_dm(gdb_t *g, gdb_poller_t *p)
{
    machine_t *m = g->m;
    for (;;) {
        int why = machine_run(m);
        if (!g->s || !g->s->debug_module)
            return why;
        if (why == STOP_DEBUG && dbg_stop_of(m, why).kind == DS_DEBUG_MODE) {
            dbg_stop_clear(m);
            continue;
        }
        if (why != STOP_HALTED || !p)
            return why;
        while (!machine_any_running(m))
            if (gdb_poller_wait(p, g->s->gdb_extra))
                return STOP_INTERRUPT;
    }
}

/* Run the machine, or step one hart, with the poller watching conn (or,
 * with no GDB attached, listen_fd). In non-stop mode any byte from GDB
 * ends the run at the end of the round, so the packet is answered. */
static int run_polled(gdb_t *g, bool step, unsigned hart, gdb_conn_t *conn, int listen_fd)
{
    machine_t *m = g->m;
    uint64_t user_limit = m->insn_limit;
    if (g->max_run) {
        uint64_t cap = m->insns_total + g->max_run;
        if (!user_limit || cap < user_limit)
            m->insn_limit = cap;
    }
    dbg_stop_clear(m);                     /* tells a fresh record from an old one */
    g->break_req = 0;
    /* A break-in already read (it came with the vCont;c, in the same TCP
     * read): the poller only sees new bytes, so stop now, before running.
     * (Non-stop mode has consumed its buffered bytes before a run.) */
    if (!step && !g->non_stop && gdb_conn_take_break(conn)) {
        m->insn_limit = user_limit;
        return STOP_INTERRUPT;
    }
    gdb_poller_t *p = !step && (conn || listen_fd >= 0)
                      ? gdb_poller_start(conn, listen_fd, &g->break_req, g->non_stop) : NULL;
    if (step)
        gdb_resume_hart(g, hart);
    int why = step ? machine_step(m, hart, 1, monitor_stepie(g->s)) : run_beside_dm(g, p);
    gdb_poller_stop(p);
    g->break_req = 0;
    m->insn_limit = user_limit;
    return why;
}

static int run(gdb_t *g, bool step, unsigned hart)
{
    return run_polled(g, step, hart, g->conn, -1);
}

enum gdb_action gdb_resume(gdb_t *g, const gdb_resume_t *r)
{
    machine_t *m = g->m;
    bool swallow = g->swallow_step;
    g->swallow_step = false;
    if (r->hart >= m->nharts) {
        gdb_reply(g, "E01");
        return GA_NONE;
    }
    flush(g);                              /* GDB waits for the ack of vCont */
    int why = STOP_NONE;
    int step_hart = r->step ? (int)r->hart : -1;
    hart_t *eh = gdb_hart(g, g->last_hart);
    if (r->step && swallow && r->hart == g->swallow_hart && gdb_hart(g, r->hart)->pc == g->swallow_pc) {
        /* GDB's step over a watchpoint it thinks has not written yet. */
        why = STOP_LIMIT;
    } else if (r->sig == SIG_TRAP && g->last_kind == DS_EBREAK && eh->pc == g->last_pc &&
               (!r->step || r->hart == g->last_hart)) {
        /* GDB passes the SIGTRAP of a guest ebreak on: the guest takes its
         * breakpoint exception, as it would without GDB. That is the step,
         * or the first instruction of the continue. */
        g->client.owns_ebreak = false;
        dbg_rearm(m);
        why = run(g, true, g->last_hart);
        g->client.owns_ebreak = true;
        dbg_rearm(m);
        if (!r->step && why == STOP_LIMIT)
            why = STOP_NONE;
        else
            step_hart = (int)g->last_hart;
    }
    if (why == STOP_NONE && r->step && dm_holds(g, r->hart)) {
        /* OpenOCD has this hart: it does not step until OpenOCD resumes it. */
        snprintf(g->stop_msg, sizeof g->stop_msg, "rvscope: hart %u is halted by the Debug Module "
                 "(OpenOCD); it steps once OpenOCD resumes it\n", r->hart);
        gdb_console(g, g->stop_msg, strlen(g->stop_msg));
        why = STOP_HALTED;
    }
    if (why == STOP_NONE && !r->step) {
        /* The harts this continue names run (all, or one when GDB locks the
         * scheduler); the others hold still. */
        for (unsigned i = 0; i < m->nharts; i++) {
            if ((r->cont >> i) & 1)
                gdb_resume_hart(g, i);
            else
                dbg_halt_hart(m, i);
        }
    }
    if (why == STOP_NONE)
        why = run(g, r->step, r->hart);
    /* The monitor's conditional breakpoints and watches (`monitor b`, `w`)
     * decide their stops as in the monitor. */
    while (!r->step && why == STOP_DEBUG && monitor_stop_silent(g->s, why)) {
        /* past the breakpoint it stopped at, or it stops there forever */
        dbg_stop_t si = dbg_stop_of(m, why);
        if (si.kind == DS_BREAKPOINT && si.hart < m->nharts)
            gdb_resume_hart(g, si.hart);
        dbg_stop_clear(m);
        why = run(g, false, r->hart);
    }
    if (g->conn && g->conn->eof && why != STOP_EXIT)
        return GA_DISCONNECT;              /* GDB went away while we ran */
    enum gdb_action a = gdb_describe_stop(g, why, step_hart);
    if (g->stop_msg[0])
        gdb_console(g, g->stop_msg, strlen(g->stop_msg));
    gdb_reply(g, g->stop_reply);
    return a;
}

/* Non-stop mode, while some hart runs: run until GDB sends something or
 * a hart stops. */
static enum gdb_action run_nonstop(gdb_t *g)
{
    int why = run(g, false, 0);
    if (g->conn && g->conn->eof && why != STOP_EXIT)
        return GA_DISCONNECT;
    if (why == STOP_DEBUG && monitor_stop_silent(g->s, why))
        return GA_NONE;
    enum gdb_action a = gdb_ns_stop(g, why);
    flush(g);
    return a;
}

/* ---- sessions ---- */

gdb_t *gdb_new(session_t *s)
{
    gdb_t *g = calloc(1, sizeof *g);
    if (!g)
        abort();
    g->s = s;
    g->m = s->m;
    g->client = (dbg_client_t){ .name = "gdb", .ctx = g };
    rsp_framer_reset(&g->fr);
    snprintf(g->stop_reply, sizeof g->stop_reply, "T%02xthread:1;", SIG_TRAP);
    return g;
}

void gdb_free(gdb_t *g)
{
    if (!g)
        return;
    gdb_points_clear(g);
    rsp_buf_free(&g->out);
    rsp_buf_free(&g->frame);
    rsp_buf_free(&g->last_sent);
    rsp_buf_free(&g->tx);
    free(g->pts);
    free(g->xml);
    free(g);
}

void gdb_session_begin(gdb_t *g)
{
    rsp_framer_reset(&g->fr);
    rsp_buf_clear(&g->last_sent);
    rsp_buf_clear(&g->tx);
    g->noack = false;
    g->gdb_swbreak = g->gdb_hwbreak = false;
    g->g_hart = g->c_hart = g->last_hart;
    g->g_proc = 0;
    g->swallow_step = false;
    g->list_pos = 0;
    /* A guest ebreak reports SIGTRAP to GDB instead of trapping. */
    g->client.owns_ebreak = true;
    dbg_client_add(g->m, &g->client);
}

void gdb_session_end(gdb_t *g)
{
    /* Without GDB every hart runs again (a plain run after detaching). */
    gdb_ns_enable(g, false);
    for (unsigned i = 0; i < g->m->nharts; i++)
        gdb_resume_hart(g, i);
    gdb_points_clear(g);
    dbg_client_remove(g->m, &g->client);
    g->swallow_step = false;
}

static enum gdb_action serve(gdb_t *g)
{
    for (;;) {
        if (g->non_stop && machine_any_running(g->m)) {
            /* Answer what GDB has sent, then let the harts run on. */
            while (gdb_conn_pending(g->conn)) {
                enum gdb_action a = gdb_input(g, (uint8_t)gdb_conn_getc(g->conn));
                if (a != GA_NONE)
                    return a;
            }
            if (!g->non_stop || !machine_any_running(g->m))
                continue;
            enum gdb_action a = run_nonstop(g);
            if (a != GA_NONE)
                return a;
            continue;
        }
        /* Non-stop: a hart OpenOCD resumes may be one GDB thinks runs. */
        g->conn->wake_on_extra = g->non_stop;
        int c = gdb_conn_getc(g->conn);
        if (c == GDB_CONN_WOKEN)
            continue;
        if (c < 0)
            return GA_DISCONNECT;
        enum gdb_action a = gdb_input(g, (uint8_t)c);
        if (a != GA_NONE)
            return a;
    }
}

/* No GDB attached: the guest runs until a GDB connects or it stops. */
static int free_run(gdb_t *g, gdb_listener_t *l)
{
    return run_polled(g, false, 0, NULL, l->fd);
}

int gdb_main(session_t *s)
{
    machine_t *m = s->m;
    gdb_listener_t l;
    char err[256];
    if (!gdb_listen(s->gdb_addr ? s->gdb_addr : "1234", &l, err, sizeof err)) {
        fprintf(stderr, "rvscope: %s\n", err);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);              /* a vanished GDB is an error return */
    l.extra = s->gdb_extra;
    gdb_t *g = gdb_new(s);
    g->send = send_conn;
    g->send_ctx = g;
    add_device(g);
    if (l.stdio) {
        /* stdout carries the protocol: the guest's console goes to stderr,
         * and Ctrl-C reaches us as 0x03 from GDB, not as SIGINT. */
        m->out = stderr;
        signal(SIGINT, SIG_IGN);
    } else {
        fprintf(stderr, "rvscope: GDB stub listening on %s%s\n", l.desc,
                s->gdb_wait ? "; the guest waits for GDB" : "; the guest runs");
    }
    bool running = !s->gdb_wait && !l.stdio;
    int status = 0;
    for (;;) {
        if (running) {
            int why = free_run(g, &l);
            if (why != STOP_INTERRUPT) {
                enum gdb_action a = gdb_describe_stop(g, why, -1);
                if (g->stop_msg[0])
                    fputs(g->stop_msg, stderr);
                if (a == GA_EXIT) {
                    status = g->exit_status;
                    break;
                }
                if (!g->stop_msg[0])
                    fprintf(stderr, "rvscope: the guest stopped (%s); waiting for GDB on %s\n",
                            g->stop_reply, l.desc);
            } else {
                /* A GDB is connecting: it finds the machine stopped here. */
                snprintf(g->stop_reply, sizeof g->stop_reply, "T%02xthread:%lx;", SIG_TRAP,
                         gdb_thread_id(g, g->last_hart));
                g->last_kind = DS_NONE;
            }
            running = false;
        }
        gdb_conn_t *c = gdb_accept(&l);
        if (!c) {
            fprintf(stderr, "rvscope: cannot accept a GDB connection on %s\n", l.desc);
            status = 1;
            break;
        }
        g->conn = c;
        gdb_session_begin(g);
        enum gdb_action a = serve(g);
        gdb_session_end(g);
        gdb_conn_close(c);
        g->conn = NULL;
        if (a == GA_EXIT) {
            status = g->exit_status;
            break;
        }
        if (a == GA_KILL || l.stdio || s->gdb_once) {
            status = 0;
            break;
        }
        fprintf(stderr, "rvscope: GDB %s; the guest runs on; waiting for GDB on %s\n",
                a == GA_DETACH ? "detached" : "disconnected", l.desc);
        running = true;
    }
    fflush(m->out);
    gdb_listener_close(&l);
    gdb_free(g);
    return status;
}
