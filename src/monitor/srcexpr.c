/* Source-level expressions: a recursive-descent parser that evaluates as it
 * parses (p and friends evaluate once; watches keep sdb's compiled form).
 * Semantics in srcexpr.h; precedence is C's. */
#include "srcexpr.h"
#include "../core/csr.h"
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct sp {
    mon_t *M;
    dinfo_t *d;
    const dframe_t *f;
    const char *t;
    int pos;
    expr_error_t err;
    bool failed;
    int depth;
} sp_t;

#define MAX_DEPTH 200

static bool fail(sp_t *p, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(sp_t *p, int col, const char *fmt, ...)
{
    if (p->failed)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err.msg, sizeof p->err.msg, fmt, ap);
    va_end(ap);
    p->err.col = col;
    p->failed = true;
    return false;
}

static void ws(sp_t *p)
{
    while (isspace((unsigned char)p->t[p->pos]))
        p->pos++;
}

static bool accept(sp_t *p, const char *s)
{
    ws(p);
    size_t n = strlen(s);
    if (strncmp(p->t + p->pos, s, n))
        return false;
    /* "-" is not the start of "->", "&" of "&&", "<" of "<<" or "<=" ... */
    char next = p->t[p->pos + (int)n];
    if (n == 1 && strchr("&|<>=!", s[0]) && (next == s[0] || (next == '=' && s[0] != '=')) && s[0] != '!')
        return false;
    if (n == 1 && s[0] == '-' && (next == '>' || next == '-'))
        return false;
    if (n == 1 && s[0] == '!' && next == '=')
        return false;
    p->pos += (int)n;
    return true;
}

static bool ident_at(sp_t *p, int *len)
{
    ws(p);
    const char *s = p->t + p->pos;
    if (!isalpha((unsigned char)s[0]) && s[0] != '_')
        return false;
    int n = 1;
    while (isalnum((unsigned char)s[n]) || s[n] == '_' || s[n] == '.')
        n++;
    *len = n;
    return true;
}

static unsigned xbytes(sp_t *p) { return (unsigned)p->M->m->xlen / 8; }
static uint64_t xmask(sp_t *p) { return p->M->m->xlen == 32 ? 0xffffffffull : ~0ull; }

/* ---- values --------------------------------------------------------- */

static bool is_scalar(const dtype_t *t)
{
    t = dtype_strip(t);
    return t->kind == DT_INT || t->kind == DT_BOOL || t->kind == DT_ENUM || t->kind == DT_PTR ||
           t->kind == DT_FLOAT;
}

static uint64_t extend(const dtype_t *t, uint64_t v, unsigned bits)
{
    if (bits >= 64)
        return v;
    v &= (1ull << bits) - 1;
    const dtype_t *s = dtype_strip(t);
    if (s->is_signed && (v >> (bits - 1)) & 1)
        v |= ~0ull << bits;
    return v;
}

bool src_load(mon_t *M, sval_t *v)
{
    const dtype_t *t = dtype_strip(v->type);
    unsigned size = (unsigned)(t->size > 8 ? 8 : t->size);
    uint8_t b[8] = {0};
    if (v->optout)
        return false;
    if (v->lval) {
        if (!mon_read_virt(mon_hart(M), v->addr, b, size ? size : 1))
            return false;
    } else if (v->in_reg) {
        hart_t *h = mon_hart(M);
        if (v->reg >= 32)
            return false;
        uint64_t r = v->reg ? h->x[v->reg] : 0;
        memcpy(b, &r, 8);
    } else {
        return true; /* already a value */
    }
    uint64_t x = 0;
    for (unsigned i = size; i-- > 0;)
        x = x << 8 | b[i];
    if (v->bit_size) {
        x >>= v->bit_off;
        v->v = extend(v->type, x, v->bit_size);
    } else {
        v->v = extend(v->type, x, size * 8);
    }
    return true;
}

/* The value of an operand in arithmetic: arrays decay to pointers. */
static bool rvalue(sp_t *p, sval_t *v, int col)
{
    if (!v->type)
        return true;
    const dtype_t *t = dtype_strip(v->type);
    if (v->optout)
        return fail(p, col, "value has been optimized out");
    if (t->kind == DT_ARRAY) {
        if (!v->lval)
            return fail(p, col, "array not in memory");
        v->type = dinfo_pointer_to(p->d, t->target);
        v->v = v->addr;
        v->lval = v->in_reg = false;
        return true;
    }
    if (t->kind == DT_FUNC)
        return true;
    if (!is_scalar(t))
        return fail(p, col, "a %s is not a number", t->name ? t->name : "aggregate");
    if ((v->lval || v->in_reg) && !src_load(p->M, v))
        return fail(p, col, "cannot read memory at address 0x%" PRIx64, v->addr);
    v->lval = v->in_reg = false;
    v->bit_size = 0;
    return true;
}

/* An lvalue at a typed address */
static void at(sval_t *v, const dtype_t *t, uint64_t addr)
{
    *v = (sval_t){.type = t, .lval = true, .addr = addr};
}

/* ---- primaries ------------------------------------------------------ */

/* $name: an outer frame's own registers where unwinding found them, else
 * the hart's (sdb's reader) */
static bool reg_value(sp_t *p, const char *name, uint64_t *v)
{
    int g = expr_gpr_index(name);
    if (p->f && p->f->level && g >= 0 && (p->f->valid & (1u << g))) {
        *v = p->f->x[g];
        return true;
    }
    if (p->f && p->f->level && !strcmp(name, "pc")) {
        *v = p->f->pc;
        return true;
    }
    expr_env_t env = mon_env(p->M, p->M->cur);
    return env.reg(env.ctx, name, v);
}

static bool variable(sp_t *p, const char *name, int col, sval_t *v)
{
    dloc_t loc;
    const dtype_t *t;
    if (p->d && dinfo_variable(p->d, p->f, name, &loc, &t)) {
        *v = (sval_t){.type = t, .named = true};
        switch (loc.kind) {
        case DL_MEM:
            v->lval = true;
            v->addr = loc.addr;
            break;
        case DL_REG:
            if (p->f && p->f->level) { /* an outer frame: the value unwinding found */
                if (loc.reg >= 32 || !(p->f->valid & (1u << loc.reg))) {
                    v->optout = true;
                    break;
                }
                v->v = extend(t, p->f->x[loc.reg], (unsigned)(dtype_strip(t)->size * 8));
            } else {
                v->in_reg = true;
                v->reg = loc.reg;
            }
            break;
        case DL_VALUE: {
            uint64_t x;
            memcpy(&x, loc.bytes, 8);
            unsigned sz = (unsigned)dtype_strip(t)->size;
            v->v = extend(t, x, sz > 8 ? 64 : sz * 8);
            break;
        }
        default:
            v->optout = true;
        }
        return true;
    }
    int64_t ev;
    if (p->d && dinfo_enumerator(p->d, name, &ev, &t)) {
        *v = (sval_t){.type = t, .v = (uint64_t)ev};
        return true;
    }
    uint64_t a;
    if (p->M->s->syms && symset_lookup(p->M->s->syms, name, &a)) {
        *v = (sval_t){.v = a, .named = true, .addr = a};
        return true;
    }
    return fail(p, col, "No symbol \"%s\" in current context.", name);
}

static bool number(sp_t *p, sval_t *v)
{
    const char *s = p->t + p->pos;
    int col = p->pos;
    if (s[0] == '\'') { /* 'c' */
        if (s[1] && s[1] != '\\' && s[2] == '\'') {
            *v = (sval_t){.v = (unsigned char)s[1]};
            p->pos += 3;
            return true;
        }
        return fail(p, col, "bad character constant");
    }
    char *end;
    int base = (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ? 16 : 10;
    uint64_t x = strtoull(s, &end, base);
    if (end == s || isalnum((unsigned char)*end) || *end == '_' || *end == '.')
        return fail(p, col, "invalid number '%.*s'", (int)strcspn(s, " )+-*/"), s);
    if (x > xmask(p))
        return fail(p, col, "number too large for %d bits", p->M->m->xlen);
    *v = (sval_t){.v = x};
    p->pos = (int)(end - p->t);
    return true;
}

/* A type name at the current position, as in a cast: base type words,
 * struct/union/enum TAG, or a typedef; then '*'s. false: not a type. */
static bool type_name(sp_t *p, const dtype_t **out)
{
    static const char *const base_words[] = {"unsigned", "signed", "int", "char", "short", "long",
                                              "void", "_Bool", "float", "double", "const", "volatile"};
    int save = p->pos, len;
    char name[160] = "";
    if (!p->d || !ident_at(p, &len))
        return false;
    const char *s = p->t + p->pos;
    if ((len == 6 && (!strncmp(s, "struct", 6))) || (len == 5 && !strncmp(s, "union", 5)) ||
        (len == 4 && !strncmp(s, "enum", 4))) {
        snprintf(name, sizeof name, "%.*s ", len, s);
        p->pos += len;
        if (!ident_at(p, &len)) {
            p->pos = save;
            return false;
        }
        snprintf(name + strlen(name), sizeof name - strlen(name), "%.*s", len, p->t + p->pos);
        p->pos += len;
    } else {
        for (;;) {
            bool base = false;
            for (size_t i = 0; i < sizeof base_words / sizeof *base_words; i++)
                if ((size_t)len == strlen(base_words[i]) && !strncmp(p->t + p->pos, base_words[i], (size_t)len))
                    base = true;
            if (!base)
                break;
            if (strncmp(p->t + p->pos, "const", 5) && strncmp(p->t + p->pos, "volatile", 8))
                snprintf(name + strlen(name), sizeof name - strlen(name), "%s%.*s", *name ? " " : "", len,
                         p->t + p->pos);
            p->pos += len;
            if (!ident_at(p, &len))
                break;
        }
        if (!*name) { /* a typedef name, unless it is a variable */
            if (!ident_at(p, &len) || len >= (int)sizeof name)
                return false;
            snprintf(name, sizeof name, "%.*s", len, p->t + p->pos);
            dloc_t l;
            if (dinfo_variable(p->d, p->f, name, &l, NULL)) {
                p->pos = save;
                return false;
            }
            p->pos += len;
        }
    }
    const dtype_t *t = dinfo_type(p->d, name);
    if (!t) {
        p->pos = save;
        return false;
    }
    while (accept(p, "*"))
        t = dinfo_pointer_to(p->d, t);
    ws(p);
    if (p->t[p->pos] != ')') {
        p->pos = save;
        return false;
    }
    *out = t;
    return true;
}

static bool expr(sp_t *p, int minprec, sval_t *v);
static bool unary(sp_t *p, sval_t *v);

/* sizeof's type, as GDB's: unsigned long */
static const dtype_t *size_type(sp_t *p)
{
    return p->d ? dinfo_type(p->d, "unsigned long") : NULL;
}

static bool primary(sp_t *p, sval_t *v)
{
    ws(p);
    int col = p->pos, len;
    char c = p->t[p->pos];
    if (c == '(') {
        p->pos++;
        if (!expr(p, 0, v))
            return false;
        if (!accept(p, ")"))
            return fail(p, p->pos, "expected ')'");
        return true;
    }
    if (isdigit((unsigned char)c) || c == '\'')
        return number(p, v);
    if (c == '$') {
        p->pos++;
        if (!ident_at(p, &len))
            return fail(p, col, "missing register name after '$'");
        char name[32];
        snprintf(name, sizeof name, "%.*s", len, p->t + p->pos);
        p->pos += len;
        uint64_t r;
        if (!reg_value(p, name, &r))
            return fail(p, col, "unknown register '$%s'", name);
        *v = (sval_t){.v = r};
        return true;
    }
    if (ident_at(p, &len)) {
        char name[256];
        snprintf(name, sizeof name, "%.*s", len, p->t + p->pos);
        p->pos += len;
        if (!strcmp(name, "sizeof")) {
            const dtype_t *t;
            ws(p);
            if (p->t[p->pos] == '(') {
                int save = p->pos++;
                if (type_name(p, &t)) {
                    p->pos++;
                    *v = (sval_t){.type = size_type(p), .v = dtype_strip(t)->size};
                    return true;
                }
                p->pos = save;
            }
            sval_t x;
            if (!unary(p, &x))
                return false;
            *v = (sval_t){.type = size_type(p), .v = x.type ? dtype_strip(x.type)->size : xbytes(p)};
            return true;
        }
        return variable(p, name, col, v);
    }
    if (!c)
        return fail(p, col, "expression expected");
    return fail(p, col, "unexpected '%c'", c);
}

static bool member(sp_t *p, sval_t *v, int col)
{
    int len;
    if (!ident_at(p, &len))
        return fail(p, p->pos, "member name expected");
    const char *name = p->t + p->pos;
    const dtype_t *t = dtype_strip(v->type);
    if (!v->type || (t->kind != DT_STRUCT && t->kind != DT_UNION))
        return fail(p, col, "not a struct or union");
    if (!v->lval)
        return fail(p, col, "struct not in memory");
    for (unsigned i = 0; i < t->nmembers; i++) {
        const dmember_t *m = &t->members[i];
        if (m->name && (int)strlen(m->name) == len && !strncmp(m->name, name, (size_t)len)) {
            at(v, m->type, v->addr + m->offset);
            v->bit_size = m->bit_size;
            v->bit_off = m->bit_offset;
            p->pos += len;
            return true;
        }
    }
    return fail(p, p->pos, "There is no member named %.*s.", len, name);
}

/* *v: a pointer's target; sdb's XLEN-wide load for anything else */
static bool deref(sp_t *p, sval_t *v, int col)
{
    const dtype_t *t = dtype_strip(v->type);
    if (v->type && t->kind != DT_PTR && t->kind != DT_ARRAY && !v->named)
        return fail(p, col, "Attempt to take contents of a non-pointer value.");
    if (v->type && (t->kind == DT_PTR || t->kind == DT_ARRAY)) {
        if (!rvalue(p, v, col))
            return false;
        const dtype_t *tg = dtype_strip(v->type)->target;
        if (!tg || dtype_strip(tg)->kind == DT_VOID)
            return fail(p, col, "Attempt to take contents of a non-pointer value.");
        at(v, tg, v->v);
        return true;
    }
    /* sdb: *ADDR, and *name for a variable that is no pointer: a word there */
    uint64_t a = v->type ? v->addr : v->v;
    if (v->type && !v->lval)
        return fail(p, col, "Attempt to take contents of a non-pointer value.");
    uint8_t b[8] = {0};
    if (!mon_read_virt(mon_hart(p->M), a & xmask(p), b, xbytes(p)))
        return fail(p, col, "cannot read memory at address 0x%" PRIx64, a & xmask(p));
    uint64_t x = 0;
    for (unsigned i = xbytes(p); i-- > 0;)
        x = x << 8 | b[i];
    *v = (sval_t){.v = x};
    return true;
}

static bool postfix(sp_t *p, sval_t *v)
{
    if (!primary(p, v))
        return false;
    for (;;) {
        ws(p);
        int col = p->pos;
        if (accept(p, "[")) {
            sval_t i;
            if (!expr(p, 0, &i) || !rvalue(p, &i, col))
                return false;
            if (!accept(p, "]"))
                return fail(p, p->pos, "expected ']'");
            if (!v->type)
                return fail(p, col, "cannot subscript something that is not an array or a pointer");
            if (!rvalue(p, v, col))
                return false;
            const dtype_t *t = dtype_strip(v->type);
            if (t->kind != DT_PTR)
                return fail(p, col, "cannot subscript something that is not an array or a pointer");
            uint64_t es = t->target ? dtype_strip(t->target)->size : 1;
            at(v, t->target, (v->v + i.v * es) & xmask(p));
        } else if (accept(p, "->")) {
            if (!deref(p, v, col) || !member(p, v, col))
                return false;
        } else if (accept(p, ".")) {
            if (!member(p, v, col))
                return false;
        } else {
            return true;
        }
        v->named = false;
    }
}

static bool unary(sp_t *p, sval_t *v)
{
    if (++p->depth > MAX_DEPTH)
        return fail(p, p->pos, "expression nested too deeply");
    ws(p);
    int col = p->pos;
    bool ok;
    const dtype_t *t;
    if (p->t[p->pos] == '(') {
        p->pos++;
        if (type_name(p, &t)) {
            p->pos++; /* ')' */
            if (!unary(p, v) || !rvalue(p, v, col))
                return false;
            const dtype_t *s = dtype_strip(t);
            if (!is_scalar(s))
                return fail(p, col, "can only cast to a scalar type");
            v->type = t;
            v->v = extend(t, v->v, (unsigned)(s->size > 8 ? 64 : s->size * 8));
            ok = true;
            goto out;
        }
        p->pos = col;
    }
    if (accept(p, "*")) {
        ok = unary(p, v) && deref(p, v, col);
    } else if (accept(p, "&")) {
        ok = unary(p, v);
        if (ok && !v->type)
            v->type = NULL; /* &symbol: its address, as sdb's symbol is */
        else if (ok && !v->lval)
            ok = fail(p, col, "Attempt to take address of value not located in memory.");
        else if (ok) {
            if (v->bit_size)
                ok = fail(p, col, "Attempt to take address of a bit field.");
            v->type = dinfo_pointer_to(p->d, v->type);
            v->v = v->addr;
            v->lval = false;
        }
    } else if (accept(p, "-")) {
        ok = unary(p, v) && rvalue(p, v, col);
        v->v = -v->v;
    } else if (accept(p, "!")) {
        ok = unary(p, v) && rvalue(p, v, col);
        *v = (sval_t){.v = !v->v};
    } else if (accept(p, "~")) {
        ok = unary(p, v) && rvalue(p, v, col);
        v->v = ~v->v;
    } else {
        ok = postfix(p, v);
    }
out:
    p->depth--;
    return ok;
}

static const struct { const char *s; int prec; } binops[] = {
    {"||", 1}, {"&&", 2}, {"|", 3}, {"^", 4}, {"&", 5}, {"==", 6}, {"!=", 6},
    {"<<", 8}, {">>", 8}, {"<=", 7}, {">=", 7}, {"<", 7}, {">", 7},
    {"+", 9}, {"-", 9}, {"*", 10}, {"/", 10}, {"%", 10},
};

/* The type of a binary result: the wider operand's (unsigned on a tie). */
static const dtype_t *result_type(const sval_t *a, const sval_t *b)
{
    if (!a->type || !b->type)
        return a->type ? a->type : b->type;
    const dtype_t *x = dtype_strip(a->type), *y = dtype_strip(b->type);
    if (x->size != y->size)
        return x->size > y->size ? a->type : b->type;
    return !x->is_signed ? a->type : b->type;
}

static bool binary(sp_t *p, const char *op, int col, sval_t *a, sval_t *b)
{
    if (!rvalue(p, a, col) || !rvalue(p, b, col))
        return false;
    const dtype_t *ta = dtype_strip(a->type), *tb = dtype_strip(b->type);
    bool pa = a->type && ta->kind == DT_PTR, pb = b->type && tb->kind == DT_PTR;
    uint64_t x = a->v, y = b->v, r;
    const dtype_t *rt = NULL;
    if ((pa || pb) && (!strcmp(op, "+") || !strcmp(op, "-"))) {
        if (pa && pb && op[0] == '-') {
            uint64_t es = ta->target ? dtype_strip(ta->target)->size : 1;
            *a = (sval_t){.v = (x - y) / (es ? es : 1)};
            return true;
        }
        const sval_t *ptr = pa ? a : b;
        uint64_t n = pa ? y : x;
        const dtype_t *tg = dtype_strip(ptr->type)->target;
        uint64_t es = tg ? dtype_strip(tg)->size : 1;
        rt = ptr->type;
        r = op[0] == '+' ? ptr->v + n * es : ptr->v - n * es;
        *a = (sval_t){.type = rt, .v = r & xmask(p)};
        return true;
    }
    rt = result_type(a, b);
    const dtype_t *rs = dtype_strip(rt);
    bool sgn = rt && rs->is_signed;
    int64_t sx = (int64_t)x, sy = (int64_t)y;
    bool cmp = false;
    if (!strcmp(op, "+")) r = x + y;
    else if (!strcmp(op, "-")) r = x - y;
    else if (!strcmp(op, "*")) r = x * y;
    else if (!strcmp(op, "/") || !strcmp(op, "%")) {
        if (!y)
            return fail(p, col, "Division by zero");
        if (sgn && !(sx == INT64_MIN && sy == -1))
            r = op[0] == '/' ? (uint64_t)(sx / sy) : (uint64_t)(sx % sy);
        else if (!rt) {
            uint64_t ux = x & xmask(p), uy = y & xmask(p);
            r = op[0] == '/' ? ux / uy : ux % uy;
        } else
            r = op[0] == '/' ? x / y : x % y;
    }
    else if (!strcmp(op, "<<")) r = y >= 64 ? 0 : x << y;
    else if (!strcmp(op, ">>")) r = y >= 64 ? 0 : sgn ? (uint64_t)(sx >> y) : (x & (rt ? ~0ull : xmask(p))) >> y;
    else if (!strcmp(op, "&")) r = x & y;
    else if (!strcmp(op, "|")) r = x | y;
    else if (!strcmp(op, "^")) r = x ^ y;
    else {
        cmp = true;
        if (!rt) {
            x &= xmask(p);
            y &= xmask(p);
        }
        if (!strcmp(op, "==")) r = x == y;
        else if (!strcmp(op, "!=")) r = x != y;
        else if (!strcmp(op, "&&")) r = x && y;
        else if (!strcmp(op, "||")) r = x || y;
        else if (sgn) r = !strcmp(op, "<") ? sx < sy : !strcmp(op, ">") ? sx > sy
                        : !strcmp(op, "<=") ? sx <= sy : sx >= sy;
        else r = !strcmp(op, "<") ? x < y : !strcmp(op, ">") ? x > y : !strcmp(op, "<=") ? x <= y : x >= y;
    }
    if (cmp) /* C: an int, when the operands are the program's */
        rt = rt && p->d ? dinfo_type(p->d, "int") : NULL;
    *a = (sval_t){.type = rt, .v = rt ? extend(rt, r, (unsigned)(rs->size > 8 ? 64 : rs->size * 8)) : r & xmask(p)};
    return true;
}

static bool expr(sp_t *p, int minprec, sval_t *v)
{
    if (!unary(p, v))
        return false;
    for (;;) {
        ws(p);
        int col = p->pos, k;
        int n = (int)(sizeof binops / sizeof *binops);
        for (k = 0; k < n; k++) {
            size_t l = strlen(binops[k].s);
            if (strncmp(p->t + p->pos, binops[k].s, l))
                continue;
            /* "->" is a member access, "&&"/"||" are not "&"/"|" */
            if (l == 1 && (p->t[p->pos + 1] == binops[k].s[0] && strchr("&|<>", binops[k].s[0])))
                continue;
            if (!strcmp(binops[k].s, "-") && p->t[p->pos + 1] == '>')
                continue;
            break;
        }
        if (k == n || binops[k].prec <= minprec)
            return true;
        const char *op = binops[k].s;
        p->pos += (int)strlen(op);
        sval_t r;
        if (!strcmp(op, "&&") || !strcmp(op, "||")) {
            /* C's short circuit: the right side is parsed, not evaluated */
            if (!rvalue(p, v, col))
                return false;
            bool decided = !strcmp(op, "&&") ? !v->v : v->v != 0;
            int save_failed = p->failed;
            if (!expr(p, binops[k].prec, &r) && !decided)
                return false;
            if (decided) {
                p->failed = save_failed;
                *v = (sval_t){.v = op[0] == '|'};
                continue;
            }
            if (!rvalue(p, &r, col))
                return false;
            *v = (sval_t){.v = op[0] == '|' ? (v->v || r.v) : (v->v && r.v)};
            continue;
        }
        if (!expr(p, binops[k].prec, &r) || !binary(p, op, col, v, &r))
            return false;
    }
}

/* ---- entry points --------------------------------------------------- */

static bool mem_reader(void *ctx, uint64_t addr, void *buf, unsigned len)
{
    mon_t *M = ctx;
    return mon_read_virt(mon_hart(M), addr, buf, len);
}

dinfo_t *mon_dinfo(mon_t *M)
{
    if (!M->dinfo_tried) {
        M->dinfo_tried = true;
        char err[256];
        if (M->s->img)
            M->dinfo = dinfo_open(image_path(M->s->img), M->m->xlen, err, sizeof err);
        if (M->dinfo)
            dinfo_set_memory(M->dinfo, mem_reader, M);
    }
    return M->dinfo;
}

void mon_frame0(mon_t *M, dframe_t *f)
{
    hart_t *h = mon_hart(M);
    *f = (dframe_t){.pc = h->pc, .valid = ~0u};
    for (int i = 1; i < 32; i++)
        f->x[i] = h->x[i];
}

static bool eval(mon_t *M, const char *text, const dframe_t *f, sval_t *out, bool quiet)
{
    dframe_t f0;
    if (!f) {
        mon_frame0(M, &f0);
        f = &f0;
    }
    sp_t p = {.M = M, .d = mon_dinfo(M), .f = f, .t = text};
    bool ok = expr(&p, 0, out);
    ws(&p);
    if (ok && p.t[p.pos])
        ok = fail(&p, p.pos, "unexpected '%c'", p.t[p.pos]);
    if (!ok && !quiet)
        mon_expr_error(M, text, &p.err);
    return ok;
}

bool src_eval(mon_t *M, const char *text, const dframe_t *f, sval_t *out)
{
    return eval(M, text, f, out, false);
}

bool src_eval_quiet(mon_t *M, const char *text, const dframe_t *f, sval_t *out)
{
    return eval(M, text, f, out, true);
}

bool src_scalar(mon_t *M, const sval_t *v, uint64_t *out)
{
    sval_t c = *v;
    if (c.optout)
        return false;
    if (c.type) {
        const dtype_t *t = dtype_strip(c.type);
        if (t->kind == DT_ARRAY || t->kind == DT_STRUCT || t->kind == DT_UNION || t->kind == DT_FUNC) {
            if (!c.lval)
                return false;
            *out = c.addr;
            return true;
        }
        if ((c.lval || c.in_reg) && !src_load(M, &c))
            return false;
    }
    *out = c.v;
    return true;
}

bool src_assign(mon_t *M, const sval_t *dst, uint64_t val)
{
    const dtype_t *t = dtype_strip(dst->type);
    if (!dst->type || !is_scalar(t))
        return false;
    unsigned size = (unsigned)(t->size > 8 ? 8 : t->size);
    hart_t *h = mon_hart(M);
    if (dst->in_reg) {
        if (dst->reg == 0 || dst->reg >= 32)
            return false;
        h->x[dst->reg] = M->m->xlen == 32 ? (uint32_t)val : val;
        return true;
    }
    if (!dst->lval)
        return false;
    uint8_t b[8];
    if (dst->bit_size) {
        uint64_t word = 0;
        if (!mon_read_virt(h, dst->addr, b, size))
            return false;
        for (unsigned i = size; i-- > 0;)
            word = word << 8 | b[i];
        uint64_t m = (dst->bit_size >= 64 ? ~0ull : (1ull << dst->bit_size) - 1) << dst->bit_off;
        val = (word & ~m) | ((val << dst->bit_off) & m);
    }
    for (unsigned i = 0; i < size; i++) {
        uint64_t pa;
        b[i] = (uint8_t)(val >> (8 * i));
        if (!mon_v2p(h, dst->addr + i, &pa) || !machine_phys_write(M->m, pa, b + i, 1))
            return false;
    }
    return true;
}

bool src_names_variable(mon_t *M, const char *text)
{
    dinfo_t *d = mon_dinfo(M);
    if (!d)
        return false;
    dframe_t f;
    mon_frame0(M, &f);
    for (const char *s = text; *s;) {
        if (*s == '$') {            /* a register name is not a variable */
            s++;
            while (isalnum((unsigned char)*s) || *s == '_')
                s++;
            continue;
        }
        if (isalpha((unsigned char)*s) || *s == '_') {
            const char *e = s;
            while (isalnum((unsigned char)*e) || *e == '_')
                e++;
            char name[128];
            dloc_t l;
            snprintf(name, sizeof name, "%.*s", (int)(e - s), s);
            if ((s == text || s[-1] != '.') && (s < text + 2 || strncmp(s - 2, "->", 2)) &&
                dinfo_variable(d, &f, name, &l, NULL))
                return true;
            s = e;
            continue;
        }
        if (isdigit((unsigned char)*s)) { /* 0x1f: not the name "x1f" */
            while (isalnum((unsigned char)*s))
                s++;
            continue;
        }
        s++;
    }
    return false;
}

bool src_watch_text(mon_t *M, const char *text, char *out, size_t n)
{
    sval_t v;
    if (!src_eval(M, text, NULL, &v))
        return false;
    const dtype_t *t = dtype_strip(v.type);
    unsigned xb = (unsigned)M->m->xlen / 8;
    if (!v.type || !v.lval || v.bit_size || !is_scalar(t) || t->size > xb || !t->size) {
        mon_printf(M, "Cannot watch '%s': only a scalar variable, member or element in memory, "
                   "of at most %u bytes, can be watched.\n", text, xb);
        return false;
    }
    if (t->size == xb)
        snprintf(out, n, "*0x%" PRIx64, v.addr);
    else
        snprintf(out, n, "*0x%" PRIx64 " & 0x%" PRIx64, v.addr, (uint64_t)((1ull << (8 * t->size)) - 1));
    return true;
}

bool src_is_source(mon_t *M, const char *text)
{
    const char *t = text;
    while (isspace((unsigned char)*t))
        t++;
    expr_env_t env = mon_env(M, M->cur);
    expr_error_t err;
    expr_t *e = expr_parse(text, &env, &err);
    bool sdb = e != NULL;
    expr_free(e);
    /* *counter keeps sdb's meaning (a word at the symbol); counter is the variable */
    if (sdb && *t == '*')
        return false;
    if (src_names_variable(M, text))
        return true;
    if (sdb)
        return false;
    /* what sdb cannot parse and only the source language has */
    if (strchr(text, '[') || strstr(text, "->") || strstr(text, "sizeof") || strchr(text, '\''))
        return mon_dinfo(M) != NULL;
    for (const char *c = strchr(text, '('); c; c = strchr(c + 1, '(')) {
        const char *q = c + 1;
        while (isspace((unsigned char)*q))
            q++;
        if (isalpha((unsigned char)*q) || *q == '_')
            return mon_dinfo(M) != NULL;   /* a cast, maybe */
    }
    return false;
}
