/* GDB-shaped commands over the source-level expressions and the DWARF
 * frames: p/FMT, x/NFU, set var, bt, finish, next, step, until, display,
 * info locals/args. Run control goes through control.c (mon_step,
 * mon_continue) with a goal breakpoint (mon_t.goal_*) that stops silently. */
#include "srcexpr.h"
#include "../core/disasm.h"
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static uint64_t xmask(mon_t *M) { return M->m->xlen == 32 ? 0xffffffffull : ~0ull; }

/* "/FMT" at the start of args (mon_exec turns "p/x" into "p /x"). */
static bool take_format(mon_t *M, char **args, char *fmt, uint64_t *count, unsigned *size, bool x)
{
    char *a = mon_skip_ws(*args);
    if (*a != '/')
        return true;
    a++;
    if (isdigit((unsigned char)*a)) {
        if (!x) {
            mon_printf(M, "Item count other than 1 is meaningless in \"print\" command.\n");
            return false;
        }
        *count = strtoull(a, &a, 10);
    }
    for (; *a && !isspace((unsigned char)*a); a++) {
        if (strchr("xduotcsia", *a) && (x || strchr("xduotc", *a)))
            *fmt = *a;
        else if (x && strchr("bhwg", *a))
            *size = *a == 'b' ? 1 : *a == 'h' ? 2 : *a == 'w' ? 4 : 8;
        else {
            mon_printf(M, "Undefined output format \"%c\".\n", *a);
            return false;
        }
    }
    *args = mon_skip_ws(a);
    return true;
}

bool src_cmd_print(mon_t *M, char *args)
{
    char fmt = 0;
    uint64_t n = 1;
    unsigned size = 0;
    if (!take_format(M, &args, &fmt, &n, &size, false))
        return false;
    if (!*args) {
        mon_usage(M, "p");
        return false;
    }
    sval_t v;
    if (!src_is_source(M, args)) { /* sdb's language, as before */
        /* what only the source language reads (casts, sizeof, members)
         * goes there; else sdb's parser says what is wrong */
        if (!mon_eval(M, args, &v.v))
            return false;
        v.type = NULL;
    } else if (!src_eval(M, args, NULL, &v)) {
        return false;
    }
    src_print_value(M, &v, fmt);
    return true;
}

/* ---- x/NFU ADDR ------------------------------------------------------ */

static char x_fmt = 'x';       /* GDB remembers the last format and size */
static unsigned x_size = 4;

bool src_cmd_examine(mon_t *M, char *args)
{
    uint64_t n = 1, addr;
    char fmt = x_fmt;
    unsigned size = 0;
    if (!take_format(M, &args, &fmt, &n, &size, true))
        return false;
    if (!*args) {
        mon_usage(M, "x");
        return false;
    }
    sval_t v;
    if (!src_eval(M, args, NULL, &v) || !src_scalar(M, &v, &addr)) {
        if (v.optout)
            mon_printf(M, "value has been optimized out\n");
        return false;
    }
    if (n == 0 || n > 65536) {
        mon_printf(M, "x: N must be 1..65536.\n");
        return false;
    }
    if (!size)
        size = fmt == 'c' ? 1 : fmt == 'a' ? (unsigned)M->m->xlen / 8 : x_size;
    if (fmt == 'a')
        size = (unsigned)M->m->xlen / 8;
    x_fmt = fmt;
    if (fmt != 's' && fmt != 'i')
        x_size = size;
    hart_t *h = mon_hart(M);
    char sym[128];
    if (fmt == 'i')
        return mon_disas(M, h, addr & xmask(M) & ~1ull, n);
    if (fmt == 's') {
        for (uint64_t i = 0; i < n; i++) {
            mon_sym(M, addr, sym, sizeof sym);
            mon_printf(M, "0x%" PRIx64 "%s%s:\t\"", addr, *sym ? " " : "", sym);
            uint8_t c;
            unsigned k = 0;
            while (k < 200 && mon_read_virt(h, addr + k, &c, 1) && c) {
                if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
                    mon_printf(M, "%c", c);
                else
                    mon_printf(M, "\\%03o", c);
                k++;
            }
            mon_printf(M, "\"\n");
            addr += k + 1;
        }
        return true;
    }
    unsigned per_line = size == 8 ? 2 : size == 4 ? 4 : 8;
    dtype_t t = {.kind = DT_INT, .size = size, .is_signed = fmt == 'd'};
    for (uint64_t i = 0; i < n; i++) {
        uint64_t a = (addr + i * size) & xmask(M);
        if (i % per_line == 0) {
            mon_sym(M, a, sym, sizeof sym);
            mon_printf(M, "%s0x%" PRIx64 "%s%s:", i ? "\n" : "", a, *sym ? " " : "", sym);
        }
        uint8_t b[8] = {0};
        if (!mon_read_virt(h, a, b, size)) {
            mon_printf(M, "\nCannot access memory at address 0x%" PRIx64 "\n", a);
            return false;
        }
        uint64_t w = 0;
        for (unsigned k = size; k-- > 0;)
            w = w << 8 | b[k];
        mon_printf(M, "\t");
        if (fmt == 'x')
            mon_printf(M, "0x%0*" PRIx64, (int)size * 2, w);
        else if (fmt == 'a') {
            mon_printf(M, "0x%" PRIx64, w);
            if (*mon_sym(M, w, sym, sizeof sym))
                mon_printf(M, " %s", sym);
        } else
            src_print_scalar(M, &t, w, fmt);
    }
    mon_printf(M, "\n");
    return true;
}

/* ---- set var LVALUE = EXPR ------------------------------------------- */

bool src_cmd_set_var(mon_t *M, char *lhs, char *rhs)
{
    sval_t dst, val;
    uint64_t v;
    if (!src_eval(M, lhs, NULL, &dst) || !src_eval(M, rhs, NULL, &val))
        return false;
    if (!src_scalar(M, &val, &v)) {
        mon_printf(M, "Invalid cast.\n");
        return false;
    }
    if (!dst.type || (!dst.lval && !dst.in_reg)) {
        mon_printf(M, "Left operand of assignment is not an lvalue.\n");
        return false;
    }
    if (!src_assign(M, &dst, v)) {
        mon_printf(M, "Cannot write %s (not a scalar in memory or a register).\n", lhs);
        return false;
    }
    return true;
}

/* ---- frames ---------------------------------------------------------- */

static bool need_dwarf(mon_t *M)
{
    if (mon_dinfo(M))
        return true;
    mon_printf(M, "No debugging information in %s (build it with -g).\n",
               M->s->image_path ? M->s->image_path : "the image");
    return false;
}

struct args_ctx {
    mon_t *M;
    const dframe_t *f;
    bool first;
};

static void print_arg(void *ctx, const char *name, bool arg)
{
    struct args_ctx *c = ctx;
    if (!arg)
        return;
    sval_t v;
    mon_printf(c->M, "%s%s=", c->first ? "" : ", ", name);
    c->first = false;
    if (src_eval_quiet(c->M, name, c->f, &v))
        src_print_bare(c->M, &v);
    else
        mon_printf(c->M, "<error>");
}

static void frame_line(mon_t *M, const dframe_t *f)
{
    dinfo_t *d = mon_dinfo(M);
    dfunc_t fn;
    const char *file;
    int line;
    mon_printf(M, "#%-2u ", f->level);
    uint64_t lpc = f->level ? f->pc - 1 : f->pc;
    int sl;
    /* as GDB: no address for frame 0 at the start of a statement */
    if (!(f->level == 0 && d && dinfo_stmt_at(d, f->pc, &sl)))
        mon_printf(M, "0x%0*" PRIx64 " in ", M->m->xlen / 4, f->pc);
    if (d && dinfo_function(d, lpc, &fn)) {
        mon_printf(M, "%s (", fn.name);
        struct args_ctx c = {M, f, true};
        dinfo_locals(d, f, print_arg, &c);
        mon_printf(M, ")");
    } else {
        char sym[128];
        mon_printf(M, "%s ()", *mon_sym(M, f->pc, sym, sizeof sym) ? sym : "??");
    }
    if (M->s->syms && symset_line_at(M->s->syms, lpc, &file, &line)) {
        const char *b = strrchr(file, '/');
        if (d && f->level == 0)
            dinfo_stmt_at(d, f->pc, &line);   /* a statement's own line (-O2) */
        mon_printf(M, " at %s:%d", b ? b + 1 : file, line);
    }
    mon_printf(M, "\n");
}

bool src_cmd_bt(mon_t *M, char *args)
{
    uint64_t max = 64;
    if (*args && !mon_eval(M, args, &max))
        return false;
    if (!need_dwarf(M))
        return false;
    dframe_t f, up;
    mon_frame0(M, &f);
    for (unsigned i = 0; i < max; i++) {
        frame_line(M, &f);
        if (!dinfo_unwind(mon_dinfo(M), &f, &up))
            break;
        f = up;
    }
    return true;
}

/* info locals / info args of the current frame */
struct locals_ctx {
    mon_t *M;
    const dframe_t *f;
    bool args;
    unsigned n;
};

static void print_local(void *ctx, const char *name, bool arg)
{
    struct locals_ctx *c = ctx;
    if (arg != c->args)
        return;
    sval_t v;
    c->n++;
    mon_printf(c->M, "%s = ", name);
    if (src_eval_quiet(c->M, name, c->f, &v))
        src_print_bare(c->M, &v);
    else
        mon_printf(c->M, "<error>");
    mon_printf(c->M, "\n");
}

bool src_info_locals(mon_t *M, bool args)
{
    if (!need_dwarf(M))
        return false;
    dframe_t f;
    mon_frame0(M, &f);
    struct locals_ctx c = {M, &f, args, 0};
    dinfo_locals(mon_dinfo(M), &f, print_local, &c);
    if (!c.n)
        mon_printf(M, args ? "No arguments.\n" : "No locals.\n");
    return true;
}

/* ---- finish, next, step, until --------------------------------------- */

static bool line_of(mon_t *M, uint64_t pc, const char **file, int *line)
{
    return M->s->syms && symset_line_at(M->s->syms, pc, file, line);
}

/* Run until the goal breakpoint at addr is reached with sp >= min_sp (the
 * frame that asked has returned, not a deeper recursive call of it). */
static bool run_to(mon_t *M, uint64_t addr, uint64_t min_sp)
{
    int id = dbg_bp_insert(M->m, addr & xmask(M), NULL, OWNER_MONITOR);
    if (id < 0) {
        mon_printf(M, "Cannot set a breakpoint at 0x%" PRIx64 ".\n", addr);
        return false;
    }
    M->goal_bp = id;
    M->goal_sp = min_sp;
    M->goal_hit = false;
    mon_continue(M);
    dbg_bp_remove(M->m, id);
    M->goal_bp = -1;
    return M->goal_hit;
}

bool src_cmd_finish(mon_t *M, char *args)
{
    (void)args;
    if (!need_dwarf(M))
        return false;
    dinfo_t *d = mon_dinfo(M);
    dframe_t f, up;
    dfunc_t fn;
    mon_frame0(M, &f);
    if (!dinfo_unwind(d, &f, &up)) {
        mon_printf(M, "\"finish\" not meaningful in the outermost frame.\n");
        return false;
    }
    bool have_fn = dinfo_function(d, f.pc, &fn);
    mon_printf(M, "Run till exit from ");
    frame_line(M, &f);
    M->src_busy = true;
    bool hit = run_to(M, up.pc, up.x[2]);
    M->src_busy = false;
    if (!hit)
        return false;
    hart_t *h = mon_hart(M);
    dframe_t now;
    mon_frame0(M, &now);
    frame_line(M, &now);
    if (have_fn && fn.ret) {
        const dtype_t *t = dtype_strip(fn.ret);
        if (t->kind != DT_STRUCT && t->kind != DT_UNION && t->size <= 8) {
            uint64_t v = h->x[10];
            if (t->size > (uint64_t)M->m->xlen / 8)
                v = (uint32_t)v | h->x[11] << 32;
            sval_t r = {.type = fn.ret, .v = v};
            src_load(M, &r);
            mon_printf(M, "Value returned is ");
            src_print_value(M, &r, 0);
        }
    }
    src_show_displays(M);
    return true;
}

/* A line of one statement that runs this long is a loop on itself. */
#define STEP_LINE_MAX 10000000ul

/* One source line: step instructions until the pc is at the start of a
 * different line; over calls (next) by running to the return address. */
static bool step_line(mon_t *M, bool into, bool until)
{
    dinfo_t *d = mon_dinfo(M);
    hart_t *h = mon_hart(M);
    const char *file0, *file;
    int line0, line;
    dframe_t f0;
    mon_frame0(M, &f0);
    uint64_t cfa0 = 0;
    bool have_cfa = dinfo_cfa(d, &f0, &cfa0);
    if (!line_of(M, h->pc, &file0, &line0)) {
        mon_printf(M, "No line number information for 0x%" PRIx64 "; 'si' steps instructions.\n", h->pc);
        return false;
    }
    dinfo_stmt_at(d, h->pc, &line0);   /* a statement's own line (-O2) */
    dfunc_t fn0;
    bool have_fn0 = dinfo_function(d, h->pc, &fn0);
    for (unsigned long k = 0; k < STEP_LINE_MAX; k++) {
        uint64_t pc = h->pc;
        mon_step(M, 1);
        if (!M->last_step_done)
            return false; /* stopped for another reason: already reported */
        dfunc_t fn;
        bool in_fn0 = have_fn0 && h->pc >= fn0.lo && h->pc < fn0.hi;
        /* entered a function (a call): the new frame's CFA is below ours */
        if (!in_fn0 || (have_cfa && h->x[2] < cfa0 && dinfo_function(d, h->pc, &fn) && fn.lo == h->pc)) {
            dframe_t f, up;
            uint64_t c;
            mon_frame0(M, &f);
            bool deeper = have_cfa && dinfo_cfa(d, &f, &c) && c < cfa0;
            if (deeper) {
                if (into && line_of(M, h->pc, &file, &line) && dinfo_function(d, h->pc, &fn)) {
                    /* step: stop in the callee past its prologue, where
                     * b FUNC would (a callee without lines is stepped over) */
                    uint64_t body = fn.lo;
                    dinfo_after_prologue(d, fn.lo, fn.hi, &body, &line);
                    if (body != h->pc && !run_to(M, body, 0))
                        return false;
                    return true;
                }
                if (!dinfo_unwind(d, &f, &up) || !run_to(M, up.pc, up.x[2]))
                    return false;
                goto check;   /* back at the return address: maybe a line start */
            }
            /* returned to the caller: at the start of a line, stop there;
             * in the middle of one, finish it first, as GDB does */
            have_fn0 = dinfo_function(d, h->pc, &fn0);
            have_cfa = (mon_frame0(M, &f0), dinfo_cfa(d, &f0, &cfa0));
            if (!line_of(M, h->pc, &file0, &line0))
                line0 = -1;
            else if (dinfo_stmt_at(d, h->pc, &line0))
                return true;
            continue;
        }
    check:
        if (!line_of(M, h->pc, &file, &line) || !dinfo_stmt_at(d, h->pc, &line))
            continue;
        bool moved = line != line0 || strcmp(file, file0);
        if (until && line0 > 0 && line < line0 && h->pc < pc)
            moved = false; /* until: not back into the loop */
        if (moved)
            return true;
    }
    mon_printf(M, "Still on line %d after %lu instructions; stopped.\n", line0, (unsigned long)STEP_LINE_MAX);
    return true;
}

static void show_line(mon_t *M)
{
    hart_t *h = mon_hart(M);
    const char *file;
    int line;
    dfunc_t fn;
    dinfo_t *d = mon_dinfo(M);
    if (line_of(M, h->pc, &file, &line)) {
        /* at a statement's start, its line (the range may end in another
         * row's, at -O2) */
        if (d)
            dinfo_stmt_at(d, h->pc, &line);
        const char *b = strrchr(file, '/');
        mon_printf(M, "%s () at %s:%d\n", d && dinfo_function(d, h->pc, &fn) ? fn.name : "??",
                   b ? b + 1 : file, line);
    }
    mon_show_location(M, h);
}

static bool step_cmd(mon_t *M, char *args, bool into, bool until)
{
    uint64_t n = 1;
    if (*args && !mon_eval(M, args, &n))
        return false;
    if (!need_dwarf(M))
        return false;
    bool ok = true;
    M->src_busy = true;
    for (uint64_t i = 0; i < n && ok; i++)
        ok = step_line(M, into, until);
    M->src_busy = false;
    if (ok)
        show_line(M);
    src_show_displays(M);
    return ok;
}

bool src_cmd_next(mon_t *M, char *args) { return step_cmd(M, args, false, false); }
bool src_cmd_step(mon_t *M, char *args) { return step_cmd(M, args, true, false); }

bool src_cmd_until(mon_t *M, char *args)
{
    if (!*args)
        return step_cmd(M, args, false, true);
    uint64_t addr;
    if (!break_resolve(M, args, &addr) || !need_dwarf(M))
        return false;
    dframe_t f, up;
    mon_frame0(M, &f);
    /* until LOC also stops when the current frame returns */
    int id2 = -1;
    if (dinfo_unwind(mon_dinfo(M), &f, &up))
        id2 = dbg_bp_insert(M->m, up.pc, NULL, OWNER_MONITOR);
    M->goal_bp2 = id2;
    bool ok = run_to(M, addr, 0);
    if (id2 >= 0)
        dbg_bp_remove(M->m, id2);
    M->goal_bp2 = -1;
    if (ok)
        show_line(M);
    return ok;
}

/* ---- display --------------------------------------------------------- */

bool src_cmd_display(mon_t *M, char *args)
{
    char fmt = 0;
    uint64_t n = 1;
    unsigned size = 0;
    if (!*mon_skip_ws(args)) {
        src_show_displays(M);
        return true;
    }
    if (!take_format(M, &args, &fmt, &n, &size, false))
        return false;
    sval_t v;
    if (!src_eval(M, args, NULL, &v))
        return false;
    if (M->ndisp == sizeof M->disp / sizeof M->disp[0]) {
        mon_printf(M, "Too many displays.\n");
        return false;
    }
    mdisplay_t *d = &M->disp[M->ndisp++];
    d->num = ++M->disp_next;
    d->fmt = fmt;
    snprintf(d->text, sizeof d->text, "%s", args);
    mon_printf(M, "%d: %s = ", d->num, d->text);
    src_print_value(M, &v, fmt);
    return true;
}

bool src_cmd_undisplay(mon_t *M, char *args)
{
    if (!*args) {
        M->ndisp = 0;
        return true;
    }
    int n = atoi(args);
    for (unsigned i = 0; i < M->ndisp; i++)
        if (M->disp[i].num == n) {
            memmove(&M->disp[i], &M->disp[i + 1], (M->ndisp - i - 1) * sizeof M->disp[0]);
            M->ndisp--;
            return true;
        }
    mon_printf(M, "No display number %d.\n", n);
    return false;
}

void src_show_displays(mon_t *M)
{
    for (unsigned i = 0; i < M->ndisp; i++) {
        sval_t v;
        mon_printf(M, "%d: %s = ", M->disp[i].num, M->disp[i].text);
        if (src_eval_quiet(M, M->disp[i].text, NULL, &v))
            src_print_value(M, &v, M->disp[i].fmt);
        else
            mon_printf(M, "<error>\n");
    }
}
