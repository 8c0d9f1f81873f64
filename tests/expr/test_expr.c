/* Unit tests of src/monitor/expr.c against a fake machine.  Prints one
 * "PASS <group>" or "FAIL <group>: <why>" line per group (tests/run.sh
 * protocol) and exits non-zero if any group failed. */
#include "monitor/expr.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- the fake machine -------------------------------------------------- */

#define RAM_BASE 0x80000000u
#define RAM_SIZE 0x2000u

typedef struct fake {
    uint64_t x[32];
    uint64_t pc, priv, mstatus, satp;
    uint8_t ram[RAM_SIZE];
} fake_t;

static bool fake_reg(void *ctx, const char *name, uint64_t *val)
{
    fake_t *f = ctx;
    int g = expr_gpr_index(name);
    if (g >= 0) *val = f->x[g];
    else if (!strcmp(name, "pc")) *val = f->pc;
    else if (!strcmp(name, "priv")) *val = f->priv;
    else if (!strcmp(name, "mstatus")) *val = f->mstatus;
    else if (!strcmp(name, "satp")) *val = f->satp;
    else return false;
    return true;
}

static bool fake_mem(void *ctx, uint64_t addr, unsigned size, uint64_t *val)
{
    fake_t *f = ctx;
    if (addr < RAM_BASE || addr - RAM_BASE > RAM_SIZE - size)
        return false;
    uint64_t v = 0;
    for (unsigned i = size; i-- > 0;) /* little-endian */
        v = v << 8 | f->ram[addr - RAM_BASE + i];
    *val = v;
    return true;
}

static bool fake_sym(void *ctx, const char *name, uint64_t *val)
{
    (void)ctx;
    static const struct { const char *name; uint64_t val; } syms[] = {
        {"_start", 0x80000000}, {"main", 0x80000010}, {"arr", 0x80001000},
        {".L1", 0x80000100}, {"big_sym", 0x123456789abcdef0}, {"x1y", 7},
    };
    for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++)
        if (!strcmp(name, syms[i].name)) {
            *val = syms[i].val;
            return true;
        }
    return false;
}

static fake_t fake;
/* RV64 reads GPRs from the array directly (as the monitor's watches do),
 * RV32 through fake_reg by name: the cases cover both paths. */
static expr_env_t env64 = {&fake, 64, fake_reg, fake_mem, fake_sym, fake.x};
static expr_env_t env32 = {&fake, 32, fake_reg, fake_mem, fake_sym, NULL};

static void fake_reset(void)
{
    memset(&fake, 0, sizeof fake);
    for (int i = 0; i < 32; i++)
        fake.x[i] = i ? 0x100 + (uint64_t)i : 0;
    fake.pc = 0x80000004;
    fake.priv = 3;
    fake.mstatus = 0x1800;
    fake.satp = 0x8000000000080400ull;
    /* word at 0x80000000 = 0x80000010; at 0x80000008 = 0xdeadbeefcafef00d */
    uint64_t w[2] = {0x80000010, 0xdeadbeefcafef00dull};
    memcpy(fake.ram, w, sizeof w);
    uint64_t arr = 0x1122334455667788ull;
    memcpy(fake.ram + 0x1000, &arr, 8);
}

/* ---- checking ---------------------------------------------------------- */

static char why[512]; /* the group's first failure */
static int group_failures;

static void failed(int line, const char *text, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void failed(int line, const char *text, const char *fmt, ...)
{
    if (group_failures++ == 0) {
        int n = snprintf(why, sizeof why, "line %d: \"%s\": ", line, text);
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why + n, sizeof why - (size_t)n, fmt, ap);
        va_end(ap);
    }
}

static int total_failed_groups;

static void group(const char *name, void (*fn)(void))
{
    group_failures = 0;
    fake_reset();
    fn();
    if (group_failures) {
        printf("FAIL expr-%s: %s (%d failures)\n", name, why, group_failures);
        total_failed_groups++;
    } else {
        printf("PASS expr-%s\n", name);
    }
}

static void check_val_env(int line, const expr_env_t *env, const char *text, uint64_t want)
{
    expr_error_t err = {"", -1};
    expr_t *e = expr_parse(text, env, &err);
    uint64_t v = 0;
    if (!e)
        failed(line, text, "parse error: %s at %d", err.msg, err.col);
    else if (!expr_eval(e, env, &v, &err))
        failed(line, text, "eval error: %s at %d", err.msg, err.col);
    else if (v != want)
        failed(line, text, "got 0x%" PRIx64 ", want 0x%" PRIx64, v, want);
    expr_free(e);
}

/* Both XLENs: want64 on RV64, want32 on RV32. */
#define V2(text, want64, want32) do { \
        check_val_env(__LINE__, &env64, text, want64); \
        check_val_env(__LINE__, &env32, text, want32); } while (0)
#define V(text, want) V2(text, want, (uint64_t)(want) & 0xffffffffu)
#define V64(text, want) check_val_env(__LINE__, &env64, text, want)
#define V32(text, want) check_val_env(__LINE__, &env32, text, want)

/* An error: at parse time (eval == false) or at evaluation. */
static void check_err_env(int line, const expr_env_t *env, const char *text, bool at_eval,
                          const char *msg, int col)
{
    expr_error_t err = {"", -1};
    expr_t *e = expr_parse(text, env, &err);
    uint64_t v;
    if (e && !at_eval)
        failed(line, text, "parsed, want parse error \"%s\"", msg);
    else if (!e && at_eval)
        failed(line, text, "parse error \"%s\", want eval error \"%s\"", err.msg, msg);
    else if (e && expr_eval(e, env, &v, &err))
        failed(line, text, "evaluated to 0x%" PRIx64 ", want error \"%s\"", v, msg);
    else if (strcmp(err.msg, msg) != 0 || err.col != col)
        failed(line, text, "error \"%s\" at %d, want \"%s\" at %d", err.msg, err.col, msg, col);
    expr_free(e);
}
#define PERR(text, msg, col) check_err_env(__LINE__, &env64, text, false, msg, col)
#define EERR(text, msg, col) check_err_env(__LINE__, &env64, text, true, msg, col)

#define CHECK(cond, text) do { if (!(cond)) failed(__LINE__, text, "%s", #cond); } while (0)

/* ---- groups ------------------------------------------------------------ */

static void numbers(void)
{
    V("0", 0);
    V("42", 42);
    V("007", 7); /* decimal, not octal: SPEC §3 names decimal and 0x only */
    V("0x0", 0);
    V("0x7b", 123);
    V("0X7B", 123);
    V("0xDeadBeef", 0xdeadbeef);
    V("4294967295", 0xffffffff);
    V("0xffffffff", 0xffffffff);
    V64("0xffffffffffffffff", UINT64_MAX);
    V64("18446744073709551615", UINT64_MAX);
    V64("0x00000000000000000001", 1); /* leading zeros do not count */
    V("  \t 5 \n", 5);
}

/* Each case gives a different value if the two operators were grouped the
 * other way. */
static void precedence(void)
{
    V("1 + 2 * 3", 7);
    V("(1 + 2) * 3", 9);
    V("10 - 4 - 3", 3);        /* left associative */
    V("100 / 10 / 5", 2);
    V("100 / (10 / 5)", 50);
    V("7 % 4 * 3", 9);
    V("256 >> 2 >> 1", 32);
    V("3 > 2 > 1", 0);
    V("1 == 2 == 0", 1);
    /* each neighbouring pair of levels, in both orders */
    V("2 * 3 + 1", 7);         /* * before + */
    V("1 << 2 + 1", 8);        /* + before << */
    V("1 + 1 << 2", 8);
    V("4 >> 1 < 3", 1);        /* << >> before < */
    V("1 < 1 << 1", 1);
    V("1 < 2 == 1", 1);        /* < before == */
    V("2 == 2 < 3", 0);
    V("1 & 2 == 2", 1);        /* == before & */
    V("2 == 2 & 1", 1);
    V("1 ^ 3 & 2", 3);         /* & before ^ */
    V("2 & 3 ^ 1", 3);
    V("3 ^ 1 | 1", 3);         /* ^ before | */
    V("1 | 1 ^ 1", 1);
    V("2 | 0 && 1", 1);        /* | before && */
    V("0 && 0 | 1", 0);
    V("1 || 0 && 0", 1);       /* && before || */
    V("0 && 0 || 1", 1);
    V("-2 * 3", (uint64_t)-6);
    V("- (2 * 3)", (uint64_t)-6);
    V("!0 + 1", 2);            /* unary binds tightest */
    V("~1 & 3", 2);
    V64("~0 >> 1", UINT64_MAX >> 1);
    V32("~0 >> 1", 0x7fffffff);
    V("((((1))))", 1);
    V("2 * (3 + (4 - 1)) % 5", 2);
}

static void operators(void)
{
    V("6 * 7", 42);
    V64("0x100000000 * 0x100000000 + 3", 3);
    V2("0x80000000 * 2", 0x100000000, 0); /* wraps at XLEN */
    V("7 / 2", 3);
    V("7 % 2", 1);
    V2("0xffffffff + 1", 0x100000000, 0);
    V("3 - 5", (uint64_t)-2);
    V2("0 - 1", UINT64_MAX, 0xffffffff);
    V2("-1", UINT64_MAX, 0xffffffff);
    V2("--1", 1, 1);
    V2("~0", UINT64_MAX, 0xffffffff);
    V2("~0x0f", 0xfffffffffffffff0, 0xfffffff0);
    V("!0", 1);
    V("!5", 0);
    V("!!5", 1);
    V("1 << 4", 16);
    V2("1 << 31", 0x80000000, 0x80000000);
    V2("1 << 32", 0x100000000, 0); /* a shift by XLEN or more gives 0 */
    V2("1 << 63", 0x8000000000000000, 0);
    V("1 << 64", 0);
    V("1 << 0xffffffff", 0);
    V2("-1 >> 1", 0x7fffffffffffffff, 0x7fffffff); /* logical */
    V2("-1 >> 32", 0xffffffff, 0);
    V("-1 >> 64", 0);
    V("3 < 5", 1);
    V("5 < 3", 0);
    V("-1 < 1", 0); /* unsigned */
    V("-1 > 1", 1);
    V("3 <= 3", 1);
    V("4 <= 3", 0);
    V("3 >= 3", 1);
    V("2 >= 3", 0);
    V("3 == 3", 1);
    V("3 != 3", 0);
    V("3 != 4", 1);
    V64("0x100000001 == 1", 0);
    V32("0xffffffff + 2 == 1", 1);
    V("0xf0 & 0x3c", 0x30);
    V("0xf0 ^ 0x3c", 0xcc);
    V("0xf0 | 0x3c", 0xfc);
    V("2 && 3", 1);
    V("2 && 0", 0);
    V("0 || 0", 0);
    V("0 || 7", 1);
    /* && and || do not evaluate what they do not need, as in C */
    V("0 && 1 / 0", 0);
    V("1 || *0", 1);
}

/* && and || evaluate their right side only when the left does not decide,
 * so an error there still counts when it is reached. */
static void short_circuit(void)
{
    EERR("1 && 1 % 0 || 1", "modulo by zero", 7);
    EERR("0 || 4 / 0", "division by zero", 7);
    V("0 && *0", 0);
}

static void registers(void)
{
    V("$x0", 0);
    V("$zero", 0);
    V("$x1", 0x101);
    V("$ra", 0x101);
    V("$sp + $gp", 0x102 + 0x103);
    V("$a0", 0x10a);
    V("$x10 == $a0", 1);
    V("$fp == $s0", 1);
    V("$s11", 0x100 + 27);
    V("$t6", 0x100 + 31);
    V("$pc", 0x80000004);
    V("$priv", 3);
    V("$mstatus >> 11 & 3", 3);
    V2("$satp", 0x8000000000080400, 0x80400); /* values are reduced to XLEN */
    fake.x[10] = 0x1234;
    V("$a0 == 0x1234", 1);
    /* a watch is parsed once and evaluated many times: values are read at
     * evaluation, not frozen at parse */
    expr_t *e = expr_parse("$a1 + 1", &env64, NULL);
    uint64_t v = 0;
    CHECK(e && expr_eval(e, &env64, &v, NULL) && v == 0x10c, "$a1 + 1");
    fake.x[11] = 41;
    CHECK(e && expr_eval(e, &env64, &v, NULL) && v == 42, "$a1 + 1 after write");
    expr_free(e);
    /* the register name reaches the callback as written, without '$' */
    CHECK(expr_gpr_index("a0") == 10 && expr_gpr_index("$a0") == 10, "gpr_index a0");
    CHECK(expr_gpr_index("x0") == 0 && expr_gpr_index("x31") == 31, "gpr_index x0 x31");
    CHECK(expr_gpr_index("fp") == 8 && expr_gpr_index("zero") == 0, "gpr_index fp zero");
    CHECK(expr_gpr_index("s10") == 26 && expr_gpr_index("t3") == 28, "gpr_index s10 t3");
    CHECK(expr_gpr_index("x32") == -1 && expr_gpr_index("x05") == -1, "gpr_index x32 x05");
    CHECK(expr_gpr_index("x") == -1 && expr_gpr_index("x1a") == -1, "gpr_index x x1a");
    CHECK(expr_gpr_index("pc") == -1 && expr_gpr_index("") == -1, "gpr_index pc");
    CHECK(expr_gpr_index("a8") == -1 && expr_gpr_index("x100") == -1, "gpr_index a8 x100");
    /* every ABI name, against the table in the RISC-V psABI */
    static const char *abi[32] = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0",
        "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5",
        "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    };
    for (int i = 0; i < 32; i++) {
        char x[16];
        snprintf(x, sizeof x, "x%d", i);
        if (expr_gpr_index(abi[i]) != i || expr_gpr_index(x) != i)
            failed(__LINE__, abi[i], "gpr_index %d / %d, want %d", expr_gpr_index(abi[i]),
                   expr_gpr_index(x), i);
    }
    static const char *not_gprs[] = {"", "$", "x", "a", "s", "t", "s12", "t7", "a01",
                                     "s00", "t-1", "zer", "zeros", "rap", "X1", "A0", "pc"};
    for (size_t i = 0; i < sizeof not_gprs / sizeof not_gprs[0]; i++)
        if (expr_gpr_index(not_gprs[i]) != -1)
            failed(__LINE__, not_gprs[i], "gpr_index %d, want -1", expr_gpr_index(not_gprs[i]));
}

static void memory(void)
{
    V64("*0x80000000", 0x80000010);
    V64("*0x80000008", 0xdeadbeefcafef00d);
    V32("*0x80000008", 0xcafef00d); /* XLEN-wide: 4 bytes on RV32 */
    V32("*0x8000000c", 0xdeadbeef);
    V64("**0x80000000", 0);        /* 0x80000010 holds 0 */
    V64("*arr", 0x1122334455667788);
    V64("*(arr + 4) & 0xffffffff", 0x11223344);
    fake.x[10] = 0x80000008;
    V64("*$a0 == 0xdeadbeefcafef00d", 1);
    V("*$a0 * 0", 0);
    V("2 * *0x80000000 - *0x80000000", 0x80000010);

    /* the loads of the last evaluation, for the precise watch policy */
    uint64_t addrs[4];
    unsigned sizes[4];
    expr_t *e = expr_parse("*$a0 + **0x80000000", &env64, NULL);
    uint64_t v;
    CHECK(e && expr_eval(e, &env64, &v, NULL), "*$a0 + **0x80000000");
    CHECK(e && expr_last_reads(e, addrs, sizes, 4) == 3, "3 reads");
    CHECK(e && addrs[0] == 0x80000008 && sizes[0] == 8, "read 0");
    CHECK(e && addrs[1] == 0x80000000 && sizes[1] == 8, "read 1");
    CHECK(e && addrs[2] == 0x80000010 && sizes[2] == 8, "read 2");
    CHECK(e && expr_last_reads(e, addrs, sizes, 1) == 3, "count beyond max");
    CHECK(e && expr_last_reads(e, NULL, NULL, 0) == 3, "count only");
    /* a second evaluation replaces the log, it does not append */
    fake.x[10] = 0x80001000;
    CHECK(e && expr_eval(e, &env64, &v, NULL), "re-eval");
    CHECK(e && expr_last_reads(e, addrs, sizes, 4) == 3 && addrs[0] == 0x80001000, "re-eval log");
    CHECK(e && expr_eval(e, &env32, &v, NULL), "re-eval 32");
    CHECK(e && expr_last_reads(e, addrs, sizes, 4) == 3 && sizes[0] == 4, "32-bit sizes");
    expr_free(e);

    e = expr_parse("$a0 && *0x80000000", &env64, NULL);
    fake.x[10] = 0;
    CHECK(e && expr_eval(e, &env64, &v, NULL) && v == 0, "short-circuited load");
    CHECK(e && expr_last_reads(e, addrs, sizes, 4) == 0, "short-circuited load not logged");
    expr_free(e);

    e = expr_parse("*0x80000000 + *4", &env64, NULL);
    CHECK(e && !expr_eval(e, &env64, &v, NULL), "failed load");
    CHECK(e && expr_last_reads(e, addrs, sizes, 4) == 1, "only successful loads logged");
    expr_free(e);
}

static void symbols(void)
{
    V("main", 0x80000010);
    V("_start + 4", 0x80000004);
    V(".L1", 0x80000100);
    V("x1y", 7);                     /* an identifier, not a register */
    V2("big_sym", 0x123456789abcdef0, 0x9abcdef0);
    V("main - _start", 0x10);
}

static void classification(void)
{
    static const struct {
        const char *text;
        bool mem, regs;
        uint64_t mask;
    } cases[] = {
        {"0x80000000", false, false, 0},
        {"*0x80000000", true, false, 0},
        {"$a0", false, true, 1ull << 10},
        {"*$a0", true, true, 1ull << 10},
        {"main + 4", false, false, 0},
        {"*main", true, false, 0},
        {"$x0", false, true, 1},
        {"$sp + $t6 + $x31", false, true, 1ull << 2 | 1ull << 31},
        {"$pc", false, true, EXPR_MASK_PC},
        {"$priv == 3", false, true, EXPR_MASK_PRIV_CSR},
        {"$satp | $mstatus", false, true, EXPR_MASK_PRIV_CSR},
        {"0 && *$a1", true, true, 1ull << 11}, /* by text, not by value */
        {"$fp + $s0", false, true, 1ull << 8},
        {"*(*$ra + $pc)", true, true, 1ull << 1 | EXPR_MASK_PC},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        expr_error_t err;
        expr_t *e = expr_parse(cases[i].text, &env64, &err);
        if (!e) {
            failed(__LINE__, cases[i].text, "parse error: %s", err.msg);
            continue;
        }
        if (expr_reads_memory(e) != cases[i].mem)
            failed(__LINE__, cases[i].text, "reads_memory %d", expr_reads_memory(e));
        if (expr_reads_registers(e) != cases[i].regs)
            failed(__LINE__, cases[i].text, "reads_registers %d", expr_reads_registers(e));
        if (expr_gpr_mask(e) != cases[i].mask)
            failed(__LINE__, cases[i].text, "mask 0x%" PRIx64, expr_gpr_mask(e));
        expr_free(e);
    }
}

static void errors(void)
{
    /* syntax */
    PERR("", "empty expression", 0);
    PERR("   ", "empty expression", 0);
    PERR("1 +", "unexpected end of expression", 3);
    PERR("1 + * ", "unexpected end of expression", 6);
    PERR("1 + )", "unexpected ')'", 4);
    PERR("()", "unexpected ')'", 1);
    PERR("* / 2", "unexpected '/'", 2);
    PERR("1 == == 2", "unexpected '=='", 5);
    PERR("(1 + 2", "missing ')'", 6);
    PERR("(1 + 2 3", "missing ')'", 7);
    PERR("((1)", "missing ')'", 4);
    PERR("1 + 2)", "unmatched ')'", 5);
    PERR("1 2", "trailing garbage '2'", 2);
    PERR("$a0 main", "trailing garbage 'main'", 4);
    PERR("1 ! 2", "trailing garbage '!'", 2);
    PERR("(1) (2)", "trailing garbage '('", 4);
    PERR("1 = 2", "invalid character '='", 2);
    PERR("1 @ 2", "invalid character '@'", 2);
    PERR("1 + \x01", "invalid character '\\x01'", 4);
    PERR("#", "invalid character '#'", 0);
    /* numbers */
    PERR("12ab", "invalid number '12ab'", 0);
    PERR("1 + 0x", "invalid number '0x'", 4);
    PERR("0xg1", "invalid number '0xg1'", 0);
    PERR("1.5", "invalid number '1.5'", 0);
    PERR("0b101", "invalid number '0b101'", 0);
    PERR("2 * 18446744073709551616", "number too large for 64 bits: '18446744073709551616'", 4);
    PERR("0x10000000000000000", "number too large for 64 bits: '0x10000000000000000'", 0);
    PERR("99999999999999999999z", "invalid number '99999999999999999999z'", 0);
    check_err_env(__LINE__, &env32, "1 + 0x100000000", false,
                  "number too large for 32 bits: '0x100000000'", 4);
    check_err_env(__LINE__, &env32, "4294967296", false,
                  "number too large for 32 bits: '4294967296'", 0);
    /* registers and symbols */
    PERR("$foo + 1", "unknown register '$foo'", 0);
    PERR("1 + $x32", "unknown register '$x32'", 4);
    PERR("$", "missing register name after '$'", 0);
    PERR("1+$ +2", "missing register name after '$'", 2);
    PERR("$averyveryveryverylongregistername",
         "unknown register '$averyveryveryverylongregistername'", 0);
    PERR("nosuch", "unknown symbol 'nosuch'", 0);
    PERR("*(main + nosuch)", "unknown symbol 'nosuch'", 9);
    PERR("a0 + 1", "unknown symbol 'a0' (for the register, write '$a0')", 0);
    /* long tokens are quoted cut short */
    PERR("1 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
         "trailing garbage 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'", 2);
    /* evaluation */
    EERR("1 / 0", "division by zero", 2);
    EERR("1 % (2 - 2)", "modulo by zero", 2);
    EERR("(8 / $x0)", "division by zero", 3);
    EERR("*0", "cannot read memory at 0x0", 0);
    EERR("1 + *(0x80000000 + 0x2000)", "cannot read memory at 0x80002000", 4);
    EERR("**0x80000008", "cannot read memory at 0xdeadbeefcafef00d", 0);
    /* nesting beyond the limits is an error, not a stack overflow */
    char deep[4096];
    memset(deep, '(', 2000);
    strcpy(deep + 2000, "1");
    PERR(deep, "expression nested too deeply", 256);
    memset(deep, '-', 2000);
    PERR(deep, "expression nested too deeply", 256);
    for (int i = 0; i < 2000; i += 2)
        memcpy(deep + i, "1+", 2);
    strcpy(deep + 2000, "1");
    PERR(deep, "expression nested too deeply", 1999);
}

static bool no_reg(void *ctx, const char *name, uint64_t *val)
{
    (void)ctx, (void)name, (void)val;
    return false;
}

static void environment(void)
{
    /* NULL env: XLEN 64 and nothing but numbers */
    expr_error_t err;
    uint64_t v;
    expr_t *e = expr_parse("0xffffffffffffffff + 2", NULL, &err);
    CHECK(e && expr_eval(e, NULL, &v, &err) && v == 1, "NULL env");
    expr_free(e);
    CHECK(!expr_parse("$a0", NULL, &err) && !strcmp(err.msg, "unknown register '$a0'"), "NULL env reg");
    CHECK(!expr_parse("main", NULL, &err) && !strcmp(err.msg, "unknown symbol 'main'"), "NULL env sym");
    e = expr_parse("*8", NULL, &err);
    CHECK(e && !expr_eval(e, NULL, &v, &err) && !strcmp(err.msg, "cannot read memory at 0x8"), "NULL env mem");
    expr_free(e);
    /* a NULL err is allowed */
    CHECK(!expr_parse("1 +", &env64, NULL), "NULL err");
    /* bad XLEN */
    expr_env_t bad = env64;
    bad.xlen = 16;
    CHECK(!expr_parse("1", &bad, &err) && !strcmp(err.msg, "unsupported XLEN 16"), "parse xlen 16");
    e = expr_parse("1", &env64, &err);
    CHECK(e && !expr_eval(e, &bad, &v, &err) && !strcmp(err.msg, "unsupported XLEN 16"), "eval xlen 16");
    /* a register that vanished after parsing is an eval error */
    expr_free(e);
    e = expr_parse("1 + $a0", &env64, &err);
    expr_env_t gone = env64;
    gone.reg = no_reg;
    gone.gprs = NULL;          /* only the callback knows registers */
    CHECK(e && !expr_eval(e, &gone, &v, &err) && !strcmp(err.msg, "cannot read register '$a0'") &&
          err.col == 4, "reg gone");
    expr_free(e);
    /* value untouched on error */
    e = expr_parse("1 / 0", &env64, &err);
    v = 77;
    CHECK(e && !expr_eval(e, &env64, &v, &err) && v == 77, "value untouched");
    expr_free(e);
    expr_free(NULL);
}

static void render(void)
{
    char buf[256];
    expr_error_t err = {"missing ')'", 6};
    int n = expr_error_render(buf, sizeof buf, "(1 + 2", &err);
    CHECK(!strcmp(buf, "(1 + 2\n      ^ missing ')'\n") && n == (int)strlen(buf), "render");
    err = (expr_error_t){"unexpected ')'", 1};
    expr_error_render(buf, sizeof buf, "\t)", &err);
    CHECK(!strcmp(buf, "\t)\n\t^ unexpected ')'\n"), "render tab");
    err = (expr_error_t){"m", 3}; /* "é" is 2 bytes, 1 column */
    expr_error_render(buf, sizeof buf, "\xc3\xa9 x", &err);
    CHECK(!strcmp(buf, "\xc3\xa9 x\n  ^ m\n"), "render utf-8");
    err = (expr_error_t){"m", 99}; /* clamped to the end */
    expr_error_render(buf, sizeof buf, "ab", &err);
    CHECK(!strcmp(buf, "ab\n  ^ m\n"), "render clamp");
    char small[8];
    n = expr_error_render(small, sizeof small, "abcdef", &err);
    CHECK(n == 17 && !strcmp(small, "abcdef\n"), "render truncated"); /* "abcdef\n      ^ m\n" */
    CHECK(expr_error_render(NULL, 0, "ab", &err) == 9, "render size only");
    /* errors from the parser render under the right token */
    expr_t *e = expr_parse("$a0 + nosuch", &env64, &err);
    CHECK(!e, "parse nosuch");
    expr_error_render(buf, sizeof buf, "$a0 + nosuch", &err);
    CHECK(!strcmp(buf, "$a0 + nosuch\n      ^ unknown symbol 'nosuch'\n"), "render parse error");
}

int main(void)
{
    group("numbers", numbers);
    group("precedence", precedence);
    group("operators", operators);
    group("short-circuit", short_circuit);
    group("registers", registers);
    group("memory", memory);
    group("symbols", symbols);
    group("classification", classification);
    group("errors", errors);
    group("environment", environment);
    group("render", render);
    return total_failed_groups != 0;
}
