/* DWARF types converted into dtype_t, once per DIE (cached by offset), and
 * named as C spells them; types looked up by their C name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dwarf/dwarf_priv.h"

static const dtype_t void_type = {.kind = DT_VOID, .name = "void"};

void *dinfo_alloc(dinfo_t *d, size_t n)
{
    if (d->nallocs == d->capallocs) {
        size_t nc = d->capallocs ? d->capallocs * 2 : 64;
        void **a = realloc(d->allocs, nc * sizeof *a);
        if (!a)
            return NULL;
        d->allocs = a;
        d->capallocs = nc;
    }
    void *p = calloc(1, n ? n : 1);
    if (p)
        d->allocs[d->nallocs++] = p;
    return p;
}

static const char *dup_str(dinfo_t *d, const char *s)
{
    if (!s)
        return NULL;
    char *p = dinfo_alloc(d, strlen(s) + 1);
    if (p)
        strcpy(p, s);
    return p;
}

void dtypes_free(dinfo_t *d)
{
    for (size_t i = 0; i < d->nallocs; i++)
        free(d->allocs[i]);
    free(d->allocs);
    free(d->tc);
    free(d->ptrs);
}

static dtype_t *cache_get(dinfo_t *d, Dwarf_Off off)
{
    if (!d->captc)
        return NULL;
    for (size_t h = (off * 0x9e3779b97f4a7c15ull) & (d->captc - 1); d->tc[h].t; h = (h + 1) & (d->captc - 1))
        if (d->tc[h].off == off)
            return d->tc[h].t;
    return NULL;
}

static void cache_put(dinfo_t *d, Dwarf_Off off, dtype_t *t)
{
    if ((d->ntc + 1) * 2 > d->captc) {
        size_t nc = d->captc ? d->captc * 2 : 256;
        struct tcache_ent *n = calloc(nc, sizeof *n);
        if (!n)
            return; /* not cached: converted again next time */
        for (size_t i = 0; i < d->captc; i++)
            if (d->tc[i].t) {
                size_t h = (d->tc[i].off * 0x9e3779b97f4a7c15ull) & (nc - 1);
                while (n[h].t)
                    h = (h + 1) & (nc - 1);
                n[h] = d->tc[i];
            }
        free(d->tc);
        d->tc = n;
        d->captc = nc;
    }
    size_t h = (off * 0x9e3779b97f4a7c15ull) & (d->captc - 1);
    while (d->tc[h].t)
        h = (h + 1) & (d->captc - 1);
    d->tc[h] = (struct tcache_ent){off, t};
    d->ntc++;
}

static uint64_t udata(Dwarf_Die *die, unsigned at, uint64_t dflt)
{
    Dwarf_Attribute a;
    Dwarf_Word w;
    if (dwarf_attr_integrate(die, at, &a) && dwarf_formudata(&a, &w) == 0)
        return w;
    return dflt;
}

/* A member's byte offset: a constant, or (DWARF 2, as xv6 builds with
 * -gdwarf-2) the expression DW_OP_plus_uconst N. Union members have none. */
static uint64_t member_offset(Dwarf_Die *m)
{
    Dwarf_Attribute a;
    Dwarf_Word w;
    Dwarf_Op *ops;
    size_t nops;
    if (!dwarf_attr_integrate(m, DW_AT_data_member_location, &a))
        return 0;
    if (dwarf_formudata(&a, &w) == 0)
        return w;
    if (dwarf_getlocation(&a, &ops, &nops) == 0 && nops == 1 && ops[0].atom == DW_OP_plus_uconst)
        return ops[0].number;
    return 0;
}

const dtype_t *dtype_of_attr(dinfo_t *d, Dwarf_Die *die)
{
    Dwarf_Attribute a;
    Dwarf_Die t;
    if (!dwarf_attr_integrate(die, DW_AT_type, &a) || !dwarf_formref_die(&a, &t))
        return &void_type;
    return dtype_of_die(d, &t);
}

static void convert_members(dinfo_t *d, Dwarf_Die *die, dtype_t *t)
{
    Dwarf_Die c;
    unsigned n = 0;
    if (dwarf_child(die, &c) == 0)
        do
            n += dwarf_tag(&c) == DW_TAG_member;
        while (dwarf_siblingof(&c, &c) == 0);
    dmember_t *m = dinfo_alloc(d, n * sizeof *m);
    if (!m)
        return;
    unsigned i = 0;
    if (dwarf_child(die, &c) == 0)
        do {
            if (dwarf_tag(&c) != DW_TAG_member || i >= n)
                continue;
            dmember_t *x = &m[i++];
            x->name = dwarf_diename(&c);
            x->type = dtype_of_attr(d, &c);
            x->offset = member_offset(&c);
            x->bit_size = (unsigned)udata(&c, DW_AT_bit_size, 0);
            if (x->bit_size) {
                uint64_t bo = udata(&c, DW_AT_data_bit_offset, UINT64_MAX);
                if (bo != UINT64_MAX) { /* DWARF 4: bits from the aggregate's start */
                    x->offset = bo / 8;
                    x->bit_offset = (unsigned)(bo % 8);
                } else {                /* DWARF 2: from the storage unit's top */
                    uint64_t bs = udata(&c, DW_AT_byte_size, x->type->size);
                    uint64_t old = udata(&c, DW_AT_bit_offset, 0);
                    x->bit_offset = (unsigned)(bs * 8 - old - x->bit_size);
                }
            }
        } while (dwarf_siblingof(&c, &c) == 0);
    t->members = m;
    t->nmembers = i;
}

static void convert_enum(dinfo_t *d, Dwarf_Die *die, dtype_t *t)
{
    Dwarf_Die c;
    unsigned n = 0;
    if (dwarf_child(die, &c) == 0)
        do
            n += dwarf_tag(&c) == DW_TAG_enumerator;
        while (dwarf_siblingof(&c, &c) == 0);
    denum_t *e = dinfo_alloc(d, n * sizeof *e);
    if (!e)
        return;
    unsigned i = 0;
    if (dwarf_child(die, &c) == 0)
        do {
            Dwarf_Attribute a;
            Dwarf_Sword v = 0;
            if (dwarf_tag(&c) != DW_TAG_enumerator || i >= n)
                continue;
            if (dwarf_attr(&c, DW_AT_const_value, &a))
                dwarf_formsdata(&a, &v);
            e[i].name = dwarf_diename(&c);
            e[i++].value = v;
        } while (dwarf_siblingof(&c, &c) == 0);
    t->enums = e;
    t->nenums = i;
}

/* An array DIE has one subrange per dimension: int a[3][4] is an array of 3
 * arrays of 4. */
static const dtype_t *convert_array(dinfo_t *d, Dwarf_Die *die, dtype_t *outer)
{
    const dtype_t *elem = dtype_of_attr(d, die);
    uint64_t counts[8];
    unsigned nd = 0;
    Dwarf_Die c;
    if (dwarf_child(die, &c) == 0)
        do {
            if (dwarf_tag(&c) != DW_TAG_subrange_type || nd == 8)
                continue;
            uint64_t cnt = udata(&c, DW_AT_count, UINT64_MAX);
            if (cnt == UINT64_MAX) {
                Dwarf_Attribute a;
                Dwarf_Word ub;
                cnt = dwarf_attr(&c, DW_AT_upper_bound, &a) && dwarf_formudata(&a, &ub) == 0 ? ub + 1 : 0;
            }
            counts[nd++] = cnt;
        } while (dwarf_siblingof(&c, &c) == 0);
    if (nd == 0)
        counts[nd++] = 0;
    for (unsigned i = nd; i-- > 0;) {
        dtype_t *t = i == 0 ? outer : dinfo_alloc(d, sizeof *t);
        if (!t)
            return &void_type;
        t->kind = DT_ARRAY;
        t->target = elem;
        t->count = counts[i];
        t->size = counts[i] * elem->size;
        elem = t;
    }
    return outer;
}

const dtype_t *dtype_of_die(dinfo_t *d, Dwarf_Die *die)
{
    if (!die)
        return &void_type;
    Dwarf_Off off = dwarf_dieoffset(die);
    dtype_t *t = cache_get(d, off);
    if (t)
        return t;
    int tag = dwarf_tag(die);
    if (tag == DW_TAG_const_type || tag == DW_TAG_volatile_type || tag == DW_TAG_restrict_type ||
        tag == DW_TAG_atomic_type) {
        /* not cached (they are stripped), so a hostile file's qualifier
         * that qualifies itself must not recurse for ever */
        static int depth;
        if (depth > 32)
            return &void_type;
        depth++;
        const dtype_t *t = dtype_of_attr(d, die);
        depth--;
        return t;
    }
    if (!(t = dinfo_alloc(d, sizeof *t)))
        return &void_type;
    cache_put(d, off, t); /* before the parts: struct proc holds a struct proc * */
    const char *name = dwarf_diename(die);
    t->size = udata(die, DW_AT_byte_size, 0);
    char buf[256];
    switch (tag) {
    case DW_TAG_base_type: {
        unsigned enc = (unsigned)udata(die, DW_AT_encoding, DW_ATE_signed);
        t->name = dup_str(d, name);
        t->kind = enc == DW_ATE_boolean ? DT_BOOL : enc == DW_ATE_float ? DT_FLOAT : DT_INT;
        t->is_signed = enc == DW_ATE_signed || enc == DW_ATE_signed_char;
        t->is_char = enc == DW_ATE_signed_char || enc == DW_ATE_unsigned_char;
        break;
    }
    case DW_TAG_pointer_type:
    case DW_TAG_reference_type:
        t->kind = DT_PTR;
        if (!t->size)
            t->size = (uint64_t)d->xlen / 8;
        t->target = dtype_of_attr(d, die);
        break;
    case DW_TAG_typedef:
        t->kind = DT_TYPEDEF;
        t->name = dup_str(d, name);
        t->target = dtype_of_attr(d, die);
        t->size = t->target->size;
        break;
    case DW_TAG_structure_type:
    case DW_TAG_class_type:
    case DW_TAG_union_type:
        t->kind = tag == DW_TAG_union_type ? DT_UNION : DT_STRUCT;
        snprintf(buf, sizeof buf, "%s %s", tag == DW_TAG_union_type ? "union" : "struct",
                 name ? name : "{...}");
        t->name = dup_str(d, buf);
        convert_members(d, die, t);
        break;
    case DW_TAG_enumeration_type:
        t->kind = DT_ENUM;
        snprintf(buf, sizeof buf, "enum %s", name ? name : "{...}");
        t->name = dup_str(d, buf);
        t->target = dtype_of_attr(d, die);
        t->is_signed = t->target->kind != DT_VOID ? t->target->is_signed : false;
        convert_enum(d, die, t);
        for (unsigned i = 0; i < t->nenums; i++)
            t->is_signed |= t->enums[i].value < 0;
        break;
    case DW_TAG_array_type:
        return convert_array(d, die, t);
    case DW_TAG_subroutine_type:
        t->kind = DT_FUNC;
        t->target = dtype_of_attr(d, die);
        break;
    default:
        t->kind = DT_VOID;
        t->name = "?";
        break;
    }
    return t;
}

const dtype_t *dtype_strip(const dtype_t *t)
{
    /* a typedef of itself (only a broken file has one) ends as void */
    for (int i = 0; t && t->kind == DT_TYPEDEF; i++)
        t = i < 64 ? t->target : NULL;
    return t ? t : &void_type;
}

/* The declarator around inner ("*", "[4]", "(*)[4]"), C's inside-out way. */
static void spell(const dtype_t *t, const char *inner, char *buf, size_t n)
{
    char in[256];
    if (!t)
        t = &void_type;
    if (strlen(inner) > 200) {      /* a pointer to itself, in a broken file */
        snprintf(buf, n, "?");
        return;
    }
    switch (t->kind) {
    case DT_PTR: {
        const dtype_t *tg = t->target ? t->target : &void_type;
        bool paren = tg->kind == DT_ARRAY || tg->kind == DT_FUNC;
        snprintf(in, sizeof in, paren ? "(*%s)" : "*%s", inner);
        spell(tg, in, buf, n);
        return;
    }
    case DT_ARRAY:
        if (t->count)
            snprintf(in, sizeof in, "%s[%llu]", inner, (unsigned long long)t->count);
        else
            snprintf(in, sizeof in, "%s[]", inner);
        spell(t->target, in, buf, n);
        return;
    case DT_FUNC:
        snprintf(in, sizeof in, "%s(void)", inner);
        spell(t->target, in, buf, n);
        return;
    default:
        snprintf(buf, n, "%s%s%s", t->name ? t->name : "?", *inner ? " " : "", inner);
        return;
    }
}

const char *dtype_name(const dtype_t *t, char *buf, size_t n)
{
    spell(t, "", buf, n);
    return buf;
}

/* Base type names in a canonical word order: "unsigned long",
 * "long unsigned int" and "unsigned long int" are one type. */
static void canon_base(const char *s, char *out, size_t n)
{
    static const char *const order[] = {"signed", "unsigned", "short", "long", "char", "_Bool",
                                        "float", "double"};
    int counts[8] = {0}, other = 0;
    char w[64];
    const char *p = s;
    out[0] = '\0';
    while (*p) {
        while (*p == ' ')
            p++;
        size_t k = 0;
        while (*p && *p != ' ' && k < sizeof w - 1)
            w[k++] = *p++;
        w[k] = '\0';
        if (!k)
            break;
        bool known = !strcmp(w, "int");
        for (int i = 0; i < 8 && !known; i++)
            if (!strcmp(w, order[i])) {
                counts[i]++;
                known = true;
            }
        if (!known)
            other = 1;
    }
    if (other) {
        snprintf(out, n, "%s", s);
        return;
    }
    bool any = false;
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < counts[i]; j++) {
            if (i == 0 && counts[4] == 0)
                continue; /* "signed int" is int; only "signed char" differs */
            snprintf(out + strlen(out), n - strlen(out), "%s%s", any ? " " : "", order[i]);
            any = true;
        }
    if (!any)
        snprintf(out, n, "int");
}

const dtype_t *dinfo_type(dinfo_t *d, const char *name)
{
    int tag = DW_TAG_typedef;
    const char *want = name;
    if (!strncmp(name, "struct ", 7)) {
        tag = DW_TAG_structure_type;
        want = name + 7;
    } else if (!strncmp(name, "union ", 6)) {
        tag = DW_TAG_union_type;
        want = name + 6;
    } else if (!strncmp(name, "enum ", 5)) {
        tag = DW_TAG_enumeration_type;
        want = name + 5;
    }
    while (*want == ' ')
        want++;
    char canon[128], c2[128];
    canon_base(want, canon, sizeof canon);
    if (!strcmp(want, "void"))
        return &void_type;
    Dwarf_CU *cu = NULL;
    Dwarf_Die cudie, c;
    uint8_t ut;
    const dtype_t *base = NULL;
    while (dwarf_get_units(d->dw, cu, &cu, NULL, &ut, &cudie, NULL) == 0) {
        if (dwarf_child(&cudie, &c) != 0)
            continue;
        do {
            int t = dwarf_tag(&c);
            const char *n = dwarf_diename(&c);
            if (!n || dwarf_hasattr(&c, DW_AT_declaration))
                continue;
            if (t == tag && !strcmp(n, want))
                return dtype_of_die(d, &c);
            if (tag == DW_TAG_typedef && t == DW_TAG_base_type && !base) {
                canon_base(n, c2, sizeof c2);
                if (!strcmp(c2, canon))
                    base = dtype_of_die(d, &c);
            }
        } while (dwarf_siblingof(&c, &c) == 0);
    }
    return base;
}

bool dinfo_member(dinfo_t *d, const char *struct_name, const char *member, uint64_t *offset,
                  uint64_t *size)
{
    const dtype_t *t = dinfo_type(d, struct_name);
    if (!t)
        return false;
    t = dtype_strip(t);
    if (t->kind != DT_STRUCT && t->kind != DT_UNION)
        return false;
    for (unsigned i = 0; i < t->nmembers; i++)
        if (t->members[i].name && !strcmp(t->members[i].name, member)) {
            if (offset)
                *offset = t->members[i].offset;
            if (size)
                *size = t->members[i].type->size;
            return true;
        }
    return false;
}

const dtype_t *dinfo_pointer_to(dinfo_t *d, const dtype_t *t)
{
    /* few are asked for (p &x, casts): a list does */
    for (size_t i = 0; i < d->nptrs; i++)
        if (d->ptrs[i]->target == t)
            return d->ptrs[i];
    dtype_t *p = dinfo_alloc(d, sizeof *p);
    const dtype_t **l = p ? realloc(d->ptrs, (d->nptrs + 1) * sizeof *l) : NULL;
    if (!l)
        return NULL;
    p->kind = DT_PTR;
    p->size = (uint64_t)d->xlen / 8;
    p->target = t;
    d->ptrs = l;
    d->ptrs[d->nptrs++] = p;
    return p;
}

bool dinfo_enumerator(dinfo_t *d, const char *name, int64_t *value, const dtype_t **type)
{
    Dwarf_CU *cu = NULL;
    Dwarf_Die cudie, c, e;
    uint8_t ut;
    while (dwarf_get_units(d->dw, cu, &cu, NULL, &ut, &cudie, NULL) == 0) {
        if (dwarf_child(&cudie, &c) != 0)
            continue;
        do {
            if (dwarf_tag(&c) != DW_TAG_enumeration_type || dwarf_child(&c, &e) != 0)
                continue;
            do {
                const char *n = dwarf_diename(&e);
                Dwarf_Attribute a;
                Dwarf_Sword v;
                if (n && !strcmp(n, name) && dwarf_attr(&e, DW_AT_const_value, &a) &&
                    dwarf_formsdata(&a, &v) == 0) {
                    *value = v;
                    *type = dtype_of_die(d, &c);
                    return true;
                }
            } while (dwarf_siblingof(&e, &e) == 0);
        } while (dwarf_siblingof(&c, &c) == 0);
    }
    return false;
}
