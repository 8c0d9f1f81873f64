/* Functions and frames: which function a pc belongs to, its canonical frame
 * address, and the caller's registers -- from the call frame information
 * when the ELF has it (GCC emits .debug_frame with -g), else from the
 * RISC-V frame-pointer convention (-fno-omit-frame-pointer, or -O0): s0 is
 * the frame's CFA, with ra at s0-XLEN/8 and the caller's s0 below it. */
#include <stdlib.h>
#include <string.h>

#include "dwarf/dwarf_priv.h"

#define REG_RA 1
#define REG_SP 2
#define REG_FP 8


bool frame_subprogram(dinfo_t *d, uint64_t pc, Dwarf_Die *cu, Dwarf_Die *sub)
{
    if (!dwarf_addrdie(d->dw, pc, cu))
        return false;
    Dwarf_Die *scopes = NULL;
    int n = dwarf_getscopes(cu, pc, &scopes);
    bool found = false;
    for (int i = 0; i < n && !found; i++)
        if (dwarf_tag(&scopes[i]) == DW_TAG_subprogram) {
            *sub = scopes[i];
            found = true;
        }
    free(scopes);
    return found;
}

bool dinfo_function(dinfo_t *d, uint64_t pc, dfunc_t *fn)
{
    Dwarf_Die cu, sub;
    if (!frame_subprogram(d, pc, &cu, &sub))
        return false;
    Dwarf_Attribute a;
    fn->name = dwarf_attr_integrate(&sub, DW_AT_name, &a) ? dwarf_formstring(&a) : NULL;
    if (!fn->name)
        fn->name = "??";
    Dwarf_Addr lo = 0, hi = 0, base, s, e;
    ptrdiff_t off = 0;
    /* a function split into hot and cold parts has ranges: the one with pc */
    while ((off = dwarf_ranges(&sub, off, &base, &s, &e)) > 0)
        if (pc >= s && pc < e) {
            lo = s;
            hi = e;
            break;
        }
    if (!hi && dwarf_lowpc(&sub, &lo) == 0 && dwarf_highpc(&sub, &hi) != 0)
        hi = lo + 1;
    fn->lo = lo;
    fn->hi = hi;
    const dtype_t *r = dtype_of_attr(d, &sub);
    fn->ret = r->kind == DT_VOID ? NULL : r;
    return true;
}

static bool cfi_frame(dinfo_t *d, const dframe_t *f, Dwarf_Frame **fr)
{
    return d->cfi && dwarf_cfi_addrframe(d->cfi, lookup_pc(f), fr) == 0;
}

static bool cfa_of(dinfo_t *d, const dframe_t *f, Dwarf_Frame *fr, uint64_t *cfa)
{
    Dwarf_Op *ops;
    size_t nops;
    dloc_t l;
    lctx_t c = {.d = d, .f = f};
    if (dwarf_frame_cfa(fr, &ops, &nops) != 0 || !locexpr_eval(&c, ops, nops, &l) || l.kind != DL_MEM)
        return false;
    *cfa = l.addr;
    return true;
}

bool dinfo_cfa(dinfo_t *d, const dframe_t *f, uint64_t *cfa)
{
    Dwarf_Frame *fr;
    if (cfi_frame(d, f, &fr)) {
        bool ok = cfa_of(d, f, fr, cfa);
        free(fr);
        return ok;
    }
    if (!(f->valid & (1u << REG_FP)) || !f->x[REG_FP])
        return false;
    *cfa = f->x[REG_FP];
    return true;
}

static bool read_word(dinfo_t *d, uint64_t addr, uint64_t *v)
{
    uint8_t b[8] = {0};
    unsigned w = (unsigned)d->xlen / 8;
    if (!dinfo_read_mem(d, addr, b, w))
        return false;
    *v = 0;
    for (unsigned i = 0; i < w; i++)
        *v |= (uint64_t)b[i] << (8 * i);
    return true;
}

static bool unwind_cfi(dinfo_t *d, const dframe_t *f, Dwarf_Frame *fr, dframe_t *up)
{
    uint64_t cfa;
    if (!cfa_of(d, f, fr, &cfa))
        return false;
    lctx_t c = {.d = d, .f = f, .has_cfa = true, .cfa = cfa};
    *up = (dframe_t){.level = f->level + 1};
    for (unsigned r = 1; r < 32; r++) {
        Dwarf_Op mem[3], *ops;
        size_t nops;
        dloc_t l;
        uint64_t v;
        if (dwarf_frame_register(fr, (int)r, mem, &ops, &nops) != 0)
            continue;
        if (nops == 0) {
            /* same value, or no rule: a register the function leaves alone
             * (ra in a leaf function) still holds the caller's value */
            if (f->valid & (1u << r)) {
                up->x[r] = f->x[r];
                up->valid |= 1u << r;
            }
            continue;
        }
        if (!locexpr_eval(&c, ops, nops, &l))
            continue;
        if (l.kind == DL_MEM && read_word(d, l.addr, &v)) {
            up->x[r] = v;
            up->valid |= 1u << r;
        } else if (l.kind == DL_VALUE) {
            memcpy(&v, l.bytes, 8);
            up->x[r] = d->xlen == 32 ? (uint32_t)v : v;
            up->valid |= 1u << r;
        } else if (l.kind == DL_REG && l.reg < 32 && (f->valid & (1u << l.reg))) {
            up->x[r] = f->x[l.reg];
            up->valid |= 1u << r;
        }
    }
    up->x[REG_SP] = cfa;               /* the caller's sp is the CFA, by definition */
    up->valid |= 1u << REG_SP | 1u;
    Dwarf_Addr start, end;
    bool signalp;
    int ra = dwarf_frame_info(fr, &start, &end, &signalp);
    if (ra < 0 || ra >= 32 || !(up->valid & (1u << ra)))
        return false;
    up->pc = up->x[ra];
    return true;
}

bool dinfo_unwind(dinfo_t *d, const dframe_t *f, dframe_t *up)
{
    Dwarf_Frame *fr;
    bool ok;
    if (cfi_frame(d, f, &fr)) {
        ok = unwind_cfi(d, f, fr, up);
        free(fr);
    } else {
        uint64_t fp = f->x[REG_FP], w = (uint64_t)d->xlen / 8, ra, pfp;
        ok = (f->valid & (1u << REG_FP)) && fp && read_word(d, fp - w, &ra) &&
             read_word(d, fp - 2 * w, &pfp);
        if (ok) {
            *up = (dframe_t){.level = f->level + 1, .pc = ra};
            memcpy(up->x, f->x, sizeof up->x);
            up->valid = f->valid & ~(1u << REG_RA);
            up->x[REG_FP] = pfp;
            up->x[REG_SP] = fp;
        }
    }
    /* the outermost frame: _start's ra is 0, or the stack did not grow */
    if (!ok || up->pc == 0 || ((f->valid & (1u << REG_SP)) && up->x[REG_SP] < f->x[REG_SP]))
        return false;
    return true;
}

/* The line table of pc's unit and the index of its first row at or after
 * pc (rows are sorted by address). */
static bool rows_from(dinfo_t *d, uint64_t pc, Dwarf_Lines **lines, size_t *n, size_t *first)
{
    Dwarf_Die cu;
    if (!dwarf_addrdie(d->dw, pc, &cu) || dwarf_getsrclines(&cu, lines, n) != 0)
        return false;
    size_t lo = 0, hi = *n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        Dwarf_Addr a;
        Dwarf_Line *l = dwarf_onesrcline(*lines, mid);
        if (!l || dwarf_lineaddr(l, &a) != 0)
            return false;
        if (a < pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    return true;
}

/* Row i as a statement start: its address and line; false if it is not one. */
static bool stmt_row(Dwarf_Lines *lines, size_t i, Dwarf_Addr *a, int *ln)
{
    Dwarf_Line *l = dwarf_onesrcline(lines, i);
    bool stmt, end;
    return l && dwarf_lineaddr(l, a) == 0 && dwarf_linebeginstatement(l, &stmt) == 0 && stmt &&
           dwarf_lineendsequence(l, &end) == 0 && !end && dwarf_lineno(l, ln) == 0 && *ln > 0;
}

bool dinfo_stmt_at(dinfo_t *d, uint64_t pc, int *line)
{
    Dwarf_Lines *lines;
    size_t n, i;
    if (!rows_from(d, pc, &lines, &n, &i))
        return false;
    /* rows sharing an address: the last one is the code's (as addr2line) */
    bool found = false;
    for (; i < n; i++) {
        Dwarf_Addr a;
        int ln;
        Dwarf_Line *l = dwarf_onesrcline(lines, i);
        if (!l || dwarf_lineaddr(l, &a) != 0 || a != pc)
            break;
        if (stmt_row(lines, i, &a, &ln)) {
            *line = ln;
            found = true;
        }
    }
    return found;
}

bool dinfo_after_prologue(dinfo_t *d, uint64_t lo, uint64_t hi, uint64_t *addr, int *line)
{
    Dwarf_Lines *lines;
    size_t n, i;
    int first = 0;
    if (!rows_from(d, lo, &lines, &n, &i))
        return false;
    /* the function's first statement line is its opening one; the body
     * starts at the next statement of another line (GDB's rule, when the
     * line table marks no prologue_end) */
    for (; i < n; i++) {
        Dwarf_Addr a;
        int ln;
        if (!stmt_row(lines, i, &a, &ln))
            continue;
        if (a >= hi)
            break;
        if (!first)
            first = ln;
        else if (ln != first) {
            *addr = a;
            *line = ln;
            return true;
        }
    }
    return false;
}
