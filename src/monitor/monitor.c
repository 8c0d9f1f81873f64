/* The monitor (SPEC §3): rvscope -m IMAGE stops at reset and reads
 * commands -- from -x FILE first, then from the terminal with GNU readline
 * (line editing, history), or from standard input when it is not a
 * terminal.
 *
 * Transcripts: when a command does not come from the terminal, the monitor
 * prints the prompt and the command itself before its output, so a piped
 * or scripted session reads like an interactive one and tests can compare
 * it line by line. Everything the monitor says goes to standard output (as
 * the guest's console does, in order); traces go to stderr or --trace-file. */
#include "mon.h"
#include "../dwarf/dwarf.h"
#include "../debug/spaces.h"
#include "../core/csr.h"
#include "../core/disasm.h"
#include "../core/mmu.h"
#include "../trace/trace.h"
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROMPT "(rvscope) "

void mon_printf(mon_t *M, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(M->out, fmt, ap);
    va_end(ap);
}

hart_t *mon_hart(mon_t *M) { return M->m->harts[M->cur]; }

/* ---- what expressions read -------------------------------------------- */



static bool env_reg(void *ctx, const char *name, uint64_t *val)
{
    env_ctx_t *c = ctx;
    hart_t *h = c->M->m->harts[c->hart];
    int g = expr_gpr_index(name);
    if (g >= 0) {
        *val = g ? h->x[g] : 0;
        return true;
    }
    if (!strcmp(name, "pc")) {
        *val = h->pc;
        return true;
    }
    if (!strcmp(name, "priv")) {
        *val = (uint64_t)h->priv;
        return true;
    }
    int f = expr_fpr_index(name);       /* the register's bits */
    if (f >= 0 && (h->isa & (1u << EXT_F))) {
        *val = h->f[f];
        return true;
    }
    if (!strcmp(name, "asid")) {
        *val = space_asid(h->xlen, h->satp);
        return true;
    }
    if (!strcmp(name, "space")) {           /* the number `space` lists, 0: unnamed */
        const dbg_space_t *sp = h->priv == PRIV_M ? NULL : dbg_space_of(h->m, h->satp);
        *val = sp ? (uint64_t)sp->id : 0;
        return true;
    }
    int csr = csr_by_name(name);
    return csr >= 0 && csr_debug_read(h, (unsigned)csr, val);
}

/* The debugger's translation for hart h (src/debug/spaces.h): the space
 * chosen with `space use`, else the hart's (identity in M mode), with the
 * kernel's as the fallback; no permission checks, no A/D. */
bool mon_v2p(hart_t *h, uint64_t va, uint64_t *pa)
{
    return dbg_space_v2p(h, va, pa, NULL);
}

void mon_access_error(mon_t *M, hart_t *h, uint64_t va)
{
    uint64_t satp = dbg_space_access_satp(h);
    char sp[64];
    if (mmu_satp_paged(h->xlen, satp))
        mon_printf(M, "Cannot access memory at address 0x%" PRIx64 ": not mapped in space %s.\n", va,
                   dbg_space_label(M->m, satp, sp, sizeof sp));
    else
        mon_printf(M, "Cannot access memory at address 0x%" PRIx64 ".\n", va);
}

bool mon_read_virt(hart_t *h, uint64_t va, void *buf, unsigned len)
{
    uint8_t *b = buf;
    for (unsigned i = 0; i < len;) {
        uint64_t a = va + i, pa;
        unsigned chunk = PAGE_SIZE - (unsigned)(a & (PAGE_SIZE - 1));
        if (chunk > len - i)
            chunk = len - i;
        if (!mon_v2p(h, a, &pa) || !machine_phys_read(h->m, pa, b + i, chunk))
            return false;
        i += chunk;
    }
    return true;
}

static bool env_mem(void *ctx, uint64_t addr, unsigned size, uint64_t *val)
{
    env_ctx_t *c = ctx;
    uint8_t b[8] = {0};
    if (!mon_read_virt(c->M->m->harts[c->hart], addr, b, size))
        return false;
    uint64_t v = 0;
    for (unsigned i = size; i-- > 0;)
        v = v << 8 | b[i];
    *val = v;
    return true;
}

static bool env_sym(void *ctx, const char *name, uint64_t *val)
{
    env_ctx_t *c = ctx;
    const symset_t *syms = mon_syms(c->M, c->M->m->harts[c->hart]);
    return syms && symset_lookup(syms, name, val);
}

expr_env_t mon_env(mon_t *M, unsigned hart)
{
    M->env_ctxs[hart] = (env_ctx_t){ M, hart };
    return (expr_env_t){ &M->env_ctxs[hart], M->m->xlen, env_reg, env_mem, env_sym,
                         M->m->harts[hart]->x };
}

bool mon_eval(mon_t *M, const char *text, uint64_t *val)
{
    expr_env_t env = mon_env(M, M->cur);
    expr_error_t err;
    expr_t *e = expr_parse(text, &env, &err);
    bool ok = e && expr_eval(e, &env, val, &err);
    expr_free(e);
    if (!ok)
        mon_expr_error(M, text, &err);
    return ok;
}

void mon_expr_error(mon_t *M, const char *text, const expr_error_t *err)
{
    int n = expr_error_render(NULL, 0, text, err);
    char *buf = malloc((size_t)n + 1);
    if (!buf) {
        mon_printf(M, "%s\n", err->msg);
        return;
    }
    expr_error_render(buf, (size_t)n + 1, text, err);
    mon_printf(M, "%s", buf);
    free(buf);
}

void mon_fmt_value(mon_t *M, uint64_t v, char *buf, size_t n)
{
    (void)M;
    snprintf(buf, n, "0x%" PRIx64 " (%" PRIu64 ")", v, v);
}

const char *mon_sym(mon_t *M, uint64_t addr, char *buf, size_t n)
{
    return sym_format(mon_syms(M, mon_hart(M)), addr, buf, n);
}

void mon_fmt_insn(mon_t *M, hart_t *h, uint64_t pc, char *buf, size_t n)
{
    char sym[128];
    mon_sym(M, pc, sym, sizeof sym);
    uint8_t b[4] = {0};
    if (!mon_read_virt(h, pc, b, 2)) {
        snprintf(buf, n, "0x%" PRIx64 "%s%s:  <cannot read memory>", pc, *sym ? " " : "", sym);
        return;
    }
    uint32_t raw = b[0] | (uint32_t)b[1] << 8;
    bool wide = (raw & 3) == 3;
    if (wide) {
        if (!mon_read_virt(h, pc + 2, b + 2, 2)) {
            snprintf(buf, n, "0x%" PRIx64 "%s%s:  <cannot read memory>", pc, *sym ? " " : "", sym);
            return;
        }
        raw |= (uint32_t)(b[2] | b[3] << 8) << 16;
    }
    char d[96];
    disasm(h->xlen, pc, raw, d, sizeof d);
    if (wide)
        snprintf(buf, n, "0x%" PRIx64 "%s%s:  %08x  %s", pc, *sym ? " " : "", sym, raw, d);
    else
        snprintf(buf, n, "0x%" PRIx64 "%s%s:  %04x      %s", pc, *sym ? " " : "", sym, raw, d);
}

bool mon_disas(mon_t *M, hart_t *h, uint64_t addr, uint64_t n)
{
    uint64_t mask = M->m->xlen == 32 ? 0xffffffffull : ~0ull;
    for (uint64_t i = 0; i < n; i++) {
        char buf[256];
        uint8_t b[2];
        mon_fmt_insn(M, h, addr, buf, sizeof buf);
        mon_printf(M, "%s %s\n", addr == h->pc ? "=>" : "  ", buf);
        if (!mon_read_virt(h, addr, b, 2))
            return false;
        addr = (addr + ((b[0] & 3) == 3 ? 4 : 2)) & mask;
    }
    return true;
}

void mon_show_location(mon_t *M, hart_t *h)
{
    char buf[256];
    mon_fmt_insn(M, h, h->pc, buf, sizeof buf);
    if (M->m->nharts > 1)
        mon_printf(M, "[hart %u] => %s\n", h->hartid, buf);
    else
        mon_printf(M, "=> %s\n", buf);
}

/* ---- hooks ------------------------------------------------------------ */

/* After any change to watchpoints, policies or traces: subscribe to
 * exactly what something needs, so an idle monitor costs nothing. */
void mon_rearm(mon_t *M)
{
    machine_t *m = M->m;
    trace_t *t = trace_of(m);
    bool hook = watch_needs_hook(M);
    /* The ring is nearly free once the checked loop runs anyway; it also
     * names the instruction that changed a watched value. */
    t->ring = M->ring_always || M->stepping || hook || t->itrace || t->ftrace;
    /* The ring only for the watches: compiled code may keep just the
     * instructions that wrote a watched register ('set itrace-ring on'
     * asks for every instruction). */
    t->ring_sparse_ok = !M->ring_always && !M->stepping;
    watch_sync_dbg(M, hook);
    /* Stores matter to the coarse policy and to precise watches that read
     * memory; a register-only precise watch lets them run fast. */
    dbg_client_t *c = &M->client;
    c->hook_fast_stores = M->precise && !M->wsum_mem;
    /* The precise policy only needs the instructions that write a register a
     * watch reads (or stores, for memory reads); everything else: always. */
    uint64_t mask = 0;
    bool every = !M->precise || M->stepping;
    for (unsigned i = 0; i < MAX_HARTS; i++) {
        mask |= M->wsum[i].gprs;
        every |= M->wsum[i].every;
    }
    c->hook_mask = !hook ? 0 : every ? ~0ull : mask | (M->wsum_mem ? HOOK_STORES : 0);
    trace_apply(m);             /* re-arms the harts for both clients */
}

/* ---- the REPL --------------------------------------------------------- */

static bool run_line(mon_t *M, char *line, bool echo)
{
    /* strip the newline and trailing blanks */
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || isspace((unsigned char)line[n - 1])))
        line[--n] = '\0';
    char *p = line;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '#')
        return true;
    if (echo) {
        mon_printf(M, PROMPT "%s\n", p);
        fflush(M->out);
    }
    if (!*p)
        return true;
    bool ok = mon_exec(M, p);
    fflush(M->out);
    return ok;
}

static bool run_script(mon_t *M, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "rvscope: cannot open script %s: %s\n", path, strerror(errno));
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    while (!M->quit && getline(&line, &cap, f) >= 0)
        run_line(M, line, true);
    free(line);
    fclose(f);
    return true;
}

static void run_stdin(mon_t *M)
{
    char *line = NULL;
    size_t cap = 0;
    while (!M->quit && getline(&line, &cap, stdin) >= 0)
        run_line(M, line, true);
    free(line);
}

static void run_tty(mon_t *M)
{
    char *last = NULL;
    mon_completion_init(M);
    while (!M->quit) {
        char *line = readline(PROMPT);
        if (!line) {            /* Ctrl-D */
            mon_printf(M, "q\n");
            break;
        }
        char *p = line;
        while (isspace((unsigned char)*p))
            p++;
        if (*p) {
            add_history(p);
            free(last);
            last = strdup(p);
            run_line(M, p, false);
        } else if (last && (!strncmp(last, "si", 2) || !strcmp(last, "c"))) {
            /* As GDB: an empty line repeats a step or continue. */
            char *again = strdup(last);
            run_line(M, again, false);
            free(again);
        }
        free(line);
    }
    free(last);
}

static mon_t *mon_new(session_t *s, FILE *out)
{
    mon_t *M = calloc(1, sizeof *M);
    if (!M)
        return NULL;
    M->s = s;
    M->m = s->m;
    M->out = out;
    M->next_num = 1;
    M->precise = true;
    M->goal_bp = M->goal_bp2 = -1;
    M->step_exec = true;
    M->client = (dbg_client_t){ .name = "monitor", .ctx = M, .after_insn = watch_insn_hook };
    dbg_client_add(s->m, &M->client);
    trace_of(s->m)->syms = s->syms;
    return M;
}

/* GDB's `monitor CMD` (src/gdb/monitor.c): the same commands on the same
 * state, except those that run the guest or end the session, which belong
 * to GDB (continue, stepi, kill/detach). */
void monitor_command(session_t *s, const char *line, FILE *out, unsigned hart)
{
    if (!s->mon && !(s->mon = mon_new(s, out)))
        return;
    mon_t *M = s->mon;
    M->out = out;
    if (hart < s->m->nharts)
        M->cur = hart;          /* GDB's selected thread */
    char *copy = strdup(line);
    if (!copy)
        return;
    char *p = copy;
    while (isspace((unsigned char)*p))
        p++;
    size_t n = strcspn(p, " \t");
    /* what runs the guest or ends the session is GDB's to do */
    static const char *gdb_owned[] = { "c", "continue", "si", "stepi", "q", "quit", "next", "n",
                                       "step", "s", "finish", "until", "u" };
    bool owned = false;
    for (size_t i = 0; i < sizeof gdb_owned / sizeof gdb_owned[0]; i++)
        if (n == strlen(gdb_owned[i]) && !strncmp(p, gdb_owned[i], n))
            owned = true;
    if (owned)
        fprintf(out, "'%.*s' belongs to GDB here: use GDB's continue, stepi, next, step, finish, "
                "until or kill.\n", (int)n, p);
    else if (*p)
        mon_exec(M, p);
    free(copy);
    fflush(out);
    /* out is GDB's reply buffer, closed after this command: what the
     * monitor says while GDB runs the guest (an error in a breakpoint's
     * condition) goes to rvscope's stderr. */
    M->out = stderr;
}

bool monitor_stepie(session_t *s)
{
    return s->mon && s->mon->stepie;
}

bool monitor_stop_silent(session_t *s, int why)
{
    return s->mon && mon_stop_silent(s->mon, why);
}

void monitor_stop_report(session_t *s, char *buf, size_t n)
{
    mon_t *M = s->mon;
    buf[0] = 0;
    if (!M || !M->nchanged)
        return;
    FILE *out = fmemopen(buf, n, "w");
    if (!out)
        return;
    FILE *old = M->out;
    M->out = out;
    watch_report_changes(M);
    M->out = old;
    fclose(out);
}

bool monitor_stop_text(session_t *s, const dbg_stop_t *si, char *buf, size_t n)
{
    mon_t *M = s->mon;
    buf[0] = 0;
    if (!M)
        return false;
    mbreak_t *b = si->kind == DS_BREAKPOINT ? break_by_dbg_id(M, si->id) : NULL;
    if (si->kind == DS_BREAKPOINT && !b)
        return false;
    FILE *out = fmemopen(buf, n, "w");
    if (!out)
        return false;
    FILE *old = M->out;
    M->out = out;
    bool said = true;
    if (b) {
        char sym[128], sfx[96];
        mon_sym(M, si->pc, sym, sizeof sym);
        mon_printf(M, "Breakpoint %d, 0x%" PRIx64 "%s%s%s\n", b->num, si->pc, *sym ? " " : "", sym,
                   space_stop_suffix(M, M->m->harts[si->hart], sfx, sizeof sfx));
    } else {
        said = si->kind == DS_WATCHPOINT && catch_report_phys(M, si);
    }
    M->out = old;
    fclose(out);
    return said;
}

void mon_free(mon_t *M)
{
    if (!M)
        return;
    break_free_all(M);
    watch_free_all(M);
    catch_free_all(M);
    mon_syms_free(M);
    dbg_client_remove(M->m, &M->client);
    dinfo_close(M->dinfo);
    free(M);
}

int monitor_main(session_t *s)
{
    mon_t *M = mon_new(s, stdout);
    if (!M)
        return 1;
    M->interactive = isatty(STDIN_FILENO);
    mon_signals_init(M);
    mon_rearm(M);
    if (M->interactive) {
        char sym[128];
        hart_t *h = mon_hart(M);
        mon_sym(M, h->pc, sym, sizeof sym);
        mon_printf(M, "rvscope monitor: %s (RV%d, %u hart%s), stopped at 0x%" PRIx64 "%s%s.\n"
                   "Type 'help' for the commands, 'c' to run, 'q' to quit.\n",
                   s->image_path, s->m->xlen, s->m->nharts, s->m->nharts > 1 ? "s" : "", h->pc,
                   *sym ? " " : "", sym);
    }
    /* A missing script is bad input: exit 2 as the CLI does, run nothing. */
    if (s->script && !run_script(M, s->script)) {
        mon_free(M);
        return 2;
    }
    if (!M->quit) {
        if (M->interactive)
            run_tty(M);
        else
            run_stdin(M);
    }
    fflush(stdout);
    int status = M->exited ? M->exit_code : M->stop_status;
    mon_free(M);
    return status;
}

/* Ctrl-A c in a plain run (main.c): the monitor on the stopped guest, as
 * QEMU's monitor escape; 'c' gives the terminal back to the guest. The
 * monitor's state (breakpoints, watchpoints, displays) lives in s->mon for
 * the rest of the run, so a breakpoint set here stops the plain run and
 * comes back here. */
int monitor_escape(session_t *s, int why)
{
    bool first = !s->mon;
    if (first && !(s->mon = mon_new(s, stdout)))
        return 1;
    mon_t *M = s->mon;
    M->out = stdout;
    M->escape = true;
    M->quit = M->resume = false;
    M->interactive = isatty(STDIN_FILENO);
    if (first)
        mon_signals_init(M);
    if (why != STOP_INTERRUPT && mon_stop_silent(M, why))
        return -1;     /* a false condition, an unchanged watched value */
    if (why == STOP_INTERRUPT) {
        char sym[128];
        hart_t *h = mon_hart(M);
        mon_sym(M, h->pc, sym, sizeof sym);
        mon_printf(M, "\nrvscope monitor (Ctrl-A c): the guest is stopped at 0x%" PRIx64 "%s%s; "
                   "'c' resumes it, 'q' quits.\n", h->pc, *sym ? " " : "", sym);
    } else {
        mon_report(M, why);
    }
    mon_rearm(M);
    if (M->interactive)
        run_tty(M);
    else
        run_stdin(M);
    fflush(stdout);
    if (M->resume) {
        mon_rearm(M);
        return -1;
    }
    int status = M->exited ? M->exit_code : M->stop_status;
    mon_free(M);
    s->mon = NULL;
    return status;
}
