/* The monitor's expression language (SPEC §3): parsed once into a small
 * tree, then evaluated as often as a watchpoint needs, with no allocation.
 *
 * Grammar, with C's precedence and left associativity (loosest first):
 *   ||   &&   |   ^   &   == !=   < > <= >=   << >>   + -   * / %
 *   unary: * (XLEN-wide load)  - (negate)  ! (logical not)  ~ (bitwise not)
 *   operand: 123 | 0x7b | $reg | symbol | ( expr )
 * $reg is $x0..$x31, an ABI name ($a0, $sp, $fp, ...), $pc, $priv or a CSR
 * name; whatever the env's reg callback accepts.  A symbol is
 * [A-Za-z_.][A-Za-z0-9_.]*, resolved to its address when parsed.
 *
 * Arithmetic is unsigned and XLEN bits wide (env->xlen, 32 or 64): every
 * result is reduced mod 2^XLEN, comparisons are unsigned, >> is logical,
 * a shift by XLEN or more gives 0, comparisons and ! && || give 0 or 1, and
 * && || do not evaluate their right side when the left decides (as in C).
 */
#ifndef RVSCOPE_MONITOR_EXPR_H
#define RVSCOPE_MONITOR_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct expr expr_t; /* parsed expression */

/* What an expression reads, supplied by whoever evaluates it. */
typedef struct expr_env {
    void *ctx;
    int xlen; /* 32 or 64 */
    /* name without '$', as the user wrote it (e.g. "a0", "x10", "mstatus");
     * false: unknown register.  NULL: no register is known. */
    bool (*reg)(void *ctx, const char *name, uint64_t *val);
    /* size is xlen/8; false: cannot read.  NULL: no memory is readable. */
    bool (*mem)(void *ctx, uint64_t addr, unsigned size, uint64_t *val);
    /* false: unknown symbol.  NULL: no symbol is known. */
    bool (*sym)(void *ctx, const char *name, uint64_t *val);
    /* Optional: x0..x31 to read GPRs from directly (gprs[0] must be 0),
     * instead of calling reg by name: a watch is evaluated after every
     * write of a register it reads. NULL: always through reg. */
    const uint64_t *gprs;
} expr_env_t;

/* msg names the problem; col is the 0-based byte offset in the text of the
 * offending token (strlen(text) when the problem is the end of the text). */
typedef struct expr_error {
    char msg[128];
    int col;
} expr_error_t;

/* Parses text.  Symbols are resolved and register names are checked (by
 * calling env->reg) now, so a typo fails here and not at every evaluation.
 * Numbers must fit in env->xlen bits.  env may be NULL (XLEN 64, no
 * registers, memory or symbols).  Returns NULL and fills *err on error. */
expr_t *expr_parse(const char *text, const expr_env_t *env, expr_error_t *err);

/* Evaluates e in env (NULL as above).  Errors: division or modulo by zero,
 * a failed memory or register read; col points at the operator concerned. */
bool expr_eval(const expr_t *e, const expr_env_t *env, uint64_t *val, expr_error_t *err);

void expr_free(expr_t *e);

/* Classification for watchpoints (seeds/001 task 1); it depends on the text
 * only, not on values: "0 && *$a0" still reads memory and registers. */
bool expr_reads_memory(const expr_t *e);    /* contains a dereference */
bool expr_reads_registers(const expr_t *e); /* contains $anything */
/* bit i: reads GPR x_i; bit 32: reads $pc; bit 33: reads $priv or a CSR */
uint64_t expr_gpr_mask(const expr_t *e);
#define EXPR_MASK_PC (1ull << 32)
#define EXPR_MASK_PRIV_CSR (1ull << 33)

/* The successful loads of the last expr_eval of e, in evaluation order
 * (addresses as the expression computed them, i.e. through the current
 * translation; size is xlen/8).  Copies up to max of them and returns how
 * many there were.  The "precise" watch policy re-evaluates e only when a
 * store overlaps one of these. */
size_t expr_last_reads(const expr_t *e, uint64_t *addrs, unsigned *sizes, size_t max);

/* GPR index 0..31 of "x0".."x31" or an ABI name ("zero", "ra", "fp", ...),
 * with or without a leading '$'; -1 for anything else. */
int expr_gpr_index(const char *name);
/* f0..f31 by name (f5, ft5, fa0, ...), with or without '$'; -1 if not one. */
int expr_fpr_index(const char *name);

/* Writes "TEXT\n<spaces>^ MSG\n" into buf, the caret under err->col, so a
 * user sees which token is wrong.  Truncates to size (NUL-terminated when
 * size > 0) and returns the length the whole output needs, like snprintf. */
int expr_error_render(char *buf, size_t size, const char *text, const expr_error_t *err);

#endif
