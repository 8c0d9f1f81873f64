/* DWARF queries over every compilation unit's top-level entries (libdw). */
#include "dwarfq.h"
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct dwq {
    int fd;
    Dwarf *dw;
};

dwq_t *dwq_open(const char *path, char *err, size_t n)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        snprintf(err, n, "%s: cannot open", path);
        return NULL;
    }
    Dwarf *dw = dwarf_begin(fd, DWARF_C_READ);
    if (!dw) {
        snprintf(err, n, "%s: no DWARF debug information (build it with -g)", path);
        close(fd);
        return NULL;
    }
    dwq_t *q = calloc(1, sizeof *q);
    if (!q)
        abort();
    q->fd = fd;
    q->dw = dw;
    return q;
}

void dwq_close(dwq_t *q)
{
    if (!q)
        return;
    dwarf_end(q->dw);
    close(q->fd);
    free(q);
}

/* The first top-level entry with this tag and name that is a definition
 * (a struct with members, not a declaration). */
static bool find(dwq_t *q, int tag, const char *name, Dwarf_Die *out)
{
    Dwarf_Off off = 0, next;
    size_t hsize;
    while (dwarf_nextcu(q->dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
        Dwarf_Die cu, d;
        if (dwarf_offdie(q->dw, off + hsize, &cu) && dwarf_child(&cu, &d) == 0) {
            do {
                const char *nm;
                Dwarf_Attribute a;
                if (dwarf_tag(&d) == tag && (nm = dwarf_diename(&d)) && !strcmp(nm, name) &&
                    !dwarf_attr(&d, DW_AT_declaration, &a)) {
                    if (tag == DW_TAG_variable && !dwarf_attr(&d, DW_AT_location, &a))
                        continue;
                    *out = d;
                    return true;
                }
            } while (dwarf_siblingof(&d, &d) == 0);
        }
        off = next;
    }
    return false;
}

static bool type_size(Dwarf_Die *d, uint64_t *size)
{
    Dwarf_Attribute a;
    Dwarf_Die t;
    Dwarf_Word w;
    if (!dwarf_attr_integrate(d, DW_AT_type, &a) || !dwarf_formref_die(&a, &t) ||
        dwarf_aggregate_size(&t, &w) != 0)
        return false;
    *size = w;
    return true;
}

bool dwq_var(dwq_t *q, const char *name, uint64_t *addr, uint64_t *size)
{
    Dwarf_Die d;
    Dwarf_Attribute a;
    Dwarf_Op *ops;
    size_t nops;
    if (!find(q, DW_TAG_variable, name, &d) || !dwarf_attr(&d, DW_AT_location, &a) ||
        dwarf_getlocation(&a, &ops, &nops) != 0 || nops != 1 || ops[0].atom != DW_OP_addr)
        return false;
    *addr = ops[0].number;
    if (!type_size(&d, size))
        *size = 0;
    return true;
}

bool dwq_struct_size(dwq_t *q, const char *st, uint64_t *size)
{
    Dwarf_Die d;
    Dwarf_Word w;
    if (!find(q, DW_TAG_structure_type, st, &d) || dwarf_aggregate_size(&d, &w) != 0)
        return false;
    *size = w;
    return true;
}

bool dwq_member(dwq_t *q, const char *st, const char *member, uint64_t *off, uint64_t *size)
{
    Dwarf_Die d, m;
    if (!find(q, DW_TAG_structure_type, st, &d) || dwarf_child(&d, &m) != 0)
        return false;
    do {
        const char *nm = dwarf_diename(&m);
        Dwarf_Attribute a;
        Dwarf_Word w;
        if (dwarf_tag(&m) != DW_TAG_member || !nm || strcmp(nm, member))
            continue;
        if (!dwarf_attr(&m, DW_AT_data_member_location, &a))
            return false;
        if (dwarf_formudata(&a, &w) != 0) {
            /* DWARF 2 (xv6 builds with -gdwarf-2): an expression, DW_OP_plus_uconst N */
            Dwarf_Op *ops;
            size_t nops;
            if (dwarf_getlocation(&a, &ops, &nops) != 0 || nops != 1 ||
                ops[0].atom != DW_OP_plus_uconst)
                return false;
            w = ops[0].number;
        }
        *off = w;
        return type_size(&m, size);
    } while (dwarf_siblingof(&m, &m) == 0);
    return false;
}

bool dwq_enumerator(dwq_t *q, const char *en, int64_t v, char *name, size_t n)
{
    Dwarf_Die d, e;
    if (!find(q, DW_TAG_enumeration_type, en, &d) || dwarf_child(&d, &e) != 0)
        return false;
    do {
        Dwarf_Attribute a;
        Dwarf_Sword sv;
        if (dwarf_tag(&e) == DW_TAG_enumerator && dwarf_attr(&e, DW_AT_const_value, &a) &&
            dwarf_formsdata(&a, &sv) == 0 && sv == v) {
            snprintf(name, n, "%s", dwarf_diename(&e));
            return true;
        }
    } while (dwarf_siblingof(&e, &e) == 0);
    return false;
}
