/* DWARF line tables, read once at open through libdw into two plain arrays:
 * address ranges sorted by start (addr -> file:line, binary search) and the
 * is_stmt rows (FILE:LINE -> address, a scan: only breakpoint setting asks).
 * libdw is closed afterwards, so file names are copied and interned. */
#include <elfutils/libdw.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "elf/image_priv.h"

/* File name interning: DWARF repeats each path in every unit's table. */
struct interner {
    struct image *img;
    uint32_t *slot; /* index + 1 into img->files, 0 = empty */
    size_t nslot;
    size_t cap;
};

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211ull;
    return h;
}

/* "a//b/./c" -> "a/b/c", "./x" -> "x": the same file reached through
 * different directory entries should compare equal.  ".." is kept: without
 * the file system we can't know what it means under symlinks.  Control
 * characters (only a broken file has them) become '?': names get printed. */
static void normalize(char *p)
{
    char *w = p;
    const char *r = p;
    while (r[0] == '.' && r[1] == '/')
        r += 2;
    while (*r) {
        if (r[0] == '/' && (r[1] == '/' || (r[1] == '.' && (r[2] == '/' || r[2] == 0)))) {
            r += r[1] == '/' ? 1 : 2;
            continue;
        }
        unsigned char c = (unsigned char)*r++;
        *w++ = c < 0x20 || c == 0x7f ? '?' : (char)c;
    }
    *w = 0;
}

/* Room for need elements of elem bytes in p (capacity *cap): the array,
 * maybe moved, or NULL when out of memory (p is then still valid). */
static void *grow(void *p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return p;
    size_t n = *cap ? *cap * 2 : 256;
    while (n < need)
        n *= 2;
    void *q = realloc(p, n * elem);
    if (q)
        *cap = n;
    return q;
}

/* Index of name in img->files, adding it; UINT32_MAX when out of memory. */
static uint32_t intern(struct interner *in, const char *raw)
{
    struct image *img = in->img;
    char *name = strdup(raw);
    if (!name)
        return UINT32_MAX;
    normalize(name);
    if (img->nfiles * 2 >= in->nslot) { /* keep the table half empty */
        size_t ns = in->nslot ? in->nslot * 2 : 64;
        uint32_t *t = calloc(ns, sizeof *t);
        if (!t) {
            free(name);
            return UINT32_MAX;
        }
        for (size_t i = 0; i < img->nfiles; i++) {
            size_t h = hash(img->files[i]) & (ns - 1);
            while (t[h])
                h = (h + 1) & (ns - 1);
            t[h] = (uint32_t)i + 1;
        }
        free(in->slot);
        in->slot = t;
        in->nslot = ns;
    }
    size_t h = hash(name) & (in->nslot - 1);
    for (; in->slot[h]; h = (h + 1) & (in->nslot - 1))
        if (strcmp(img->files[in->slot[h] - 1], name) == 0) {
            free(name);
            return in->slot[h] - 1;
        }
    char **files = grow(img->files, &in->cap, img->nfiles + 1, sizeof *img->files);
    if (!files) {
        free(name);
        return UINT32_MAX;
    }
    img->files = files;
    img->files[img->nfiles] = name;
    in->slot[h] = (uint32_t)++img->nfiles;
    return in->slot[h] - 1;
}

/* Executable address ranges.  Code removed by --gc-sections keeps its line
 * rows, relocated to address 0; rows outside every executable section are
 * such leftovers and would shadow real code at low addresses. */
struct xranges {
    uint64_t (*r)[2];
    size_t n;
};

static void exec_ranges(Elf *elf, struct xranges *x)
{
    size_t shnum;
    x->r = NULL;
    x->n = 0;
    if (elf_getshdrnum(elf, &shnum) != 0 || shnum == 0 || !(x->r = calloc(shnum, sizeof *x->r)))
        return;
    for (size_t i = 1; i < shnum; i++) {
        GElf_Shdr sh;
        Elf_Scn *scn = elf_getscn(elf, i);
        if (scn && gelf_getshdr(scn, &sh) && (sh.sh_flags & SHF_ALLOC) &&
            (sh.sh_flags & SHF_EXECINSTR) && sh.sh_size) {
            x->r[x->n][0] = sh.sh_addr;
            x->r[x->n][1] = sh.sh_size;
            x->n++;
        }
    }
}

static bool in_exec(const struct xranges *x, uint64_t a)
{
    if (x->n == 0)
        return true; /* no section headers to judge by */
    for (size_t i = 0; i < x->n; i++)
        if (a - x->r[i][0] < x->r[i][1])
            return true;
    return false;
}

static int cmp_range(const void *a, const void *b)
{
    const struct line_range *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

struct row {
    uint64_t addr;
    uint32_t file;
    int line;
};

/* Reads one unit's rows.  A row's code runs from its address to the next
 * row's; an end_sequence row only closes the previous one, and rows sharing
 * an address give the range to the last of them (as addr2line does).  Rows
 * with line 0 are compiler-made code that belongs to no line. */
static bool add_unit(struct image *img, struct interner *in, const struct xranges *x,
                     Dwarf_Lines *lines, size_t n, size_t *rcap, size_t *scap)
{
    struct row prev = {0, 0, 0};
    bool have_prev = false;
    const char *last_src = NULL;
    uint32_t last_file = 0;
    for (size_t i = 0; i < n; i++) {
        Dwarf_Line *l = dwarf_onesrcline(lines, i);
        Dwarf_Addr a;
        int ln;
        bool stmt, end;
        if (!l || dwarf_lineaddr(l, &a) || dwarf_lineno(l, &ln) || dwarf_linebeginstatement(l, &stmt) ||
            dwarf_lineendsequence(l, &end)) {
            have_prev = false;
            continue;
        }
        if (have_prev && a > prev.addr && prev.line > 0 && in_exec(x, prev.addr)) {
            struct line_range *r = grow(img->ranges, rcap, img->nranges + 1, sizeof *r);
            if (!r)
                return false;
            img->ranges = r;
            img->ranges[img->nranges++] = (struct line_range){prev.addr, a, prev.file, prev.line};
        }
        have_prev = false;
        if (end)
            continue;
        const char *src = dwarf_linesrc(l, NULL, NULL);
        if (!src)
            continue;
        if (src != last_src) { /* rows of one file share the pointer */
            last_file = intern(in, src);
            if (last_file == UINT32_MAX)
                return false;
            last_src = src;
        }
        prev = (struct row){a, last_file, ln};
        have_prev = true;
        if (stmt && ln > 0 && in_exec(x, a)) {
            struct stmt *st = grow(img->stmts, scap, img->nstmts + 1, sizeof *st);
            if (!st)
                return false;
            img->stmts = st;
            img->stmts[img->nstmts++] = (struct stmt){a, last_file, ln};
        }
    }
    return true;
}

/* DWARF compressed with dwz refers to a shared file named in the ELF
 * (.gnu_debugaltlink, or DWARF 5's .debug_sup), which libdw opens by that
 * name: a crafted file could make us open any path, a FIFO included, and
 * hang.  Guest kernels are not dwz'd, so such DWARF is simply not used. */
static bool needs_alt_file(const struct image *img, Elf *elf)
{
    size_t shnum;
    if (elf_getshdrnum(elf, &shnum) != 0)
        return false;
    for (size_t i = 1; i < shnum; i++)
        if (!strcmp(section_name(img, elf, i), ".gnu_debugaltlink") ||
            !strcmp(section_name(img, elf, i), ".debug_sup"))
            return true;
    return false;
}

void lines_build(struct image *img, Elf *elf)
{
    if (needs_alt_file(img, elf))
        return;
    Dwarf *dw = dwarf_begin_elf(elf, DWARF_C_READ, NULL);
    if (!dw)
        return; /* no DWARF: no line information, not an error */
    struct interner in = {img, NULL, 0, 0};
    struct xranges x;
    exec_ranges(elf, &x);
    size_t rcap = 0, scap = 0;
    bool ok = true;
    Dwarf_CU *cu = NULL;
    Dwarf_Die cudie;
    uint8_t unit_type;
    while (ok && dwarf_get_units(dw, cu, &cu, NULL, &unit_type, &cudie, NULL) == 0) {
        Dwarf_Lines *lines;
        size_t n;
        if (dwarf_getsrclines(&cudie, &lines, &n) == 0)
            ok = add_unit(img, &in, &x, lines, n, &rcap, &scap);
    }
    free(x.r);
    free(in.slot);
    dwarf_end(dw);
    if (!ok) { /* out of memory: better no line table than half of one */
        lines_free(img);
        return;
    }
    if (img->nranges)
        qsort(img->ranges, img->nranges, sizeof *img->ranges, cmp_range);
}

void lines_free(struct image *img)
{
    for (size_t i = 0; i < img->nfiles; i++)
        free(img->files[i]);
    free(img->files);
    free(img->ranges);
    free(img->stmts);
    img->files = NULL;
    img->ranges = NULL;
    img->stmts = NULL;
    img->nfiles = img->nranges = img->nstmts = 0;
}

bool image_has_lines(const image_t *img)
{
    return img->nranges != 0;
}

bool image_line_at(const image_t *img, uint64_t addr, const char **file, int *line)
{
    size_t lo = 0, hi = img->nranges; /* first range starting after addr */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (img->ranges[mid].start <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || addr >= img->ranges[lo - 1].end)
        return false;
    const struct line_range *r = &img->ranges[lo - 1];
    if (file)
        *file = img->files[r->file];
    if (line)
        *line = r->line;
    return true;
}

/* Does DWARF path name end with the user's path q at a '/' boundary? */
static bool path_matches(const char *name, const char *q)
{
    size_t ln = strlen(name), lq = strlen(q);
    if (lq > ln || strcmp(name + ln - lq, q) != 0)
        return false;
    return ln == lq || q[0] == '/' || name[ln - lq - 1] == '/';
}

bool image_resolve_line(const image_t *img, const char *file, int line, uint64_t *addr,
                        int *actual_line)
{
    if (!file || !*file || img->nfiles == 0)
        return false;
    char *q = strdup(file);
    bool *match = calloc(img->nfiles, sizeof *match);
    bool any = false;
    if (q && match) {
        normalize(q);
        for (size_t i = 0; i < img->nfiles; i++)
            any |= match[i] = *q && path_matches(img->files[i], q);
    }
    free(q);
    /* the lowest address of the first line at or after the one asked for */
    int best_line = INT_MAX;
    uint64_t best_addr = 0;
    for (size_t i = 0; any && i < img->nstmts; i++) {
        const struct stmt *s = &img->stmts[i];
        if (!match[s->file] || s->line < line)
            continue;
        if (s->line < best_line || (s->line == best_line && s->addr < best_addr)) {
            best_line = s->line;
            best_addr = s->addr;
        }
    }
    free(match);
    if (best_line == INT_MAX)
        return false;
    if (addr)
        *addr = best_addr;
    if (actual_line)
        *actual_line = best_line;
    return true;
}

bool image_addr_of_line(const image_t *img, const char *file, int line, uint64_t *addr)
{
    return image_resolve_line(img, file, line, addr, NULL);
}
