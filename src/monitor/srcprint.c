/* Printing a source-level value as GDB does (so a user reads the same
 * thing, and the tests can hold the two side by side): structs as
 * {a = 1, b = 2}, arrays as {1, 2} with runs of more than 10 equal
 * elements as "<repeats N times>", char arrays as strings, pointers with
 * the symbol they point into, chars as 65 'A'. The top-level value is
 * preceded by its type: (int) 5. */
#include "srcexpr.h"
#include <inttypes.h>
#include <string.h>

#define REPEAT_THRESHOLD 10   /* GDB's "set print repeats" */
#define MAX_ELEMENTS 200      /* GDB's "set print elements" */

static void print_obj(mon_t *M, const dtype_t *t, uint64_t addr, char fmt);

static void char_lit(mon_t *M, unsigned c, char quote)
{
    static const char esc[] = "\a\b\f\n\r\t\v";
    static const char name[] = "abfnrtv";
    const char *e = c ? strchr(esc, (int)c) : NULL;
    if (e)
        mon_printf(M, "\\%c", name[e - esc]);
    else if (c == (unsigned)quote || c == '\\')
        mon_printf(M, "\\%c", c);
    else if (c >= 0x20 && c < 0x7f)
        mon_printf(M, "%c", c);
    else
        mon_printf(M, "\\%03o", c & 0xff);
}

static void print_binary(mon_t *M, uint64_t v)
{
    int top = 63;
    while (top > 0 && !((v >> top) & 1))
        top--;
    for (int i = top; i >= 0; i--)
        mon_printf(M, "%c", (v >> i) & 1 ? '1' : '0');
}

/* A scalar v of type t (stripped), in format fmt (0: natural). */
static void print_scalar(mon_t *M, const dtype_t *t, uint64_t v, char fmt)
{
    unsigned bits = (unsigned)(t->size >= 8 ? 64 : t->size * 8);
    uint64_t u = bits >= 64 ? v : v & ((1ull << bits) - 1);
    switch (fmt) {
    case 'x': mon_printf(M, "0x%" PRIx64, u); return;
    case 'o': mon_printf(M, "0%" PRIo64, u); return;
    case 't': print_binary(M, u); return;
    case 'd': mon_printf(M, "%" PRId64, (int64_t)(bits >= 64 ? v : (u ^ (1ull << (bits - 1))) - (1ull << (bits - 1)))); return;
    case 'u': mon_printf(M, "%" PRIu64, u); return;
    case 'c':
        mon_printf(M, "%" PRId64 " '", (int64_t)(int8_t)u);
        char_lit(M, (unsigned)(u & 0xff), '\'');
        mon_printf(M, "'");
        return;
    default: break;
    }
    switch (t->kind) {
    case DT_BOOL:
        mon_printf(M, u == 0 ? "false" : u == 1 ? "true" : "%" PRIu64, u);
        return;
    case DT_ENUM:
        for (unsigned i = 0; i < t->nenums; i++)
            if ((uint64_t)t->enums[i].value == v || (bits < 64 && ((uint64_t)t->enums[i].value & ((1ull << bits) - 1)) == u)) {
                mon_printf(M, "%s", t->enums[i].name);
                return;
            }
        mon_printf(M, t->is_signed ? "%" PRId64 : "%" PRIu64, v);
        return;
    case DT_FLOAT:
        if (t->size == 4) {
            float f;
            uint32_t w = (uint32_t)u;
            memcpy(&f, &w, 4);
            mon_printf(M, "%.9g", (double)f);
        } else {
            double d;
            memcpy(&d, &u, 8);
            mon_printf(M, "%.17g", d);
        }
        return;
    case DT_PTR: {
        mon_printf(M, "0x%" PRIx64, u);
        const dtype_t *tg = dtype_strip(t->target);
        if (tg->kind == DT_INT && tg->is_char && tg->size == 1 && u) {
            char s[MAX_ELEMENTS + 1];
            unsigned n = 0;
            uint8_t c;
            while (n < MAX_ELEMENTS && mon_read_virt(mon_hart(M), u + n, &c, 1) && c)
                s[n++] = (char)c;
            mon_printf(M, " \"");
            for (unsigned i = 0; i < n; i++)
                char_lit(M, (unsigned char)s[i], '"');
            mon_printf(M, n == MAX_ELEMENTS ? "\"..." : "\"");
            return;
        }
        char sym[128];
        if (u && *mon_sym(M, u, sym, sizeof sym))
            mon_printf(M, " %s", sym);
        return;
    }
    default:
        break;
    }
    if (t->is_char) {
        mon_printf(M, t->is_signed ? "%" PRId64 " '" : "%" PRIu64 " '", v);
        char_lit(M, (unsigned)(u & 0xff), '\'');
        mon_printf(M, "'");
        return;
    }
    mon_printf(M, t->is_signed ? "%" PRId64 : "%" PRIu64, t->is_signed ? v : u);
}

static bool load(mon_t *M, const dtype_t *t, uint64_t addr, unsigned bit_size, unsigned bit_off,
                 uint64_t *v)
{
    sval_t s = {.type = t, .lval = true, .addr = addr, .bit_size = bit_size, .bit_off = bit_off};
    if (!src_load(M, &s))
        return false;
    *v = s.v;
    return true;
}

/* A char array as GDB prints it: one trailing NUL dropped, runs of more
 * than REPEAT_THRESHOLD equal chars as 'c' <repeats N times>. */
static void print_chars(mon_t *M, const uint8_t *b, uint64_t n)
{
    if (n && b[n - 1] == 0)
        n--;
    if (!n) {
        mon_printf(M, "\"\"");
        return;
    }
    bool in_str = false, first = true;
    for (uint64_t i = 0; i < n;) {
        uint64_t r = 1;
        while (i + r < n && b[i + r] == b[i])
            r++;
        if (r > REPEAT_THRESHOLD) {
            mon_printf(M, "%s%s'", in_str ? "\"" : "", first ? "" : ", ");
            char_lit(M, b[i], '\'');
            mon_printf(M, "' <repeats %" PRIu64 " times>", r);
            in_str = false;
            i += r;
        } else {
            if (!in_str)
                mon_printf(M, "%s\"", first ? "" : ", ");
            in_str = true;
            for (uint64_t k = 0; k < r; k++)
                char_lit(M, b[i], '"');
            i += r;
        }
        first = false;
    }
    if (in_str)
        mon_printf(M, "\"");
}

static void print_array(mon_t *M, const dtype_t *t, uint64_t addr, char fmt)
{
    const dtype_t *et = dtype_strip(t->target);
    uint64_t es = t->target ? t->target->size : 0, n = t->count;
    if (et->kind == DT_INT && et->is_char && es == 1 && !fmt) {
        uint8_t b[MAX_ELEMENTS];
        uint64_t k = n > MAX_ELEMENTS ? MAX_ELEMENTS : n;
        if (!mon_read_virt(mon_hart(M), addr, b, (unsigned)k)) {
            mon_printf(M, "<error: Cannot access memory at address 0x%" PRIx64 ">", addr);
            return;
        }
        print_chars(M, b, k);
        if (n > k)
            mon_printf(M, "...");
        return;
    }
    mon_printf(M, "{");
    for (uint64_t i = 0; i < n && i < MAX_ELEMENTS;) {
        /* a run of equal scalar elements */
        uint64_t r = 1, a = addr + i * es, b;
        if (es <= 8 && (et->kind == DT_INT || et->kind == DT_ENUM || et->kind == DT_PTR || et->kind == DT_BOOL)) {
            uint8_t x[8], y[8];
            if (mon_read_virt(mon_hart(M), a, x, (unsigned)es))
                while (i + r < n && mon_read_virt(mon_hart(M), a + r * es, y, (unsigned)es) && !memcmp(x, y, es))
                    r++;
        }
        (void)b;
        mon_printf(M, i ? ", " : "");
        print_obj(M, t->target, a, fmt);
        if (r > REPEAT_THRESHOLD) {
            mon_printf(M, " <repeats %" PRIu64 " times>", r);
            i += r;
        } else {
            i++;
        }
    }
    mon_printf(M, n > MAX_ELEMENTS ? "...}" : "}");
}

static void print_struct(mon_t *M, const dtype_t *t, uint64_t addr, char fmt)
{
    mon_printf(M, "{");
    for (unsigned i = 0; i < t->nmembers; i++) {
        const dmember_t *m = &t->members[i];
        mon_printf(M, "%s", i ? ", " : "");
        if (m->name)
            mon_printf(M, "%s = ", m->name);
        if (m->bit_size) {
            uint64_t v;
            if (load(M, m->type, addr + m->offset, m->bit_size, m->bit_offset, &v))
                print_scalar(M, dtype_strip(m->type), v, fmt);
            else
                mon_printf(M, "<error>");
        } else {
            print_obj(M, m->type, addr + m->offset, fmt);
        }
    }
    mon_printf(M, "}");
}

static void print_obj(mon_t *M, const dtype_t *t, uint64_t addr, char fmt)
{
    const dtype_t *s = dtype_strip(t);
    uint64_t v;
    /* nesting: C's is finite; a struct containing itself is a broken file */
    static int depth;
    if (depth > 32) {
        mon_printf(M, "{...}");
        return;
    }
    depth++;
    switch (s->kind) {
    case DT_ARRAY:
        print_array(M, s, addr, fmt);
        break;
    case DT_STRUCT:
    case DT_UNION:
        print_struct(M, s, addr, fmt);
        break;
    case DT_FUNC:
    case DT_VOID:
        mon_printf(M, "<%s at 0x%" PRIx64 ">", s->kind == DT_FUNC ? "function" : "void", addr);
        break;
    default:
        if (!load(M, t, addr, 0, 0, &v))
            mon_printf(M, "<error: Cannot access memory at address 0x%" PRIx64 ">", addr);
        else
            print_scalar(M, s, v, fmt);
    }
    depth--;
}

void src_print_scalar(mon_t *M, const dtype_t *t, uint64_t v, char fmt)
{
    print_scalar(M, t, v, fmt);
}

static void print_body(mon_t *M, const sval_t *v, char fmt);

void src_print_bare(mon_t *M, const sval_t *v)
{
    if (!v->type)
        mon_printf(M, "0x%" PRIx64, v->v);
    else
        print_body(M, v, 0);
}

void src_print_value(mon_t *M, const sval_t *v, char fmt)
{
    if (!v->type) {
        uint64_t x = v->v & (M->m->xlen == 32 ? 0xffffffffull : ~0ull);
        int64_t sx = M->m->xlen == 32 ? (int64_t)(int32_t)x : (int64_t)x;
        if (fmt) {
            dtype_t t = {.kind = DT_INT, .size = (uint64_t)M->m->xlen / 8, .is_signed = true};
            print_scalar(M, &t, x, fmt);
        } else if (sx < 0) {
            mon_printf(M, "0x%" PRIx64 " (%" PRIu64 ", signed %" PRId64 ")", x, x, sx);
        } else {
            mon_printf(M, "0x%" PRIx64 " (%" PRIu64 ")", x, x);
        }
        mon_printf(M, "\n");
        return;
    }
    char tn[256];
    mon_printf(M, "(%s) ", dtype_name(v->type, tn, sizeof tn));
    print_body(M, v, fmt);
    mon_printf(M, "\n");
}

static void print_body(mon_t *M, const sval_t *v, char fmt)
{
    const dtype_t *s = dtype_strip(v->type);
    if (v->optout) {
        mon_printf(M, "<optimized out>");
        return;
    }
    if (v->lval && !v->bit_size) {
        print_obj(M, v->type, v->addr, fmt);
    } else {
        sval_t c = *v;
        if ((c.lval || c.in_reg) && !src_load(M, &c))
            mon_printf(M, "<error: Cannot access memory at address 0x%" PRIx64 ">", v->addr);
        else if (s->kind == DT_STRUCT || s->kind == DT_UNION || s->kind == DT_ARRAY)
            mon_printf(M, "<not in memory>");
        else
            print_scalar(M, s, c.v, fmt);
    }
}
