/* Source-level expressions (C syntax over the program's DWARF), for p,
 * x/FMT, set var, w, display: variables (locals of the current frame, then
 * globals), members (. ->), subscripts, unary * and &, casts to the
 * program's types, C's arithmetic operators -- and sdb's forms, which keep
 * their meaning: $reg, numbers, *ADDR (an XLEN-wide load when ADDR is not a
 * pointer), ELF symbols without debug information (their address). */
#ifndef RVSCOPE_MONITOR_SRCEXPR_H
#define RVSCOPE_MONITOR_SRCEXPR_H
#include "mon.h"
#include "../dwarf/dwarf.h"

typedef struct sval {
    const dtype_t *type;      /* NULL: an untyped XLEN-wide integer (sdb's) */
    bool lval;                /* in memory at addr */
    uint64_t addr;
    bool in_reg;              /* in DWARF register reg */
    unsigned reg;
    unsigned bit_size, bit_off; /* a bit-field lvalue */
    bool optout;              /* <optimized out> */
    uint64_t v;               /* a scalar's value (zero/sign-extended) */
    bool named;               /* a bare variable or symbol: '*name' on a non-pointer is sdb's load */
} sval_t;

/* The session's DWARF (opened at first use), NULL when the image has none. */
dinfo_t *mon_dinfo(mon_t *M);
/* The current hart as frame 0. */
void mon_frame0(mon_t *M, dframe_t *f);

/* Evaluates text in frame f (NULL: the current hart's frame 0); prints the
 * error (with a caret) and returns false on failure. */
bool src_eval(mon_t *M, const char *text, const dframe_t *f, sval_t *out);
/* The value as an integer (a pointer's address, an array's address, a
 * scalar's value); false for a struct or an <optimized out> value. */
bool src_scalar(mon_t *M, const sval_t *v, uint64_t *out);
/* Prints v as GDB would after "$1 = ": fmt 0 (natural) or one of x d u t c o. */
void src_print_value(mon_t *M, const sval_t *v, char fmt);
/* Writes val into lvalue dst (converted to its type). */
bool src_assign(mon_t *M, const sval_t *dst, uint64_t val);
/* Loads a scalar lvalue's current value into v->v. */
bool src_load(mon_t *M, sval_t *v);
/* As src_eval, without printing an error. */
bool src_eval_quiet(mon_t *M, const char *text, const dframe_t *f, sval_t *out);
/* The value alone, as GDB prints an argument in bt (no type, no newline). */
void src_print_bare(mon_t *M, const sval_t *v);
/* A scalar of type t in format fmt (x/NFU's items). */
void src_print_scalar(mon_t *M, const dtype_t *t, uint64_t v, char fmt);
/* The sdb expression a watch on lvalue text evaluates: "*0xADDR & 0xffffffff"
 * (the bytes it occupies now); false after printing why it cannot be. */
bool src_watch_text(mon_t *M, const char *text, char *out, size_t n);
/* Should text go to the source evaluator? Not when sdb's parser takes it and
 * it names no DWARF variable (6*7, $a0, *0x80000000, *counter), so sdb's
 * expressions keep their exact results and messages. */
bool src_is_source(mon_t *M, const char *text);
/* Is text a source expression that names a DWARF variable? (w, set) */
bool src_names_variable(mon_t *M, const char *text);

/* the commands (srccmds.c) */
bool src_cmd_print(mon_t *M, char *args);
bool src_cmd_examine(mon_t *M, char *args);
bool src_cmd_set_var(mon_t *M, char *lhs, char *rhs);
bool src_cmd_bt(mon_t *M, char *args);
bool src_cmd_finish(mon_t *M, char *args);
bool src_cmd_next(mon_t *M, char *args);
bool src_cmd_step(mon_t *M, char *args);
bool src_cmd_until(mon_t *M, char *args);
bool src_cmd_display(mon_t *M, char *args);
bool src_cmd_undisplay(mon_t *M, char *args);
bool src_info_locals(mon_t *M, bool args);
void src_show_displays(mon_t *M);
#endif
