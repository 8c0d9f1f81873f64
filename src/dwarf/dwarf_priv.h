/* Internals shared by the DWARF modules: opening (open.c), types (types.c),
 * location expressions (locexpr.c), variables (vars.c), frames (frames.c). */
#ifndef RVSCOPE_DWARF_PRIV_H
#define RVSCOPE_DWARF_PRIV_H
#include <elfutils/libdw.h>
#include <dwarf.h>
#include "dwarf/dwarf.h"

struct tcache_ent {
    Dwarf_Off off;
    dtype_t *t;
};

struct dinfo {
    int fd;
    Elf *elf;
    Dwarf *dw;
    Dwarf_CFI *cfi;           /* .debug_frame, else .eh_frame; NULL: none */
    bool cfi_from_elf;        /* .eh_frame's: ours to end */
    int xlen;
    dmem_fn mem;
    void *mem_ctx;
    struct tcache_ent *tc;    /* DIE offset -> converted type (open hash) */
    size_t ntc, captc;
    const dtype_t **ptrs;     /* dinfo_pointer_to's */
    size_t nptrs;
    void **allocs;            /* everything types.c allocated, for close */
    size_t nallocs, capallocs;
};

/* types.c */
const dtype_t *dtype_of_die(dinfo_t *d, Dwarf_Die *die);   /* NULL die: void */
const dtype_t *dtype_of_attr(dinfo_t *d, Dwarf_Die *die);  /* its DW_AT_type */
void *dinfo_alloc(dinfo_t *d, size_t n);                    /* zeroed, freed at close */
void dtypes_free(dinfo_t *d);

/* locexpr.c: evaluates a DWARF location expression at frame f; cfa and
 * fbase are given when known (has_cfa / has_fbase). */
typedef struct lctx lctx_t;
struct lctx {
    dinfo_t *d;
    const dframe_t *f;
    bool has_cfa, has_fbase;
    uint64_t cfa, fbase;
    /* DW_OP_entry_value(regN): the register's value when f's function was
     * entered (vars.c: from the caller's call site); NULL: not known */
    bool (*entry_reg)(const lctx_t *c, unsigned reg, uint64_t *v);
    int depth;                /* entry values within entry values */
};
bool locexpr_eval(const lctx_t *c, const Dwarf_Op *ops, size_t n, dloc_t *out);
bool dinfo_read_mem(dinfo_t *d, uint64_t addr, void *buf, unsigned len);

/* The pc to look a frame up by: an outer frame's pc is a return address,
 * just past its call, which may be the first byte of another function or
 * scope when the call was the last instruction. */
static inline uint64_t lookup_pc(const dframe_t *f)
{
    return f->level ? f->pc - 1 : f->pc;
}

/* frames.c: the subprogram DIE whose frame pc is in; false if none */
bool frame_subprogram(dinfo_t *d, uint64_t pc, Dwarf_Die *cu, Dwarf_Die *sub);
#endif
