/* libFuzzer harness for the expression parser and evaluator (SPEC §8):
 * any input must give a value or an error that points inside the text,
 * never a crash, leak, hang or undefined behaviour.  `make fuzz-expr`. */
#include "monitor/expr.h"

#include <stdlib.h>
#include <string.h>

static bool fz_reg(void *ctx, const char *name, uint64_t *val)
{
    (void)ctx;
    int g = expr_gpr_index(name);
    if (g >= 0) *val = 0x8000000000000000ull >> g;
    else if (!strcmp(name, "pc")) *val = 0x80000000;
    else if (!strcmp(name, "priv")) *val = 3;
    else if (!strcmp(name, "satp")) *val = 0x8000000000080000ull;
    else return false;
    return true;
}

/* Low memory and RAM read as a function of the address; the rest fails. */
static bool fz_mem(void *ctx, uint64_t addr, unsigned size, uint64_t *val)
{
    (void)ctx;
    if (addr >= 0x10000 && (addr < 0x80000000 || addr >= 0x88000000))
        return false;
    *val = addr * 0x9e3779b97f4a7c15ull;
    if (size < 8)
        *val &= (1ull << 8 * size) - 1;
    return true;
}

static bool fz_sym(void *ctx, const char *name, uint64_t *val)
{
    (void)ctx;
    if (!strcmp(name, "main")) *val = 0x80000010;
    else if (!strcmp(name, "_start")) *val = 0x80000000;
    else if (!strcmp(name, "big")) *val = ~0ull;
    else return false;
    return true;
}

static void check(const char *text, int xlen)
{
    expr_env_t env = {NULL, xlen, fz_reg, fz_mem, fz_sym, NULL};
    expr_error_t err = {"", -1};
    int len = (int)strlen(text);
    expr_t *e = expr_parse(text, &env, &err);
    if (!e) {
        if (!err.msg[0] || err.col < 0 || err.col > len)
            abort();
        char buf[64];
        int need = expr_error_render(buf, sizeof buf, text, &err);
        if (need < len + 4 || strlen(buf) != (size_t)(need < 64 ? need : 63))
            abort();
        return;
    }
    /* classification is consistent */
    if (expr_reads_registers(e) != (expr_gpr_mask(e) != 0) || expr_gpr_mask(e) >> 34)
        abort();
    uint64_t v1, v2;
    expr_error_t err2;
    bool ok1 = expr_eval(e, &env, &v1, &err);
    size_t reads = expr_last_reads(e, NULL, NULL, 0);
    bool ok2 = expr_eval(e, &env, &v2, &err2);
    /* evaluation is deterministic and stays within XLEN */
    if (ok1 != ok2 || (ok1 && v1 != v2) || (ok1 && xlen == 32 && v1 >> 32))
        abort();
    if (!ok1 && (!err.msg[0] || err.col < 0 || err.col >= len || strcmp(err.msg, err2.msg)))
        abort();
    if (reads != expr_last_reads(e, NULL, NULL, 0) || (reads && !expr_reads_memory(e)))
        abort();
    uint64_t addrs[4];
    unsigned sizes[4];
    size_t n = expr_last_reads(e, addrs, sizes, 4);
    for (size_t i = 0; i < n && i < 4; i++)
        if (sizes[i] != (unsigned)xlen / 8)
            abort();
    expr_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0'; /* the parser reads up to the first NUL */
    check(text, 64);
    check(text, 32);
    free(text);
    return 0;
}
