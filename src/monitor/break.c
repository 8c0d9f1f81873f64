/* Breakpoints: b ADDR|SYMBOL|FILE:LINE [space NAME] [priv u|s|m] [hart N] [if EXPR].
 *
 * Each is an emulator-side breakpoint (dbg_bp_insert): its code page runs
 * in the checked loop, every other page runs the plain loop, so a
 * breakpoint costs nothing elsewhere. A condition is evaluated when the
 * machine stops there; false resumes silently (GDB counts such a stop as
 * no hit). A scope (space, privilege, hart) is checked only when the pc
 * matches; a breakpoint in a space may be set while its address is not
 * mapped (it is a virtual address, nothing is written into memory). */
#include "mon.h"
#include "srcexpr.h"
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

/* "LOC if COND": the first word "if" ends the location. */
static void split_if(char *args, char **loc, char **cond)
{
    *cond = NULL;
    for (char *p = args; (p = strstr(p, "if")) != NULL; p += 2) {
        bool before = p == args || isspace((unsigned char)p[-1]);
        bool after = p[2] == '\0' || isspace((unsigned char)p[2]) || p[2] == '(' || p[2] == '$';
        if (before && after) {
            *cond = p + 2;
            *p = '\0';
            break;
        }
    }
    *loc = trim(args);
    if (*cond)
        *cond = trim(*cond);
}

/* FILE:LINE with a decimal LINE; the file part is what precedes the last ':'. */
static bool is_file_line(const char *loc, char *file, size_t n, int *line)
{
    const char *c = strrchr(loc, ':');
    if (!c || c == loc || !c[1])
        return false;
    for (const char *d = c + 1; *d; d++)
        if (!isdigit((unsigned char)*d))
            return false;
    if ((size_t)(c - loc) >= n)
        return false;
    memcpy(file, loc, (size_t)(c - loc));
    file[c - loc] = '\0';
    *line = atoi(c + 1);
    return true;
}

/* The source line of pc: the line asked for when pc is a FILE:LINE
 * breakpoint's address, else the line table's. File without directories. */
bool break_where(mon_t *M, const mbreak_t *b, uint64_t pc, const char **file, int *line)
{
    if (b && b->line && pc == b->addr) {
        *file = b->file;
        *line = b->line;
        return true;
    }
    const char *f;
    const symset_t *syms = mon_syms(M, mon_hart(M));
    if (!syms || !symset_line_at(syms, pc, &f, line))
        return false;
    dinfo_t *d = mon_dinfo(M);
    if (d)   /* a statement's own line where one starts (-O2 shares addresses) */
        dinfo_stmt_at(d, pc, line);
    const char *base = strrchr(f, '/');
    *file = base ? base + 1 : f;
    return true;
}

/* b FUNC, as GDB: where the function's body starts, past the prologue
 * that sets up its frame (the DWARF line table says where); a symbol
 * without debug information, or an expression, stays as it is. */
static void after_prologue(mon_t *M, const char *loc, uint64_t *addr)
{
    dinfo_t *d = mon_dinfo(M);
    dfunc_t fn;
    uint64_t body;
    int line;
    for (const char *c = loc; *c; c++)
        if (!isalnum((unsigned char)*c) && *c != '_' && *c != '.')
            return;
    if (d && dinfo_function(d, *addr, &fn) && fn.lo == *addr &&
        dinfo_after_prologue(d, fn.lo, fn.hi, &body, &line))
        *addr = body;
}

/* LOC -> address (line set for FILE:LINE), in the symbols of the hart's
 * space, or of the program a `space NAME` scope runs (mon_syms). */
static bool break_location(mon_t *M, const char *loc, uint64_t *addr, char *file, size_t n,
                           int *line, int *actual)
{
    const symset_t *syms = mon_syms(M, mon_hart(M));
    *line = 0;
    if (is_file_line(loc, file, n, line)) {
        if (!syms || !syms->n) {
            mon_printf(M, "No symbol table: %s is a raw image. --symbols FILE adds one.\n",
                       M->s->image_path);
            return false;
        }
        if (!symset_has_lines(syms)) {
            mon_printf(M, "No line table in %s (build it with -g).\n", M->s->image_path);
            return false;
        }
        if (!symset_resolve_line(syms, file, *line, addr, actual)) {
            mon_printf(M, "No line %d in file \"%s\".\n", *line, file);
            return false;
        }
    } else if (loc[0] == '*' ? !mon_eval(M, loc + 1, addr) : !mon_eval(M, loc, addr)) {
        return false; /* b *ADDR: that address (as GDB), not the word stored there */
    } else if (loc[0] != '*') {
        after_prologue(M, loc, addr);
    }
    return true;
}

static void set_break(mon_t *M, char *args)
{
    char *loc, *cond_text;
    split_if(args, &loc, &cond_text);
    if (!*loc) {
        mon_usage(M, "b");
        return;
    }
    if (cond_text && !*cond_text) {
        mon_printf(M, "Argument required (condition after 'if').\n");
        return;
    }
    bp_scope_t scope;
    char scope_text[96];
    bool ok = space_parse_scope(M, loc, &scope, scope_text, sizeof scope_text);
    uint64_t addr;
    char file[512];
    int line, actual = 0;
    if (ok && *loc)
        ok = break_location(M, loc, &addr, file, sizeof file, &line, &actual);
    if (!ok)
        return;
    if (!*loc) {
        mon_usage(M, "b");
        return;
    }
    expr_t *cond = NULL;
    if (cond_text) {
        expr_env_t env = mon_env(M, M->cur);
        expr_error_t err;
        cond = expr_parse(cond_text, &env, &err);
        if (!cond) {
            mon_expr_error(M, cond_text, &err);
            return;
        }
    }
    if (M->m->xlen == 32)
        addr = (uint32_t)addr;
    int id = dbg_bp_insert(M->m, addr, &scope, OWNER_MONITOR);
    if (id < 0) {
        expr_free(cond);
        mon_printf(M, "Cannot insert a breakpoint at 0x%" PRIx64 ".\n", addr);
        return;
    }
    if (M->nbp == M->capbp) {
        M->capbp = M->capbp ? 2 * M->capbp : 8;
        M->bps = realloc(M->bps, M->capbp * sizeof *M->bps);
        if (!M->bps)
            abort();
    }
    mbreak_t *b = &M->bps[M->nbp++];
    *b = (mbreak_t){ .num = M->next_num++, .dbg_id = id, .addr = addr, .loc = strdup(loc),
                     .cond_text = cond_text ? strdup(cond_text) : NULL, .cond = cond };
    snprintf(b->scope, sizeof b->scope, "%s", scope_text);
    if (actual) {
        const char *base = strrchr(file, '/');
        b->file = strdup(base ? base + 1 : file);
        b->line = actual;
    }
    char sym[128];
    const char *f;
    int l;
    mon_sym(M, addr, sym, sizeof sym);
    if (break_where(M, b, addr, &f, &l)) {
        mon_printf(M, "Breakpoint %d at 0x%" PRIx64 "%s%s: file %s, line %d%s%s.\n", b->num, addr,
                   *sym ? " " : "", sym, f, l, *b->scope ? ", only in" : "", b->scope);
    } else {
        mon_printf(M, "Breakpoint %d at 0x%" PRIx64 "%s%s%s%s\n", b->num, addr, *sym ? " " : "", sym,
                   *b->scope ? ", only in" : "", b->scope);
    }
}

/* b LOC [space NAME] ...: LOC read with NAME's symbols (space_parse_scope
 * calls mon_syms_for_space), the current hart's otherwise. */
void break_cmd(mon_t *M, char *args)
{
    set_break(M, args);
    M->sym_program[0] = 0;
    M->sym_satp = 0;
}

bool break_resolve(mon_t *M, const char *loc, uint64_t *addr)
{
    char file[512];
    int line;
    if (is_file_line(loc, file, sizeof file, &line)) {
        if (!M->s->syms || !symset_resolve_line(M->s->syms, file, line, addr, NULL)) {
            mon_printf(M, "No line %d in file \"%s\".\n", line, file);
            return false;
        }
        return true;
    }
    return mon_eval(M, loc[0] == '*' ? loc + 1 : loc, addr);
}

bool break_delete(mon_t *M, int num)
{
    for (unsigned i = 0; i < M->nbp; i++) {
        mbreak_t *b = &M->bps[i];
        if (b->num != num)
            continue;
        dbg_bp_remove(M->m, b->dbg_id);
        free(b->loc);
        free(b->file);
        free(b->cond_text);
        expr_free(b->cond);
        memmove(b, b + 1, (M->nbp - i - 1) * sizeof *b);
        M->nbp--;
        return true;
    }
    return false;
}

void break_free_all(mon_t *M)
{
    while (M->nbp)
        break_delete(M, M->bps[0].num);
    free(M->bps);
    M->bps = NULL;
    M->capbp = 0;
}

mbreak_t *break_by_dbg_id(mon_t *M, int dbg_id)
{
    for (unsigned i = 0; i < M->nbp; i++)
        if (M->bps[i].dbg_id == dbg_id)
            return &M->bps[i];
    return NULL;
}

bool break_hit(mon_t *M, mbreak_t *b)
{
    if (b->cond) {
        expr_env_t env = mon_env(M, M->cur);
        expr_error_t err;
        uint64_t v;
        if (!expr_eval(b->cond, &env, &v, &err)) {
            /* As GDB: an error in the condition stops, and says so. */
            mon_printf(M, "Error in condition of breakpoint %d (%s): %s\n", b->num, b->cond_text,
                       err.msg);
        } else if (!v) {
            return false;
        }
    }
    b->hits++;
    return true;
}

void break_list(mon_t *M)
{
    if (!M->nbp && !M->nwp) {
        mon_printf(M, "No breakpoints or watchpoints.\n");
        return;
    }
    mon_printf(M, "Num  Type        Address             Hits  What\n");
    /* by number, breakpoints and watchpoints interleaved */
    unsigned bi = 0, wi = 0;
    while (bi < M->nbp || wi < M->nwp) {
        if (wi >= M->nwp || (bi < M->nbp && M->bps[bi].num < M->wps[wi].num)) {
            mbreak_t *b = &M->bps[bi++];
            char sym[128], where[600] = "";
            const char *f;
            int l;
            mon_sym(M, b->addr, sym, sizeof sym);
            if (break_where(M, b, b->addr, &f, &l))
                snprintf(where, sizeof where, " at %s:%d", f, l);
            mon_printf(M, "%-4d breakpoint  0x%-16" PRIx64 "  %4" PRIu64 "  %s%s\n", b->num,
                       b->addr, b->hits, *sym ? sym : b->loc, where);
            if (*b->scope)
                mon_printf(M, "        only in%s\n", b->scope);
            if (b->cond_text)
                mon_printf(M, "        stop only if %s\n", b->cond_text);
        } else {
            mwatch_t *w = &M->wps[wi++];
            char v[64];
            if (w->ok)
                mon_fmt_value(M, w->val, v, sizeof v);
            else
                snprintf(v, sizeof v, "<unreadable>");
            mon_printf(M, "%-4d watchpoint  %-18s  %4" PRIu64 "  %s = %s\n", w->num, "", w->hits,
                       w->text, v);
        }
    }
}
