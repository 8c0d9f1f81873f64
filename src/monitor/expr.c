/* Monitor expressions: tokenizer, precedence-climbing parser into a flat
 * node array, and a recursive evaluator.  Semantics are in expr.h. */
#include "monitor/expr.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum op {
    OP_NUM, OP_REG,                          /* leaves (a symbol is a NUM) */
    OP_DEREF, OP_NEG, OP_NOT, OP_BNOT,       /* unary */
    OP_MUL, OP_DIV, OP_MOD, OP_ADD, OP_SUB, OP_SHL, OP_SHR,
    OP_LT, OP_GT, OP_LE, OP_GE, OP_EQ, OP_NE,
    OP_BAND, OP_XOR, OP_BOR, OP_LAND, OP_LOR,
};

/* Longer than any register or CSR name; a longer $name is unknown. */
#define REG_NAME_MAX 24
/* Bounds on parser recursion ('(' and unary nesting) and on tree depth,
 * so hostile input cannot overflow the C stack in parse or eval. */
#define MAX_NEST 256
#define MAX_DEPTH 1000

typedef struct node {
    uint8_t op;
    uint16_t depth; /* of the subtree rooted here */
    int col;        /* of the token, for eval errors */
    int32_t a, b;   /* operands: indexes into expr.nodes */
    int8_t gpr;     /* OP_REG: x index if the name is a GPR, else -1 */
    union {
        uint64_t num;
        char reg[REG_NAME_MAX];
    } u;
} node_t;

/* Loads of the last evaluation.  Separate from struct expr so that
 * expr_eval can record them through a const expr_t *. */
typedef struct read_log {
    size_t n;
    struct { uint64_t addr; unsigned size; } r[];
} read_log_t;

struct expr {
    node_t *nodes;
    int32_t root;
    bool reads_mem;
    uint64_t regmask; /* expr_gpr_mask */
    read_log_t *log;  /* room for one load per dereference node */
};

/* ---- errors ------------------------------------------------------------ */

static bool fail(expr_error_t *err, int col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail(expr_error_t *err, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->col = col;
    return false;
}

/* Token text is quoted in messages, cut short so the message fits. */
#define QUOTE_MAX 40
#define QLEN(len) ((len) > QUOTE_MAX ? QUOTE_MAX : (len))

/* ---- tokens ------------------------------------------------------------ */

enum tok { TK_END, TK_NUM, TK_REG, TK_SYM, TK_OP, TK_LPAREN, TK_RPAREN };

typedef struct token {
    enum tok kind;
    int bin, un;  /* TK_OP: the binary / unary operator it can be, or -1 */
    int col, len; /* where it is in the text */
    uint64_t num; /* TK_NUM */
} token_t;

/* Two-character operators first, so "<<" is not read as "<" "<". */
static const struct { char s[3]; int8_t bin, un; } op_table[] = {
    {"<<", OP_SHL, -1}, {">>", OP_SHR, -1}, {"<=", OP_LE, -1}, {">=", OP_GE, -1},
    {"==", OP_EQ, -1},  {"!=", OP_NE, -1},  {"&&", OP_LAND, -1}, {"||", OP_LOR, -1},
    {"*", OP_MUL, OP_DEREF}, {"/", OP_DIV, -1}, {"%", OP_MOD, -1},
    {"+", OP_ADD, -1}, {"-", OP_SUB, OP_NEG}, {"<", OP_LT, -1}, {">", OP_GT, -1},
    {"&", OP_BAND, -1}, {"^", OP_XOR, -1}, {"|", OP_BOR, -1},
    {"!", -1, OP_NOT}, {"~", -1, OP_BNOT},
};

/* C's binary precedence; higher binds tighter. */
static int precedence(int op)
{
    switch (op) {
    case OP_MUL: case OP_DIV: case OP_MOD: return 10;
    case OP_ADD: case OP_SUB: return 9;
    case OP_SHL: case OP_SHR: return 8;
    case OP_LT: case OP_GT: case OP_LE: case OP_GE: return 7;
    case OP_EQ: case OP_NE: return 6;
    case OP_BAND: return 5;
    case OP_XOR: return 4;
    case OP_BOR: return 3;
    case OP_LAND: return 2;
    default: return 1; /* OP_LOR */
    }
}

static bool ident_start(char c) { return isalpha((unsigned char)c) || c == '_' || c == '.'; }
static bool ident_char(char c) { return isalnum((unsigned char)c) || c == '_' || c == '.'; }

typedef struct parser {
    const char *text;
    int pos;                 /* where the next token starts looking */
    token_t tok;             /* the current token */
    const expr_env_t *env;
    uint64_t xmask;          /* 2^XLEN - 1 */
    int xlen;
    node_t *nodes;
    int32_t n, cap;
    int nest;                /* current '(' and unary nesting */
    int derefs;              /* dereference nodes, to size the read log */
    expr_error_t *err;
} parser_t;

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = (char)tolower((unsigned char)c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Decimal or 0x hex.  The token already spans every identifier character
 * after the first digit, so "12ab" or "1.5" is one bad number, not two
 * tokens. */
static bool lex_number(parser_t *p, token_t *t)
{
    const char *s = p->text + t->col;
    int base = 10, k = 0;
    if (t->len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        k = 2;
    }
    bool big = false;
    uint64_t v = 0;
    if (k == t->len)
        return fail(p->err, t->col, "invalid number '%.*s'", QLEN(t->len), s);
    for (; k < t->len; k++) {
        int d = digit_value(s[k]);
        if (d < 0 || d >= base)
            return fail(p->err, t->col, "invalid number '%.*s'", QLEN(t->len), s);
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            big = true; /* keep scanning: a bad digit is the better message */
        else
            v = v * (uint64_t)base + (uint64_t)d;
    }
    if (big || v > p->xmask)
        return fail(p->err, t->col, "number too large for %d bits: '%.*s'",
                    p->xlen, QLEN(t->len), s);
    t->num = v;
    return true;
}

/* Reads the token at p->pos into p->tok. */
static bool lex(parser_t *p)
{
    const char *s = p->text;
    int i = p->pos;
    while (isspace((unsigned char)s[i]))
        i++;
    token_t *t = &p->tok;
    *t = (token_t){.kind = TK_END, .bin = -1, .un = -1, .col = i};
    char c = s[i];
    int j = i + 1;
    if (c == '\0') {
        j = i;
    } else if (isdigit((unsigned char)c) || ident_start(c)) {
        while (ident_char(s[j]))
            j++;
        t->kind = isdigit((unsigned char)c) ? TK_NUM : TK_SYM;
    } else if (c == '$') {
        while (ident_char(s[j]))
            j++;
        if (j == i + 1)
            return fail(p->err, i, "missing register name after '$'");
        t->kind = TK_REG;
    } else if (c == '(' || c == ')') {
        t->kind = c == '(' ? TK_LPAREN : TK_RPAREN;
    } else {
        size_t k;
        for (k = 0; k < sizeof op_table / sizeof op_table[0]; k++) {
            size_t n = strlen(op_table[k].s);
            if (strncmp(s + i, op_table[k].s, n) == 0) {
                t->kind = TK_OP;
                t->bin = op_table[k].bin;
                t->un = op_table[k].un;
                j = i + (int)n;
                break;
            }
        }
        if (t->kind != TK_OP) {
            if (isprint((unsigned char)c))
                return fail(p->err, i, "invalid character '%c'", c);
            return fail(p->err, i, "invalid character '\\x%02x'", (unsigned char)c);
        }
    }
    t->len = j - i;
    p->pos = j;
    return t->kind != TK_NUM || lex_number(p, t);
}

/* ---- parser ------------------------------------------------------------ */

static int32_t add_node(parser_t *p, int op, int col, int32_t a, int32_t b)
{
    int depth = 1;
    if (a >= 0 && p->nodes[a].depth >= depth)
        depth = p->nodes[a].depth + 1;
    if (b >= 0 && p->nodes[b].depth >= depth)
        depth = p->nodes[b].depth + 1;
    if (depth > MAX_DEPTH) {
        fail(p->err, col, "expression nested too deeply");
        return -1;
    }
    if (p->n == p->cap) {
        int32_t cap = p->cap ? p->cap * 2 : 16;
        node_t *nodes = realloc(p->nodes, (size_t)cap * sizeof *nodes);
        if (!nodes) {
            fail(p->err, col, "out of memory");
            return -1;
        }
        p->nodes = nodes;
        p->cap = cap;
    }
    node_t *nd = &p->nodes[p->n];
    memset(nd, 0, sizeof *nd);
    nd->op = (uint8_t)op;
    nd->depth = (uint16_t)depth;
    nd->col = col;
    nd->a = a;
    nd->b = b;
    return p->n++;
}

static bool enter(parser_t *p)
{
    if (++p->nest > MAX_NEST)
        return fail(p->err, p->tok.col, "expression nested too deeply");
    return true;
}

static int32_t parse_binary(parser_t *p, int min_prec);

/* A symbol becomes the number it stands for. */
static int32_t parse_symbol(parser_t *p)
{
    const token_t t = p->tok;
    const char *s = p->text + t.col;
    char *name = strndup(s, (size_t)t.len);
    if (!name) {
        fail(p->err, t.col, "out of memory");
        return -1;
    }
    uint64_t v, dummy;
    bool ok = p->env->sym && p->env->sym(p->env->ctx, name, &v);
    /* "a0" instead of "$a0" is an easy slip; say so. */
    bool is_reg = !ok && t.len < REG_NAME_MAX && p->env->reg &&
                  p->env->reg(p->env->ctx, name, &dummy);
    free(name);
    if (!ok) {
        if (is_reg)
            fail(p->err, t.col, "unknown symbol '%.*s' (for the register, write '$%.*s')",
                 t.len, s, t.len, s);
        else
            fail(p->err, t.col, "unknown symbol '%.*s'", QLEN(t.len), s);
        return -1;
    }
    int32_t i = add_node(p, OP_NUM, t.col, -1, -1);
    if (i >= 0)
        p->nodes[i].u.num = v;
    return i;
}

static int32_t parse_register(parser_t *p)
{
    const token_t t = p->tok;
    const char *name = p->text + t.col + 1; /* after '$' */
    int len = t.len - 1;
    char buf[REG_NAME_MAX];
    uint64_t dummy;
    if (len < REG_NAME_MAX) {
        memcpy(buf, name, (size_t)len);
        buf[len] = '\0';
    }
    if (len >= REG_NAME_MAX || !p->env->reg || !p->env->reg(p->env->ctx, buf, &dummy)) {
        fail(p->err, t.col, "unknown register '$%.*s'", QLEN(len), name);
        return -1;
    }
    int32_t i = add_node(p, OP_REG, t.col, -1, -1);
    if (i >= 0)
        memcpy(p->nodes[i].u.reg, buf, (size_t)len + 1);
    return i;
}

/* unary: ('*' | '-' | '!' | '~') unary | operand */
static int32_t parse_unary(parser_t *p)
{
    const token_t t = p->tok;
    int32_t i;
    switch (t.kind) {
    case TK_NUM:
        i = add_node(p, OP_NUM, t.col, -1, -1);
        if (i >= 0)
            p->nodes[i].u.num = t.num;
        break;
    case TK_SYM:
        i = parse_symbol(p);
        break;
    case TK_REG:
        i = parse_register(p);
        break;
    case TK_LPAREN:
        if (!enter(p) || !lex(p) || (i = parse_binary(p, 0)) < 0)
            return -1;
        if (p->tok.kind != TK_RPAREN) {
            fail(p->err, p->tok.col, "missing ')'");
            return -1;
        }
        p->nest--;
        break;
    case TK_OP:
        if (t.un >= 0) {
            int32_t a;
            if (!enter(p) || !lex(p) || (a = parse_unary(p)) < 0)
                return -1;
            p->nest--;
            if (t.un == OP_DEREF)
                p->derefs++;
            return add_node(p, t.un, t.col, a, -1);
        }
        /* fall through */
    default:
        if (t.kind == TK_END)
            fail(p->err, t.col, "unexpected end of expression");
        else
            fail(p->err, t.col, "unexpected '%.*s'", QLEN(t.len), p->text + t.col);
        return -1;
    }
    return i >= 0 && lex(p) ? i : -1;
}

/* Precedence climbing: operators binding at least as tight as min_prec;
 * the right operand takes only tighter ones, which makes them left
 * associative. */
static int32_t parse_binary(parser_t *p, int min_prec)
{
    int32_t lhs = parse_unary(p);
    while (lhs >= 0 && p->tok.kind == TK_OP && p->tok.bin >= 0 &&
           precedence(p->tok.bin) >= min_prec) {
        const token_t t = p->tok;
        int32_t rhs;
        if (!lex(p) || (rhs = parse_binary(p, precedence(t.bin) + 1)) < 0)
            return -1;
        lhs = add_node(p, t.bin, t.col, lhs, rhs);
    }
    return lhs;
}

static const expr_env_t default_env = {.xlen = 64};

static uint64_t xlen_mask(int xlen) { return xlen == 32 ? UINT32_MAX : UINT64_MAX; }

expr_t *expr_parse(const char *text, const expr_env_t *env, expr_error_t *err)
{
    expr_error_t scratch;
    parser_t p = {.text = text, .env = env ? env : &default_env, .err = err ? err : &scratch};
    p.xlen = p.env->xlen;
    if (p.xlen != 32 && p.xlen != 64) {
        fail(p.err, 0, "unsupported XLEN %d", p.xlen);
        return NULL;
    }
    p.xmask = xlen_mask(p.xlen);

    expr_t *e = NULL;
    int32_t root = -1;
    if (lex(&p)) {
        if (p.tok.kind == TK_END)
            fail(p.err, 0, "empty expression");
        else if ((root = parse_binary(&p, 0)) >= 0 && p.tok.kind != TK_END) {
            if (p.tok.kind == TK_RPAREN)
                fail(p.err, p.tok.col, "unmatched ')'");
            else
                fail(p.err, p.tok.col, "trailing garbage '%.*s'",
                     QLEN(p.tok.len), text + p.tok.col);
            root = -1;
        }
    }
    if (root >= 0) {
        e = calloc(1, sizeof *e);
        read_log_t *log = calloc(1, sizeof *log + (size_t)p.derefs * sizeof log->r[0]);
        if (!e || !log) {
            free(e);
            free(log);
            e = NULL;
            fail(p.err, 0, "out of memory");
        } else {
            e->nodes = p.nodes;
            e->root = root;
            e->log = log;
            p.nodes = NULL;
        }
    }
    free(p.nodes);
    if (!e)
        return NULL;

    /* Classification depends on the text only, so compute it once. */
    for (int32_t i = 0; i < p.n; i++) {
        const node_t *nd = &e->nodes[i];
        if (nd->op == OP_DEREF)
            e->reads_mem = true;
        if (nd->op == OP_REG) {
            int g = expr_gpr_index(nd->u.reg);
            e->nodes[i].gpr = (int8_t)g;
            e->regmask |= g >= 0 ? 1ull << g
                        : strcmp(nd->u.reg, "pc") == 0 ? EXPR_MASK_PC
                        : EXPR_MASK_PRIV_CSR;
        }
    }
    return e;
}

void expr_free(expr_t *e)
{
    if (!e)
        return;
    free(e->nodes);
    free(e->log);
    free(e);
}

/* ---- evaluation -------------------------------------------------------- */

typedef struct evaluator {
    const expr_t *e;
    const expr_env_t *env;
    uint64_t xmask;
    unsigned xlen;
    expr_error_t *err;
} evaluator_t;

static bool eval_node(const evaluator_t *ev, int32_t i, uint64_t *out)
{
    const node_t *nd = &ev->e->nodes[i];
    const expr_env_t *env = ev->env;
    uint64_t l, r, m = ev->xmask;

    switch (nd->op) {
    case OP_NUM:
        *out = nd->u.num & m;
        return true;
    case OP_REG:
        if (nd->gpr >= 0 && env->gprs) {
            *out = env->gprs[nd->gpr] & m;
            return true;
        }
        if (!env->reg || !env->reg(env->ctx, nd->u.reg, &l))
            return fail(ev->err, nd->col, "cannot read register '$%s'", nd->u.reg);
        *out = l & m;
        return true;
    case OP_LAND: /* short-circuit, as in C */
    case OP_LOR:
        if (!eval_node(ev, nd->a, &l))
            return false;
        if ((l != 0) == (nd->op == OP_LOR)) {
            *out = l != 0;
            return true;
        }
        if (!eval_node(ev, nd->b, &r))
            return false;
        *out = r != 0;
        return true;
    default:
        break;
    }

    if (!eval_node(ev, nd->a, &l))
        return false;
    if (nd->b >= 0 && !eval_node(ev, nd->b, &r))
        return false;
    switch (nd->op) {
    case OP_DEREF: {
        unsigned size = ev->xlen / 8;
        if (!env->mem || !env->mem(env->ctx, l, size, &r))
            return fail(ev->err, nd->col, "cannot read memory at 0x%llx",
                        (unsigned long long)l);
        read_log_t *log = ev->e->log;
        log->r[log->n].addr = l;
        log->r[log->n].size = size;
        log->n++;
        *out = r & m;
        return true;
    }
    case OP_NEG: *out = (0 - l) & m; return true;
    case OP_NOT: *out = l == 0; return true;
    case OP_BNOT: *out = ~l & m; return true;
    case OP_MUL: *out = (l * r) & m; return true;
    case OP_DIV:
    case OP_MOD:
        if (r == 0)
            return fail(ev->err, nd->col, "%s by zero",
                        nd->op == OP_DIV ? "division" : "modulo");
        *out = nd->op == OP_DIV ? l / r : l % r;
        return true;
    case OP_ADD: *out = (l + r) & m; return true;
    case OP_SUB: *out = (l - r) & m; return true;
    /* A shift by XLEN or more shifts every bit out (C leaves it undefined). */
    case OP_SHL: *out = r >= ev->xlen ? 0 : (l << r) & m; return true;
    case OP_SHR: *out = r >= ev->xlen ? 0 : l >> r; return true;
    case OP_LT: *out = l < r; return true;
    case OP_GT: *out = l > r; return true;
    case OP_LE: *out = l <= r; return true;
    case OP_GE: *out = l >= r; return true;
    case OP_EQ: *out = l == r; return true;
    case OP_NE: *out = l != r; return true;
    case OP_BAND: *out = l & r; return true;
    case OP_XOR: *out = l ^ r; return true;
    case OP_BOR: *out = l | r; return true;
    }
    return fail(ev->err, nd->col, "internal error: bad node %d", nd->op);
}

bool expr_eval(const expr_t *e, const expr_env_t *env, uint64_t *val, expr_error_t *err)
{
    expr_error_t scratch;
    evaluator_t ev = {.e = e, .env = env ? env : &default_env, .err = err ? err : &scratch};
    if (ev.env->xlen != 32 && ev.env->xlen != 64)
        return fail(ev.err, 0, "unsupported XLEN %d", ev.env->xlen);
    ev.xlen = (unsigned)ev.env->xlen;
    ev.xmask = xlen_mask(ev.env->xlen);
    e->log->n = 0;
    return eval_node(&ev, e->root, val);
}

/* ---- classification ---------------------------------------------------- */

bool expr_reads_memory(const expr_t *e) { return e->reads_mem; }
bool expr_reads_registers(const expr_t *e) { return e->regmask != 0; }
uint64_t expr_gpr_mask(const expr_t *e) { return e->regmask; }

size_t expr_last_reads(const expr_t *e, uint64_t *addrs, unsigned *sizes, size_t max)
{
    const read_log_t *log = e->log;
    for (size_t i = 0; i < log->n && i < max; i++) {
        if (addrs)
            addrs[i] = log->r[i].addr;
        if (sizes)
            sizes[i] = log->r[i].size;
    }
    return log->n;
}

/* ---- register names ---------------------------------------------------- */

/* "0".."99" without leading zeros, else -1. */
static int small_number(const char *d)
{
    if (!isdigit((unsigned char)d[0]) || (d[0] == '0' && d[1] != '\0'))
        return -1;
    if (d[1] == '\0')
        return d[0] - '0';
    if (!isdigit((unsigned char)d[1]) || d[2] != '\0')
        return -1;
    return (d[0] - '0') * 10 + (d[1] - '0');
}

/* Decoded by shape rather than by searching a name table: a watch's
 * register callback calls this at every evaluation. */
int expr_gpr_index(const char *name)
{
    if (name[0] == '$')
        name++;
    /* x0-x31 and the numbered ABI names; a0-a7 = x10-x17, s0-s1 = x8-x9,
     * s2-s11 = x18-x27, t0-t2 = x5-x7, t3-t6 = x28-x31 */
    int n = name[0] ? small_number(name + 1) : -1;
    if (n >= 0) {
        switch (name[0]) {
        case 'x': return n <= 31 ? n : -1;
        case 'a': return n <= 7 ? 10 + n : -1;
        case 's': return n <= 1 ? 8 + n : n <= 11 ? 16 + n : -1;
        case 't': return n <= 2 ? 5 + n : n <= 6 ? 25 + n : -1;
        default: return -1;
        }
    }
    static const struct { char name[5]; int8_t index; } named[] = {
        {"zero", 0}, {"ra", 1}, {"sp", 2}, {"gp", 3}, {"tp", 4}, {"fp", 8},
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strcmp(name, named[i].name) == 0)
            return named[i].index;
    return -1;
}

int expr_fpr_index(const char *name)
{
    if (name[0] == '$')
        name++;
    /* f0-f31 and the ABI names: ft0-7 = f0-7, fs0-1 = f8-9, fa0-7 = f10-17,
     * fs2-11 = f18-27, ft8-11 = f28-31 */
    if (name[0] != 'f')
        return -1;
    int n = name[1] ? small_number(name + 2) : -1;
    switch (name[1]) {
    case 't': return n < 0 ? -1 : n <= 7 ? n : n <= 11 ? 20 + n : -1;
    case 's': return n < 0 ? -1 : n <= 1 ? 8 + n : n <= 11 ? 16 + n : -1;
    case 'a': return n < 0 ? -1 : n <= 7 ? 10 + n : -1;
    default:  n = small_number(name + 1); return n >= 0 && n <= 31 ? n : -1;
    }
}

/* ---- error display ----------------------------------------------------- */

typedef struct sink {
    char *buf;
    size_t size, len;
} sink_t;

static void put(sink_t *s, char c)
{
    if (s->len + 1 < s->size)
        s->buf[s->len] = c;
    s->len++;
}

int expr_error_render(char *buf, size_t size, const char *text, const expr_error_t *err)
{
    sink_t s = {.buf = buf, .size = size};
    size_t n = strlen(text);
    size_t col = err->col < 0 ? 0 : (size_t)err->col > n ? n : (size_t)err->col;
    for (size_t i = 0; i < n; i++)
        put(&s, text[i]);
    put(&s, '\n');
    /* Pad with what occupies each column above: a tab stays a tab, and a
     * UTF-8 character is one column however many bytes it has. */
    for (size_t i = 0; i < col; i++) {
        if (text[i] == '\t')
            put(&s, '\t');
        else if (((unsigned char)text[i] & 0xc0) != 0x80)
            put(&s, ' ');
    }
    put(&s, '^');
    put(&s, ' ');
    for (const char *m = err->msg; *m; m++)
        put(&s, *m);
    put(&s, '\n');
    if (size > 0)
        buf[s.len < size ? s.len : size - 1] = '\0';
    return (int)s.len;
}
