/* Run control: c and si, the stop report, and Ctrl-C.
 *
 * The machine runs until something stops it; stops the user does not need
 * to see (a breakpoint whose condition is false, a store to a watched byte
 * that left the value unchanged) resume at once. Every other stop is
 * reported in one place, report_stop, with the location that runs next. */
#include "mon.h"
#include "srcexpr.h"
#include "../os/osdesc.h"
#include "../trace/trace.h"
#include "../core/trap.h"
#include <inttypes.h>
#include <readline/readline.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* The machine being run, for the SIGINT handler (a signal handler can
 * reach nothing else; one monitor owns the terminal). */
static machine_t *volatile running;
static volatile sig_atomic_t interrupted;
static bool interactive;

/* Ctrl-C: stop the guest if it runs; at the prompt, drop the line. */
static void on_sigint(int sig)
{
    (void)sig;
    machine_t *m = running;
    if (m) {
        interrupted = 1;
        machine_request_stop(m, STOP_INTERRUPT);
        return;
    }
    /* Readline calls this from its own signal handling, outside the
     * async context, after cleaning up the terminal. */
    if (RL_ISSTATE(RL_STATE_READCMD)) {
        if (write(STDOUT_FILENO, "\n", 1) < 0) {}
        rl_replace_line("", 0);
        rl_on_new_line();
        rl_redisplay();
        return;
    }
    /* Commands from a script or a pipe: Ctrl-C ends rvscope as usual. */
    if (!interactive) {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
}

void mon_signals_init(mon_t *M)
{
    interactive = M->interactive;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, NULL);
}

static bool max_insns_reached(machine_t *m)
{
    return m->insn_limit && m->insns_total >= m->insn_limit;
}

/* A stop the user does not see: true = resume. */
bool mon_stop_silent(mon_t *M, int why)
{
    if (why != STOP_DEBUG)
        return false;
    dbg_stop_t s = dbg_stop_of(M->m, why);
    if (s.kind == DS_BREAKPOINT && M->goal_bp >= 0 && (s.id == M->goal_bp || s.id == M->goal_bp2)) {
        /* finish/next/until: a deeper recursive call passing by resumes */
        if (s.id == M->goal_bp && M->m->harts[s.hart]->x[2] < M->goal_sp)
            return true;
        M->cur = s.hart;
        return false;
    }
    if (s.kind == DS_BREAKPOINT) {
        mbreak_t *b = break_by_dbg_id(M, s.id);
        if (b && !break_hit(M, b))
            return true;
        if (b)
            M->cur = s.hart;
        return false;
    }
    if (s.kind == DS_WATCHPOINT && watch_on_dbg_stop(M, &s))
        return M->nchanged == 0;
    return false;
}

static void report_stop(mon_t *M, int why, bool step, bool step_done)
{
    machine_t *m = M->m;
    hart_t *h = mon_hart(M);
    dbg_stop_t stop = dbg_stop_of(m, why);
    const dbg_stop_t *si = &stop;
    char text[320];
    dbg_stop_describe(m, si, text, sizeof text);
    /* Trigger actions 8/9 and debug mode say what happened in a line. */
    bool has_line = si->kind == DS_TRIGGER || si->kind == DS_DEBUG_MODE;
    M->stop_status = why == STOP_LIMIT && !(step && step_done) ? 124 : why == STOP_DEADLOCK ? 125
                   : why == STOP_STUCK ? 126 : 0;
    if (why == STOP_DEBUG && si->kind == DS_CATCH) {
        const mcatch_t *c = catch_by_dbg_id(M, si->id);
        char what[400];
        /* "catchpoint N (...)": the monitor's number, not the debugger's id */
        const char *rest = strchr(text, '(');
        snprintf(what, sizeof what, "Catchpoint %d %s", c ? c->num : si->id, rest ? rest : text);
        char sfx[96];
        const char *sys = si->catch_kind == CATCH_SYSCALL ?
                          osdesc_syscall_name(M->s->os, m->harts[si->hart]->x[17]) : NULL;
        mon_printf(M, "\n%s%s%s%s%s\n", what, sys ? " (" : "", sys ? sys : "", sys ? ")" : "",
                   space_stop_suffix(M, m->harts[si->hart], sfx, sizeof sfx));
        M->cur = si->hart;
        mon_show_location(M, mon_hart(M));
        return;
    }
    switch (why) {
    case STOP_LIMIT:
        if (step && step_done) {
            if (M->step_show)
                mon_show_location(M, h);
            return;
        }
        mon_printf(M, "Stopped: --max-insns %" PRIu64 " reached.\n", m->insn_limit);
        mon_show_location(M, h);
        return;
    case STOP_EXIT:
        M->exited = true;
        M->exit_code = m->exit_code;
        mon_printf(M, "The guest exited with status %d.\n", m->exit_code);
        return;
    case STOP_INTERRUPT:
        mon_printf(M, "\nInterrupted.\n");
        mon_show_location(M, h);
        return;
    case STOP_DEADLOCK:
        mon_printf(M, "Stopped: every hart executes wfi with no interrupt enabled that could wake "
                   "it; the guest can never continue.\n");
        break;
    case STOP_STUCK:
        mon_printf(M, "Stopped: %s\n", text);
        break;
    case STOP_HALTED:
        mon_printf(M, "Every hart is halted; nothing runs.\n");
        return;
    case STOP_DEBUG:
        if (si->kind == DS_BREAKPOINT && M->goal_bp >= 0 && (si->id == M->goal_bp || si->id == M->goal_bp2)) {
            M->goal_hit = true;  /* the command that set it reports */
            return;
        }
        if (si->kind == DS_BREAKPOINT) {
            mbreak_t *b = break_by_dbg_id(M, si->id);
            char sym[128], where[600] = "";
            const char *f;
            int l;
            mon_sym(M, si->pc, sym, sizeof sym);
            if (break_where(M, b, si->pc, &f, &l))
                snprintf(where, sizeof where, " at %s:%d", f, l);
            if (m->nharts > 1)
                mon_printf(M, "\n[hart %u] ", si->hart);
            else
                mon_printf(M, "\n");
            mon_printf(M, "Breakpoint %d, 0x%" PRIx64 "%s%s%s\n", b ? b->num : si->id, si->pc,
                       *sym ? " " : "", sym, where);
            mon_show_location(M, m->harts[si->hart]);
            return;
        }
        if (si->kind == DS_WATCHPOINT && catch_report_phys(M, si))
            return;
        if (M->nchanged) {
            watch_report_changes(M);
            if (!has_line) {
                mon_show_location(M, h);
                return;
            }
        }
        if (has_line) {                 /* a trigger's action 8/9, debug mode */
            mon_printf(M, "Stopped: %s\n", text);
            if (si->kind == DS_DEBUG_MODE)
                M->cur = si->hart;
            mon_show_location(M, mon_hart(M));
            return;
        }
        mon_printf(M, "Stopped: %s.\n", text);
        mon_show_location(M, h);
        return;
    default:
        mon_printf(M, "Stopped (reason %d).\n", why);
        mon_show_location(M, h);
        return;
    }
    /* An error stop: show how the guest got here. */
    trace_t *t = trace_of(m);
    unsigned nring = itrace_ring_count(m);
    if (nring && t->ring_sparse_ok && m->jit) {
        mon_printf(M, "Last %u instructions that wrote a watched register (oldest first; "
                   "'set itrace-ring on' keeps every instruction):\n", nring);
        fflush(M->out);
        itrace_ring_dump(M->out, m);
    } else if (nring) {
        mon_printf(M, "Last %u instructions (oldest first):\n", nring);
        fflush(M->out);
        itrace_ring_dump(M->out, m);
    } else if (!t->ring) {
        mon_printf(M, "(no instruction history: 'set itrace-ring on' keeps the last %d "
                   "instructions during 'c')\n", ITRACE_RING);
    }
    mon_show_location(M, h);
}

static void run(mon_t *M, bool step, uint64_t n)
{
    machine_t *m = M->m;
    if (M->exited) {
        mon_printf(M, "The guest has exited (status %d); nothing to run. 'q' quits.\n", M->exit_code);
        return;
    }
    if (step && n == 0)
        return;
    M->stepping = step;
    mon_rearm(M);
    /* The ring keeps its history across stops while it records; a run
     * without it would leave a hole, so it starts afresh then. */
    if (!trace_of(m)->ring)
        itrace_ring_clear(m);
    watch_begin_run(M);
    hart_t *h = mon_hart(M);
    uint64_t left = n;
    int why;
    interrupted = 0;
    running = m;
    for (;;) {
        dbg_stop_clear(m);
        /* The monitor stops and resumes every hart together. */
        for (unsigned i = 0; i < m->nharts; i++)
            dbg_resume_hart(m, i);
        if (interrupted) {
            why = STOP_INTERRUPT;
            break;
        }
        if (step) {
            uint64_t before = hart_cycles(h);
            why = machine_step(m, M->cur, left, M->stepie);
            uint64_t done = hart_cycles(h) - before + m->step_irqs;   /* + handler entries */
            left = done >= left ? 0 : left - done;
        } else {
            why = machine_run(m);
        }
        if (mon_stop_silent(M, why)) {
            if (step && left == 0) {
                why = STOP_LIMIT;
                break;
            }
            continue;
        }
        break;
    }
    running = NULL;
    fflush(m->out);
    /* Changes seen by the hook during a stop for another reason still count. */
    M->last_step_done = step && why == STOP_LIMIT && left == 0 && !max_insns_reached(m);
    report_stop(M, why, step, M->last_step_done);
    if (M->ndisp && !M->exited && !M->src_busy)
        src_show_displays(M);
    if (M->nchanged && !(why == STOP_DEBUG))
        watch_report_changes(M);
    M->stepping = false;
    mon_rearm(M);
    fflush(M->out);
}

void mon_continue(mon_t *M) { run(M, false, 0); }

void mon_report(mon_t *M, int why)
{
    report_stop(M, why, false, false);
    if (M->nchanged && why != STOP_DEBUG)
        watch_report_changes(M);
    fflush(M->out);
}
void mon_step(mon_t *M, uint64_t n) { run(M, true, n); }
