/* Source-level debug information of a guest ELF (DWARF, read through libdw):
 * the types, variables and frames the monitor's source expressions, bt,
 * finish and next need, and the queries an OS-aware layer wants (a struct
 * member's offset, a global's address) -- behind one narrow interface, so
 * no caller includes libdw.
 *
 * The ELF is opened again by path and libdw kept open for the session:
 * unlike the line table (src/elf/lines.c, read once into arrays), types and
 * scopes are looked up on demand. Types are converted once per DIE into
 * dtype_t and cached, so a dtype_t pointer lives until dinfo_close. */
#ifndef RVSCOPE_DWARF_DWARF_H
#define RVSCOPE_DWARF_DWARF_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct dinfo dinfo_t;

typedef enum {
    DT_VOID, DT_INT, DT_BOOL, DT_FLOAT, DT_ENUM, DT_PTR, DT_ARRAY,
    DT_STRUCT, DT_UNION, DT_FUNC, DT_TYPEDEF,
} dtype_kind_t;

typedef struct dtype dtype_t;

typedef struct dmember {
    const char *name;         /* NULL: an anonymous struct/union member */
    const dtype_t *type;
    uint64_t offset;          /* bytes from the start of the aggregate */
    unsigned bit_size;        /* 0: not a bit field */
    unsigned bit_offset;      /* bit fields: from bit 0 of the storage at offset */
} dmember_t;

typedef struct denum {
    const char *name;
    int64_t value;
} denum_t;

struct dtype {
    dtype_kind_t kind;
    const char *name;         /* "int", "struct proc", "uint32_t"; NULL when unnamed */
    uint64_t size;            /* bytes (arrays: count * element size) */
    bool is_signed, is_char;  /* DT_INT (and DT_ENUM: its values' sign) */
    const dtype_t *target;    /* pointer target, array element, typedef's type; NULL = void */
    uint64_t count;           /* DT_ARRAY: elements (0: unknown, as a flexible array) */
    unsigned nmembers;        /* DT_STRUCT/DT_UNION */
    const dmember_t *members;
    unsigned nenums;          /* DT_ENUM */
    const denum_t *enums;
};

/* NULL and a message when path has no usable DWARF (no .debug_info, or DWARF
 * that needs a separate dwz file, which is never opened: see lines.c). */
dinfo_t *dinfo_open(const char *path, int xlen, char *err, size_t errlen);
void dinfo_close(dinfo_t *d); /* NULL is fine */

/* Typedefs and cv-qualifiers stripped (cv-qualifiers never appear). */
const dtype_t *dtype_strip(const dtype_t *t);
/* "struct proc *", "int [4]", "char **": C spelling into buf. */
const char *dtype_name(const dtype_t *t, char *buf, size_t n);

/* ---- memory and registers of the frame being looked at ---------------- */

/* The caller's view of the stopped machine: DWARF register numbers 0..31
 * are x0..x31; a register that is not known (not saved in an outer frame)
 * has its bit clear in valid. */
typedef struct dframe {
    uint64_t pc;
    uint64_t x[32];
    uint32_t valid;
    unsigned level;           /* 0: the innermost frame (its pc is exact) */
} dframe_t;

typedef bool (*dmem_fn)(void *ctx, uint64_t addr, void *buf, unsigned len);
void dinfo_set_memory(dinfo_t *d, dmem_fn read, void *ctx);

/* ---- variables -------------------------------------------------------- */

typedef enum { DL_MEM, DL_REG, DL_VALUE, DL_NONE } dloc_kind_t;
typedef struct dloc {
    dloc_kind_t kind;         /* DL_NONE: <optimized out> at this pc */
    uint64_t addr;            /* DL_MEM */
    unsigned reg;             /* DL_REG: DWARF register number */
    uint8_t bytes[16];        /* DL_VALUE: the value's bytes, little-endian */
} dloc_t;

/* name as a local or argument of the function active at f (innermost
 * lexical scope first), else as a global (or file static). false: not a
 * variable the DWARF knows. f may be NULL (globals only). */
bool dinfo_variable(dinfo_t *d, const dframe_t *f, const char *name, dloc_t *loc,
                    const dtype_t **type);
/* A global or file-static variable's address and type. */
bool dinfo_global(dinfo_t *d, const char *name, uint64_t *addr, const dtype_t **type);
/* "struct proc", "union u", "enum e", a typedef name or a base type name
 * ("unsigned long" and "long unsigned int" both). */
const dtype_t *dinfo_type(dinfo_t *d, const char *name);
/* An enumeration constant (RUNNABLE): its value and enum type. */
bool dinfo_enumerator(dinfo_t *d, const char *name, int64_t *value, const dtype_t **type);
/* A pointer to t (made once per t). */
const dtype_t *dinfo_pointer_to(dinfo_t *d, const dtype_t *t);
/* The offset and size of member (of struct_name, as for dinfo_type): for
 * an OS-aware layer that reads kernel structures by meaning. */
bool dinfo_member(dinfo_t *d, const char *struct_name, const char *member, uint64_t *offset,
                  uint64_t *size);
/* The locals and arguments visible at f, innermost scope first: fn is
 * called with each; args first within a function. */
void dinfo_locals(dinfo_t *d, const dframe_t *f, void (*fn)(void *ctx, const char *name, bool arg),
                  void *ctx);

/* ---- functions and frames --------------------------------------------- */

typedef struct dfunc {
    const char *name;
    uint64_t lo, hi;          /* [lo, hi) of the whole (outermost, not inlined) function */
    const dtype_t *ret;       /* NULL: void */
} dfunc_t;
/* The function containing pc (the one whose frame it is: inlined callees
 * belong to their caller's frame). */
bool dinfo_function(dinfo_t *d, uint64_t pc, dfunc_t *fn);
/* The caller's frame of f: from the CFI (.debug_frame or .eh_frame) if it
 * covers f->pc, else the RISC-V frame-pointer convention (s0 = the CFA; ra
 * and the caller's s0 just below it). false at the outermost frame. */
bool dinfo_unwind(dinfo_t *d, const dframe_t *f, dframe_t *caller);
/* Does a statement (is_stmt) row of the line table start at pc? Its line.
 * next and step stop only there, as GDB: -O2 code interleaves lines. */
bool dinfo_stmt_at(dinfo_t *d, uint64_t pc, int *line);
/* Where a function's body starts, past its prologue (b FUNC, as GDB): the
 * first statement in [lo, hi) of a line other than the function's first. */
bool dinfo_after_prologue(dinfo_t *d, uint64_t lo, uint64_t hi, uint64_t *addr, int *line);
/* f's canonical frame address (its sp on entry). */
bool dinfo_cfa(dinfo_t *d, const dframe_t *f, uint64_t *cfa);

#endif
