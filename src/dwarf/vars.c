/* Variables: locals and arguments of a frame (innermost lexical scope
 * first, as C scopes them), then the globals and file statics, with their
 * locations at the frame's pc (a location list at -O2 gives each range of
 * code its own location, or none: <optimized out>). */
#include <stdlib.h>
#include <string.h>

#include "dwarf/dwarf_priv.h"

static const char *die_name(Dwarf_Die *die)
{
    Dwarf_Attribute a;
    return dwarf_attr_integrate(die, DW_AT_name, &a) ? dwarf_formstring(&a) : NULL;
}

static bool is_var(Dwarf_Die *die)
{
    int t = dwarf_tag(die);
    return t == DW_TAG_variable || t == DW_TAG_formal_parameter;
}

static bool entry_reg(const lctx_t *c, unsigned reg, uint64_t *v);

/* The frame base of sub at f (DW_AT_frame_base: GCC gives call_frame_cfa). */
static void frame_base(dinfo_t *d, const dframe_t *f, Dwarf_Die *sub, lctx_t *c)
{
    c->entry_reg = entry_reg;
    Dwarf_Attribute a;
    Dwarf_Op *ops;
    size_t n;
    dloc_t l;
    c->has_cfa = f && dinfo_cfa(d, f, &c->cfa);
    if (!f || !sub || !dwarf_attr(sub, DW_AT_frame_base, &a) ||
        dwarf_getlocation_addr(&a, lookup_pc(f), &ops, &n, 1) != 1 || !locexpr_eval(c, ops, n, &l))
        return;
    if (l.kind == DL_MEM) {
        c->fbase = l.addr;
        c->has_fbase = true;
    } else if (l.kind == DL_REG && l.reg < 32 && (f->valid & (1u << l.reg))) {
        c->fbase = f->x[l.reg];
        c->has_fbase = true;
    }
}

static void const_value(Dwarf_Attribute *a, dloc_t *loc)
{
    Dwarf_Block b;
    Dwarf_Word u;
    *loc = (dloc_t){.kind = DL_VALUE};
    if (dwarf_formblock(a, &b) == 0) {
        memcpy(loc->bytes, b.data, b.length > sizeof loc->bytes ? sizeof loc->bytes : b.length);
    } else if (dwarf_formudata(a, &u) == 0) {
        memcpy(loc->bytes, &u, sizeof u);
    } else {
        loc->kind = DL_NONE;
    }
}

static void locate(const lctx_t *c, Dwarf_Die *var, uint64_t pc, dloc_t *loc)
{
    Dwarf_Attribute a;
    Dwarf_Op *ops;
    size_t n;
    loc->kind = DL_NONE;
    if (dwarf_attr_integrate(var, DW_AT_const_value, &a)) {
        const_value(&a, loc);
        return;
    }
    if (!dwarf_attr(var, DW_AT_location, &a) || dwarf_getlocation_addr(&a, pc, &ops, &n, 1) != 1 ||
        !locexpr_eval(c, ops, n, loc))
        loc->kind = DL_NONE;
}

/* Is var's location a real one? --gc-sections leaves the DWARF of a
 * discarded variable with DW_OP_addr 0 (the line table's case, lines.c). */
static bool placed(Dwarf_Die *var)
{
    Dwarf_Attribute a;
    Dwarf_Op *ops;
    size_t n;
    if (dwarf_hasattr(var, DW_AT_const_value))
        return true;
    if (!dwarf_attr(var, DW_AT_location, &a) || dwarf_getlocation(&a, &ops, &n) != 0)
        return false;
    return !(n >= 1 && ops[0].atom == DW_OP_addr && ops[0].number == 0);
}

/* The call site below die (a function, a block) that returns to ret. */
static bool find_call_site(Dwarf_Die *die, uint64_t ret, Dwarf_Die *site, int depth)
{
    Dwarf_Die c;
    if (depth > 16 || dwarf_child(die, &c) != 0)
        return false;
    do {
        int t = dwarf_tag(&c);
        Dwarf_Attribute a;
        Dwarf_Addr pc;
        if ((t == DW_TAG_call_site && dwarf_attr(&c, DW_AT_call_return_pc, &a) &&
             dwarf_formaddr(&a, &pc) == 0 && pc == ret) ||
            (t == DW_TAG_GNU_call_site && dwarf_lowpc(&c, &pc) == 0 && pc == ret)) {
            *site = c;
            return true;
        }
        if ((t == DW_TAG_lexical_block || t == DW_TAG_inlined_subroutine) &&
            find_call_site(&c, ret, site, depth + 1))
            return true;
    } while (dwarf_siblingof(&c, &c) == 0);
    return false;
}

/* DW_OP_entry_value(regN) at c->f: the caller's call site that returns to
 * the caller's pc says what it put in regN (DW_AT_call_value, an
 * expression in the caller's frame). */
static bool entry_reg(const lctx_t *c, unsigned reg, uint64_t *v)
{
    dframe_t up;
    Dwarf_Die cu, sub, site, p;
    if (!c->f || c->depth > 4 || !dinfo_unwind(c->d, c->f, &up) ||
        !frame_subprogram(c->d, up.pc - 1, &cu, &sub) || !find_call_site(&sub, up.pc, &site, 0) ||
        dwarf_child(&site, &p) != 0)
        return false;
    do {
        int t = dwarf_tag(&p);
        Dwarf_Attribute la, va;
        Dwarf_Op *ops;
        size_t n;
        dloc_t l;
        if ((t != DW_TAG_call_site_parameter && t != DW_TAG_GNU_call_site_parameter) ||
            !dwarf_attr(&p, DW_AT_location, &la) || dwarf_getlocation(&la, &ops, &n) != 0 || n != 1 ||
            ops[0].atom != DW_OP_reg0 + reg)
            continue;
        if (!dwarf_attr(&p, DW_AT_call_value, &va) && !dwarf_attr(&p, DW_AT_GNU_call_site_value, &va))
            return false;
        if (dwarf_getlocation(&va, &ops, &n) != 0)
            return false;
        lctx_t cc = {.d = c->d, .f = &up};
        frame_base(c->d, &up, &sub, &cc);
        cc.depth = c->depth + 1;
        if (!locexpr_eval(&cc, ops, n, &l))
            return false;
        /* a value expression: what it leaves on the stack is the value */
        if (l.kind == DL_MEM)
            *v = l.addr;
        else if (l.kind == DL_VALUE)
            memcpy(v, l.bytes, 8);
        else if (l.kind == DL_REG && l.reg < 32 && (up.valid & (1u << l.reg)))
            *v = up.x[l.reg];
        else
            return false;
        return true;
    } while (dwarf_siblingof(&p, &p) == 0);
    return false;
}

/* A global or file static: a top-level variable with a location, else
 * one without (optimized away: GDB's <optimized out>). */
static bool find_global(dinfo_t *d, const char *name, Dwarf_Die *out)
{
    bool found = false;
    for (int pass = 0; pass < 2 && !found; pass++) {
        Dwarf_CU *cu = NULL;
        Dwarf_Die cudie, c;
        uint8_t ut;
        while (!found && dwarf_get_units(d->dw, cu, &cu, NULL, &ut, &cudie, NULL) == 0) {
            if (dwarf_child(&cudie, &c) != 0)
                continue;
            do {
                const char *n;
                if (dwarf_tag(&c) != DW_TAG_variable || !(n = die_name(&c)) || strcmp(n, name))
                    continue;
                if (pass == 0 ? placed(&c)
                              : !dwarf_hasattr(&c, DW_AT_location) && !dwarf_hasattr(&c, DW_AT_declaration)) {
                    *out = c;
                    found = true;
                }
            } while (!found && dwarf_siblingof(&c, &c) == 0);
        }
    }
    return found;
}

bool dinfo_global(dinfo_t *d, const char *name, uint64_t *addr, const dtype_t **type)
{
    Dwarf_Die v;
    dloc_t l;
    lctx_t c = {.d = d};
    if (!find_global(d, name, &v))
        return false;
    locate(&c, &v, 0, &l);
    if (l.kind != DL_MEM)
        return false;
    if (addr)
        *addr = l.addr;
    if (type)
        *type = dtype_of_attr(d, &v);
    return true;
}

/* Calls fn(ctx, scope, var) for the variables in scope at f, innermost
 * first, up to the function (not the unit: globals are looked up after);
 * fn returns true to stop. */
static bool each_local(dinfo_t *d, const dframe_t *f,
                       bool (*fn)(void *ctx, Dwarf_Die *sub, Dwarf_Die *var), void *ctx)
{
    Dwarf_Die cu, *scopes = NULL;
    uint64_t pc = lookup_pc(f);
    if (!dwarf_addrdie(d->dw, pc, &cu))
        return false;
    int n = dwarf_getscopes(&cu, pc, &scopes);
    Dwarf_Die *sub = NULL;
    for (int i = 0; i < n && !sub; i++)
        if (dwarf_tag(&scopes[i]) == DW_TAG_subprogram)
            sub = &scopes[i];
    bool stop = false;
    for (int i = 0; i < n && !stop; i++) {
        int t = dwarf_tag(&scopes[i]);
        if (t == DW_TAG_compile_unit || t == DW_TAG_partial_unit)
            break;
        Dwarf_Die c;
        if (dwarf_child(&scopes[i], &c) != 0)
            continue;
        do
            if (is_var(&c) && die_name(&c))
                stop = fn(ctx, sub, &c);
        while (!stop && dwarf_siblingof(&c, &c) == 0);
        if (t == DW_TAG_subprogram)
            break; /* a nested function's enclosing function is not this frame */
    }
    free(scopes);
    return stop;
}

struct find_ctx {
    dinfo_t *d;
    const dframe_t *f;
    const char *name;
    dloc_t *loc;
    const dtype_t **type;
};

static bool find_one(void *ctx, Dwarf_Die *sub, Dwarf_Die *var)
{
    struct find_ctx *fc = ctx;
    if (strcmp(die_name(var), fc->name))
        return false;
    lctx_t c = {.d = fc->d, .f = fc->f};
    frame_base(fc->d, fc->f, sub, &c);
    locate(&c, var, lookup_pc(fc->f), fc->loc);
    if (fc->type)
        *fc->type = dtype_of_attr(fc->d, var);
    return true;
}

bool dinfo_variable(dinfo_t *d, const dframe_t *f, const char *name, dloc_t *loc,
                    const dtype_t **type)
{
    struct find_ctx fc = {d, f, name, loc, type};
    if (f && each_local(d, f, find_one, &fc))
        return true;
    Dwarf_Die v;
    if (!find_global(d, name, &v))
        return false;
    lctx_t c = {.d = d};
    locate(&c, &v, 0, loc);
    if (type)
        *type = dtype_of_attr(d, &v);
    return true;
}

struct list_ctx {
    void (*fn)(void *ctx, const char *name, bool arg);
    void *ctx;
};

static bool list_one(void *ctx, Dwarf_Die *sub, Dwarf_Die *var)
{
    (void)sub;
    struct list_ctx *lc = ctx;
    lc->fn(lc->ctx, die_name(var), dwarf_tag(var) == DW_TAG_formal_parameter);
    return false;
}

void dinfo_locals(dinfo_t *d, const dframe_t *f, void (*fn)(void *ctx, const char *name, bool arg),
                  void *ctx)
{
    struct list_ctx lc = {fn, ctx};
    each_local(d, f, list_one, &lc);
}
