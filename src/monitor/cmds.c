/* The monitor's commands: one table (name, alias, usage, help, handler). A
 * command that cannot make sense of its arguments prints its usage. */
#include "mon.h"
#include "srcexpr.h"
#include "../core/csr.h"
#include "../debug/debug.h"
#include "../trace/trace.h"
#include <ctype.h>
#include <errno.h>
#include <readline/readline.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

typedef struct cmd {
    const char *name, *alias;
    bool (*fn)(mon_t *M, char *args);
    const char *usage, *summary, *help;
} cmd_t;

static const cmd_t *find_cmd(const char *name);

void mon_usage(mon_t *M, const char *name)
{
    const cmd_t *c = find_cmd(name);
    if (c)
        mon_printf(M, "Usage: %s\n", c->usage);
}

char *mon_skip_ws(char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    return p;
}

char *mon_next_word(char **p)
{
    char *s = mon_skip_ws(*p), *e = s;
    while (*e && !isspace((unsigned char)*e))
        e++;
    if (*e)
        *e++ = '\0';
    *p = mon_skip_ws(e);
    return s;
}

static bool parse_on_off(const char *s, bool *v)
{
    if (!strcmp(s, "on") || !strcmp(s, "1")) {
        *v = true;
        return true;
    }
    if (!strcmp(s, "off") || !strcmp(s, "0")) {
        *v = false;
        return true;
    }
    return false;
}

static uint64_t xmask(mon_t *M) { return M->m->xlen == 32 ? 0xffffffffull : ~0ull; }

/* ---- running ---------------------------------------------------------- */

static bool cmd_continue(mon_t *M, char *args)
{
    if (*args) {
        mon_usage(M, "c");
        return false;
    }
    if (M->escape && !M->exited) {     /* Ctrl-A c's monitor: back to the console */
        M->resume = M->quit = true;
        return true;
    }
    mon_continue(M);
    return true;
}

/* As NEMU, si of fewer than STEP_EXEC_MAX instructions shows each one it
 * executes (set step-exec off: quiet); more would flood the terminal. */
#define STEP_EXEC_MAX 10

static bool cmd_step(mon_t *M, char *args)
{
    uint64_t n = 1;
    if (*args && !mon_eval(M, args, &n))
        return false;
    if (!M->step_exec || n >= STEP_EXEC_MAX || M->exited) {
        mon_step(M, n);
        return true;
    }
    for (uint64_t i = 0; i < n; i++) {
        char buf[256];
        hart_t *h = mon_hart(M);
        mon_fmt_insn(M, h, h->pc, buf, sizeof buf);
        mon_step(M, 1);
        /* With stepie, the step may have entered an interrupt handler
         * instead of executing the instruction (shown by the stop line). */
        if (M->m->step_irqs)
            mon_printf(M, "   interrupt taken (before %s); now at its handler, 0x%" PRIx64 "\n", buf,
                       mon_hart(M)->pc);
        else
            mon_printf(M, "   %s\n", buf);
        if (!M->last_step_done)
            break;
    }
    return true;
}

static bool cmd_quit(mon_t *M, char *args)
{
    (void)args;
    M->quit = true;
    return true;
}

/* ---- memory and expressions ------------------------------------------- */

/* x (virtual, through the current translation) and xp (physical). */
static bool examine(mon_t *M, char *args, bool phys)
{
    char *ntext = mon_next_word(&args);
    uint64_t n, addr;
    if (!*ntext || !*args) {
        mon_usage(M, phys ? "xp" : "x");
        return false;
    }
    if (!mon_eval(M, ntext, &n) || !mon_eval(M, args, &addr))
        return false;
    if (n == 0 || n > 65536) {
        mon_printf(M, "x: N must be 1..65536 words.\n");
        return false;
    }
    addr &= xmask(M);
    hart_t *h = mon_hart(M);
    for (uint64_t i = 0; i < n; i++) {
        uint64_t a = (addr + 4 * i) & xmask(M);
        if (i % 4 == 0) {
            char sym[128];
            mon_sym(M, a, sym, sizeof sym);
            mon_printf(M, "%s0x%0*" PRIx64 "%s%s:", i ? "\n" : "", M->m->xlen / 4, a, *sym ? " " : "", sym);
        }
        uint8_t b[4];
        if (phys ? !machine_phys_read(M->m, a, b, 4) : !mon_read_virt(h, a, b, 4)) {
            mon_printf(M, "\n");
            if (phys)
                mon_printf(M, "Cannot access memory at address 0x%" PRIx64 ".\n", a);
            else
                mon_access_error(M, h, a);
            return false;
        }
        mon_printf(M, "  0x%08" PRIx32, (uint32_t)(b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24));
    }
    mon_printf(M, "\n");
    return true;
}

/* x/NFU ADDR and x ADDR are GDB's; x N EXPR (two words) is sdb's. */
static bool cmd_x(mon_t *M, char *args)
{
    char *a = mon_skip_ws(args);
    bool two_words = *a && a[strcspn(a, " \t")] && *mon_skip_ws(a + strcspn(a, " \t"));
    if (*a == '/' || !two_words)
        return src_cmd_examine(M, args);
    return examine(M, args, false);
}
static bool cmd_xp(mon_t *M, char *args) { return examine(M, args, true); }

static bool cmd_watch(mon_t *M, char *args)
{
    char *rest = mon_skip_ws(args);
    if (!strncmp(rest, "phys", 4) && (rest[4] == ' ' || rest[4] == '\t'))
        return catch_phys_watch(M, rest + 4);
    watch_cmd(M, args);
    return true;
}

static bool cmd_break(mon_t *M, char *args)
{
    if (!*args) {
        mon_usage(M, "b");
        return false;
    }
    break_cmd(M, args);
    return true;
}

static bool delete_all(mon_t *M)
{
    if (M->interactive) {
        char *ans = readline("Delete all breakpoints, watchpoints and catchpoints? (y or n) ");
        bool yes = ans && (ans[0] == 'y' || ans[0] == 'Y');
        free(ans);
        if (!yes)
            return true;
    }
    while (M->nbp)
        break_delete(M, M->bps[0].num);
    while (M->nwp)
        watch_delete(M, M->wps[0].num);
    while (M->ncatch)
        catch_delete(M, M->catches[0].num);
    return true;
}

static bool cmd_delete(mon_t *M, char *args)
{
    if (!*args)
        return delete_all(M);
    bool ok = true;
    while (*args) {
        char *w = mon_next_word(&args), *end;
        errno = 0;
        long n = strtol(w, &end, 10);
        if (*end || errno || n <= 0) {
            mon_printf(M, "Bad breakpoint or watchpoint number '%s'.\n", w);
            ok = false;
            continue;
        }
        if (!break_delete(M, (int)n) && !watch_delete(M, (int)n) && !catch_delete(M, (int)n)) {
            mon_printf(M, "No breakpoint, watchpoint or catchpoint number %ld.\n", n);
            ok = false;
        }
    }
    return ok;
}

static bool cmd_disas(mon_t *M, char *args)
{
    hart_t *h = mon_hart(M);
    uint64_t addr = h->pc, n = 8;
    char *a = mon_next_word(&args), *c = mon_next_word(&args);
    if (*args) {
        mon_usage(M, "disas");
        return false;
    }
    if (*a && !mon_eval(M, a, &addr))
        return false;
    if (*c && !mon_eval(M, c, &n))
        return false;
    if (n == 0 || n > 4096) {
        mon_printf(M, "disas: N must be 1..4096.\n");
        return false;
    }
    return mon_disas(M, h, addr & xmask(M) & ~1ull, n);
}

/* ---- traces ----------------------------------------------------------- */

static bool cmd_trace(mon_t *M, char *args)
{
    char *kind = mon_next_word(&args), *sw = mon_next_word(&args);
    bool on;
    trace_t *t = trace_of(M->m);
    if (!*kind) {
        mon_printf(M, "itrace %s, ftrace %s, etrace %s, mtrace %s", t->itrace ? "on" : "off",
                   t->ftrace ? "on" : "off", t->etrace ? "on" : "off", t->mtrace ? "on" : "off");
        if (t->mtrace)
            mon_printf(M, " [0x%" PRIx64 ", 0x%" PRIx64 "]", t->mtrace_lo, t->mtrace_hi);
        mon_printf(M, "; itrace ring %s\n", M->ring_always ? "always" : "while stepping or watching");
        return true;
    }
    if (!parse_on_off(sw, &on) || (*args && strcmp(kind, "mtrace"))) {
        mon_usage(M, "trace");
        return false;
    }
    if (!strcmp(kind, "itrace")) {
        t->itrace = on;
    } else if (!strcmp(kind, "ftrace")) {
        if (on && !t->ftrace)
            ftrace_reset(t);
        t->ftrace = on;
    } else if (!strcmp(kind, "etrace")) {
        if (on && !t->etrace)
            etrace_reset(t);
        t->etrace = on;
    } else if (!strcmp(kind, "mtrace")) {
        uint64_t lo = 0, hi = xmask(M);
        if (on && *args) {
            char *a = mon_next_word(&args), *b = mon_next_word(&args);
            if (!*b || *args) {
                mon_printf(M, "Usage: trace mtrace on [START END]\n");
                return false;
            }
            if (!mon_eval(M, a, &lo) || !mon_eval(M, b, &hi))
                return false;
            if (hi < lo) {
                mon_printf(M, "trace mtrace: END 0x%" PRIx64 " is below START 0x%" PRIx64 ".\n", hi, lo);
                return false;
            }
        } else if (*args) {
            mon_usage(M, "trace");
            return false;
        }
        mtrace_reset(t);
        t->mtrace_lo = lo;
        t->mtrace_hi = hi;
        t->mtrace = on;
    } else {
        mon_usage(M, "trace");
        return false;
    }
    mon_rearm(M);
    return true;
}

/* ---- set -------------------------------------------------------------- */

/* The '=' of an assignment: not part of == != <= >=. */
static char *assign_eq(char *s)
{
    for (char *p = s; *p; p++)
        if (*p == '=' && p[1] != '=' && (p == s || !strchr("=!<>", p[-1])))
            return p;
    return NULL;
}

static void refresh_watches(mon_t *M);

static bool set_register(mon_t *M, char *lhs, uint64_t v)
{
    hart_t *h = mon_hart(M);
    const char *n = lhs + 1;
    int g = expr_gpr_index(n);
    v &= xmask(M);
    if (g >= 0) {
        if (g)
            h->x[g] = v;
        return true;
    }
    if (!strcmp(n, "pc")) {
        h->pc = v & ~1ull;
        return true;
    }
    if (!strcmp(n, "priv")) {
        if (v != PRIV_U && v != PRIV_S && v != PRIV_M) {
            mon_printf(M, "$priv must be 0 (U), 1 (S) or 3 (M).\n");
            return false;
        }
        h->priv = (int)v;
        hart_flush_tlb(h);
        return true;
    }
    int f = expr_fpr_index(n);
    if (f >= 0 && (h->isa & (1u << EXT_F))) {
        h->f[f] = v;
        return true;
    }
    int csr = csr_by_name(n);
    if (csr < 0) {
        mon_printf(M, "Invalid register '%s'.\n", lhs);
        return false;
    }
    if (!csr_debug_write(h, (unsigned)csr, v)) {
        mon_printf(M, "Cannot write CSR %s.\n", n);
        return false;
    }
    hart_flush_tlb(h);      /* satp, mstatus.MPRV/SUM/MXR may have changed */
    return true;
}

static bool set_assign(mon_t *M, char *args)
{
    char *eq = assign_eq(args);
    if (!eq) {
        mon_usage(M, "set");
        return false;
    }
    *eq = '\0';
    char *lhs = mon_skip_ws(args), *rhs = mon_skip_ws(eq + 1);
    char *e = lhs + strlen(lhs);
    while (e > lhs && isspace((unsigned char)e[-1]))
        *--e = '\0';
    uint64_t v;
    if (!*rhs || !*lhs) {
        mon_usage(M, "set");
        return false;
    }
    if (!mon_eval(M, rhs, &v))
        return false;
    bool ok;
    if (lhs[0] == '$') {
        ok = set_register(M, lhs, v);
    } else if (lhs[0] == '*') {
        uint64_t addr, pa;
        if (!mon_eval(M, lhs + 1, &addr))
            return false;
        hart_t *h = mon_hart(M);
        unsigned size = (unsigned)M->m->xlen / 8;
        uint8_t b[8];
        for (unsigned i = 0; i < size; i++)
            b[i] = (uint8_t)(v >> (8 * i));
        ok = true;
        for (unsigned i = 0; i < size && ok; i++)
            ok = mon_v2p(h, addr + i, &pa) && machine_phys_write(M->m, pa, b + i, 1);
        if (!ok)
            mon_printf(M, "Cannot access memory at address 0x%" PRIx64 ".\n", addr);
    } else {
        mon_usage(M, "set");
        return false;
    }
    if (ok)
        refresh_watches(M);
    return ok;
}

/* set var LVALUE = EXPR (and set LVALUE = EXPR for a program variable) */
static bool set_var(mon_t *M, char *args)
{
    char *eq = assign_eq(args);
    if (!eq) {
        mon_usage(M, "set");
        return false;
    }
    *eq = '\0';
    if (!src_cmd_set_var(M, args, eq + 1))
        return false;
    refresh_watches(M);
    return true;
}

static bool cmd_set(mon_t *M, char *args)
{
    char *s = mon_skip_ws(args);
    if (!strncmp(s, "var", 3) && isspace((unsigned char)s[3]))
        return set_var(M, s + 4);
    if ((*s == '$' || *s == '*') && !src_names_variable(M, s))
        return set_assign(M, s);
    if (assign_eq(s) && src_names_variable(M, s))
        return set_var(M, s);
    char *what = mon_next_word(&args), *val = mon_next_word(&args);
    bool on;
    if (*args || !*val) {
        mon_usage(M, "set");
        return false;
    }
    if (!strcmp(what, "watch-policy")) {
        if (!strcmp(val, "coarse"))
            M->precise = false;
        else if (!strcmp(val, "precise"))
            M->precise = true;
        else {
            mon_printf(M, "Usage: set watch-policy coarse|precise\n");
            return false;
        }
    } else if (!strcmp(what, "watch-log") && parse_on_off(val, &on)) {
        M->watch_log = on;
    } else if (!strcmp(what, "step-show") && parse_on_off(val, &on)) {
        M->step_show = on;
    } else if (!strcmp(what, "step-exec") && parse_on_off(val, &on)) {
        M->step_exec = on;
    } else if (!strcmp(what, "itrace-ring") && parse_on_off(val, &on)) {
        M->ring_always = on;
    } else if (!strcmp(what, "stepie") && parse_on_off(val, &on)) {
        M->stepie = on;
    } else {
        mon_usage(M, "set");
        return false;
    }
    mon_rearm(M);
    return true;
}

/* After the user changed registers or memory: take the new values as the
 * watches' current ones, so the change is not reported as the guest's. */
static void refresh_watches(mon_t *M)
{
    for (unsigned i = 0; i < M->nwp; i++)
        watch_evaluate(M, &M->wps[i]);
}

/* ---- harts and external trigger inputs -------------------------------- */

static bool cmd_hart(mon_t *M, char *args)
{
    if (!*args) {
        mon_printf(M, "Current hart: %u of %u.\n", M->cur, M->m->nharts);
        return true;
    }
    char *end;
    errno = 0;
    unsigned long n = strtoul(args, &end, 0);
    if (*end || errno || n >= M->m->nharts) {
        mon_printf(M, "No hart '%s' (harts are 0..%u).\n", args, M->m->nharts - 1);
        return false;
    }
    M->cur = (unsigned)n;
    mon_show_location(M, mon_hart(M));
    return true;
}

static bool cmd_exttrigger(mon_t *M, char *args)
{
    char *end;
    errno = 0;
    unsigned long n = strtoul(args, &end, 0);
    if (!*args || *end || errno || n > 15) {
        mon_usage(M, "exttrigger");
        return false;
    }
    machine_t *m = M->m;
    dbg_stop_clear(m);
    sdtrig_external_input(mon_hart(M), (unsigned)n);
    if (m->stop) {
        dbg_stop_t s = dbg_stop_of(m, m->stop);
        char text[320];
        dbg_stop_describe(m, &s, text, sizeof text);
        mon_printf(M, "Stopped: %s\n", text);
        m->stop = STOP_NONE;
    } else {
        mon_printf(M, "External trigger input %lu raised on hart %u.\n", n, M->cur);
    }
    return true;
}

/* ---- help ------------------------------------------------------------- */

static bool cmd_bt(mon_t *M, char *args) { return src_cmd_bt(M, args); }

static bool cmd_help(mon_t *M, char *args)
{
    mon_print_help(M, *args ? args : NULL);
    return true;
}

static const cmd_t cmds[] = {
    {"help", "h", cmd_help, "help [CMD]", "list the commands, or explain one",
     "List the commands, or show one command's usage and description."},
    {"c", "continue", cmd_continue, "c", "run until something stops the guest",
     "Run every hart until a breakpoint, a watchpoint, a trigger, Ctrl-C, an error or the\n"
     "guest's exit stops it."},
    {"si", "stepi", cmd_step, "si [N]", "execute N instructions (default 1)",
     "Execute N instructions (default 1) on the current hart, the others held. Fewer than\n"
     "10 are shown as they execute, as NEMU does ('set step-exec off': quiet); 'set\n"
     "step-show on' also prints the next instruction. A pending interrupt is not taken\n"
     "while stepping unless 'set stepie on' (as dcsr.stepie)."},
    {"q", "quit", cmd_quit, "q", "quit",
     "Quit; rvscope exits with the guest's status if it exited, else 0."},
    {"info", "i", cmd_info, "info r [REG...] | csr NAME | w | b | catch | mem [SATP] | triggers | tlb | itrace | jit | procs | space",
     "registers, CSRs, watchpoints, breakpoints, triggers, TLB, instruction ring, compiler",
     "r: GPRs, pc, privilege and the key CSRs (or just the named ones); csr: one CSR by\n"
     "name or number; w: watchpoints; b: breakpoints and watchpoints; triggers: every\n"
     "Sdtrig trigger's tdata1 decoded field by field, and tdata2; tlb: the software TLB;\n"
     "itrace: the last instructions executed (the instruction ring); jit: the block\n"
     "compiler's work so far and whether the current page runs compiled; catch: the\n"
     "catchpoints; mem [SATP]: the mapped ranges of the current (or that) page table;\n"
     "procs: the guest's processes (--osdesc); space: the current mode, address space,\n"
     "process and its program's ELF, in one line."},
    {"x", NULL, cmd_x, "x/NFU ADDR | x N EXPR", "examine memory",
     "x/NFU ADDR (GDB's): N units of size U (b h w g) from ADDR in format F (x d u o t c a,\n"
     "s a string, i instructions); F and U default to the last ones used. ADDR is a source\n"
     "expression: x/4xw &counter, x/s msg, x/3i $pc. x N EXPR (sdb's): N 32-bit words.\n"
     "Addresses go through the current address space (see 'space')."},
    {"xp", NULL, cmd_xp, "xp N EXPR", "examine N words of physical memory at EXPR",
     "Examine N 32-bit words of RAM from physical address EXPR (no translation), as\n"
     "QEMU's xp: what the kernel wrote into a user page, whatever maps it."},
    {"p", "print", src_cmd_print, "p[/x|d|u|o|t|c] EXPR", "evaluate an expression",
     "Evaluate EXPR and print it. Two languages in one:\n"
     "  source (from the program's DWARF, -g): variables -- the current function's locals\n"
     "    and arguments, then globals -- printed with their type as GDB prints them:\n"
     "    p counter, p &counter, p arr[3], p *proc, p proc->name, p grid[1][2],\n"
     "    p (struct proc *)$a0, p sizeof(struct proc); C's operators, pointer arithmetic.\n"
     "  sdb: numbers, $x0..$x31, ABI names, $pc, $priv, CSRs ($mstatus), ELF symbols\n"
     "    (their address), *ADDR (an XLEN-wide load when ADDR is not a pointer: *$sp,\n"
     "    *0x80000000, *counter), - ! ~ and C's binary operators; an untyped result is\n"
     "    printed in hex and decimal, unsigned XLEN arithmetic.\n"
     "/FMT prints in hex (x), signed (d) or unsigned (u) decimal, octal (o), binary (t), char (c)."},
    {"w", "watch", cmd_watch, "w EXPR | w phys [va] ADDR [LEN]", "stop when the value of EXPR changes",
     "Stop when the value of EXPR changes. It is a Constant, Memory, Register or\n"
     "Memory, Register watchpoint (a dereference makes it Memory, a register Register);\n"
     "'set watch-policy' decides after which instructions it is re-evaluated. A program\n"
     "variable, member or element (w counter, w p->state) is watched where it is now\n"
     "(as GDB's watch -l).\n"
     "'w phys ADDR [LEN]' stops after any write to physical bytes ADDR..ADDR+LEN-1, through\n"
     "whatever mapping (a kernel's copy into a user page too); 'w phys va ADDR [LEN]':\n"
     "the physical bytes behind virtual ADDR now. 'info catch' lists them."},
    {"space", NULL, space_cmd, "space [NAME [SATP] | -d NAME | use NAME|current]",
     "name address spaces; choose the one memory is read through",
     "An address space is a page table, known by its satp. 'space NAME [SATP]' names it\n"
     "(default: the current hart's satp); 'space' lists them (* = the current hart's);\n"
     "'space -d NAME' forgets one. 'space use NAME' makes x, disas, p, watches and GDB's\n"
     "memory accesses go through NAME's page table; 'space use current' (the default)\n"
     "through the hart's own, falling back to the space named 'kernel' for an address the\n"
     "current one does not map. Breakpoints take 'space NAME', 'priv u|s|m', 'hart N';\n"
     "'catch user NAME' stops at NAME's next instruction in U mode; $space is the number\n"
     "of the current space (0: unnamed), $asid satp's ASID."},
    {"d", "delete", cmd_delete, "d [N...]", "delete breakpoints, watchpoints or catchpoints",
     "Delete breakpoints, watchpoints or catchpoints by number; with no number, all of them\n"
     "(after a confirmation at a terminal)."},
    {"bt", "backtrace", cmd_bt, "bt [N]", "the call stack",
     "Show the call stack (N frames at most): each frame's pc, function, arguments and\n"
     "source line, unwound by the DWARF call frame information (or, without it, the frame\n"
     "pointer s0)."},
    {"finish", NULL, src_cmd_finish, "finish", "run until the current function returns",
     "Run until the current function returns to its caller, and print its return value."},
    {"next", "n", src_cmd_next, "next [N]", "run to the next source line, over calls",
     "Run to the start of the next source line of this function (N times), over calls."},
    {"step", "s", src_cmd_step, "step [N]", "run to the next source line, into calls",
     "Run to the next source line, entering a called function that has line information."},
    {"until", "u", src_cmd_until, "until [LOC]", "run until a line past this one, or LOC",
     "Without LOC: as next, but not back into a loop (stop only at a greater line). With\n"
     "LOC (*ADDR, FILE:LINE, FUNC): run until LOC or until the current function returns."},
    {"display", NULL, src_cmd_display, "display[/FMT] [EXPR]", "print EXPR at every stop",
     "Print EXPR (as p does) now and after every stop; without EXPR, print them all now."},
    {"undisplay", NULL, src_cmd_undisplay, "undisplay [N]", "stop displaying",
     "Remove display N, or every display."},
    {"catch", NULL, catch_cmd,
     "catch trap [CAUSE | irq N] | syscall [NR|NAME] | priv u|s|m | satp [SPACE] | user [SPACE]", "stop on an event",
     "Stop when an event happens (costs nothing between events):\n"
     "  trap [CAUSE | irq N]  a trap (any, exception CAUSE, or interrupt N), at the first\n"
     "                        instruction of its handler\n"
     "  syscall [NR|NAME]     an ecall (from U, S or M) with a7 = NR (any without NR; NAME\n"
     "                        from the OS description, --osdesc)\n"
     "  priv u|s|m            a change into that privilege mode (trap or xRET)\n"
     "  satp [SPACE]          a write to satp (an address-space switch; into SPACE)\n"
     "  user [SPACE]          the first instruction in U mode (of that named space)\n"
     "'info catch' lists them; 'd N' deletes one."},
    {"b", "break", cmd_break, "b *ADDR|FUNC|FILE:LINE|EXPR [space NAME] [priv u|s|m] [hart N] [if EXPR]",
     "set a breakpoint",
     "Stop before the instruction at that address: *ADDR is the address ADDR itself (as in\n"
     "GDB), FUNC where the function's body starts, past its prologue (as GDB; its first\n"
     "instruction without debug information), FILE:LINE a source line from the DWARF line\n"
     "table, EXPR any expression's value. With 'if EXPR', stop only when EXPR is not 0.\n"
     "'space NAME' (see 'space'), 'priv u|s|m', 'hart N': only there; a breakpoint in a\n"
     "space may be set while its address is not mapped."},
    {"disas", "disassemble", cmd_disas, "disas [ADDR] [N]", "disassemble instructions",
     "Disassemble N instructions (default 8) from ADDR (default $pc); ADDR is one word\n"
     "(write $pc+8, not $pc + 8)."},
    {"trace", NULL, cmd_trace,
     "trace itrace|ftrace|etrace on|off | trace mtrace on [START END] | trace mtrace off",
     "stream instruction, call, trap or memory traces",
     "Stream a trace to stderr (or --trace-file): itrace every instruction, ftrace calls\n"
     "and returns, etrace traps and trap returns, mtrace loads and stores whose address\n"
     "is in [START, END]. 'trace' alone shows which are on."},
    {"set", NULL, cmd_set,
     "set watch-policy coarse|precise | set watch-log|step-show|step-exec|itrace-ring|stepie on|off | "
     "set $REG = EXPR | set *ADDR = EXPR | set var LVALUE = EXPR",
     "change a setting, a register or memory",
     "watch-policy: when watchpoints are re-evaluated (coarse: seed 001's rule; precise,\n"
     "the default: only when a register or byte they read was written). watch-log: print\n"
     "each re-evaluation. step-show: si prints the next instruction. step-exec (on by\n"
     "default): si of fewer than 10 instructions prints each one it executes. itrace-ring: record\n"
     "the last 64 instructions during c too (slower). stepie: si (and GDB's stepi) may take\n"
     "a pending interrupt (default off). $REG / *ADDR: write a register, a\n"
     "CSR or an XLEN-wide memory word. var LVALUE: a program variable, member or element\n"
     "(set var counter = 3, set var procs[1].prio = -5), written with its type's size."},
    {"hart", NULL, cmd_hart, "hart [N]", "show or select the current hart",
     "Show or select the hart that commands look at."},
    {"trigger", NULL, cmd_trigger,
     "trigger N store|load|exec|access EXPR | icount COUNT | exception C[,C..] | interrupt I[,I..]"
     " | external IN | off  [action break|stop|debug] [mode msu] [size 1|2|4|8] [all]",
     "set up a hardware trigger by meaning",
     "Program Sdtrig trigger N of the current hart as a debugger would: an address trigger\n"
     "(mcontrol6, match equal), icount, etrigger (exception causes), itrigger (interrupt\n"
     "numbers) or tmexttrigger. action: break = breakpoint exception for the guest, stop =\n"
     "stop rvscope (external trigger output, the default), debug = enter debug mode.\n"
     "mode: the privilege levels it applies in (default msu). all: every hart's trigger N\n"
     "(each hart has its own trigger module); 'info triggers' says which harts hold what."},
    {"exttrigger", NULL, cmd_exttrigger, "exttrigger N", "raise an external trigger input",
     "Raise external trigger input N (0..15) of the current hart (tmexttrigger)."},
};

static const cmd_t *find_cmd(const char *name)
{
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (!strcmp(name, cmds[i].name) || (cmds[i].alias && !strcmp(name, cmds[i].alias)))
            return &cmds[i];
    return NULL;
}

const char *mon_command_name(size_t i)
{
    return i < sizeof cmds / sizeof cmds[0] ? cmds[i].name : NULL;
}

void mon_print_help(mon_t *M, const char *name)
{
    if (name) {
        const cmd_t *c = find_cmd(name);
        if (!c) {
            mon_printf(M, "Unknown command '%s'. Try 'help'.\n", name);
            return;
        }
        mon_printf(M, "Usage: %s\n%s\n", c->usage, c->help);
        if (c->alias)
            mon_printf(M, "Alias: %s\n", c->alias);
        return;
    }
    mon_printf(M, "Commands (help CMD for more):\n");
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        mon_printf(M, "  %-12s %s\n", cmds[i].name, cmds[i].summary);
}

bool mon_exec(mon_t *M, char *line)
{
    char *args = line;
    line = mon_skip_ws(line);
    /* p/x, x/4xw, display/x: the format is the handler's first word */
    size_t wl = strcspn(line, " \t/");
    char fmtbuf[64] = "";
    if (line[wl] == '/') {
        size_t fl = strcspn(line + wl, " \t");
        if (fl < sizeof fmtbuf) {
            memcpy(fmtbuf, line + wl, fl);
            fmtbuf[fl] = '\0';
            memset(line + wl, ' ', fl);
        }
    }
    char *name = mon_next_word(&args);
    const cmd_t *c = find_cmd(name);
    if (c && *fmtbuf) {
        size_t n = strlen(fmtbuf) + strlen(args) + 2;
        char *joined = malloc(n);
        if (!joined)
            return false;
        snprintf(joined, n, "%s %s", fmtbuf, args);
        bool ok = c->fn(M, joined);
        free(joined);
        return ok;
    }
    if (!c) {
        mon_printf(M, "Unknown command '%s'. Try 'help'.\n", name);
        return false;
    }
    return c->fn(M, args);
}
