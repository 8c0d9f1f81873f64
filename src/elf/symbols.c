/* ELF symbols: name -> address and address -> symbol+offset for the monitor,
 * traces and ftrace.  Two sorted arrays built once at open so that both
 * lookups are binary searches. */
#include <stdlib.h>
#include <string.h>

#include "elf/image_priv.h"
#include "elf/util.h"

/* An unsized symbol (an assembly label) names at most this much code. */
#define UNSIZED_REACH 0x10000

static int bind_rank(unsigned b)
{
    return b == STB_GLOBAL ? 0 : b == STB_WEAK ? 1 : 2;
}

static int type_rank(unsigned t)
{
    return t == STT_FUNC ? 0 : t == STT_OBJECT ? 1 : 2;
}

static int cmp_name(const void *a, const void *b)
{
    const struct sym *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    if (bind_rank(x->bind) != bind_rank(y->bind))
        return bind_rank(x->bind) - bind_rank(y->bind);
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* By address; at one address the symbol a user would want to see first:
 * a function or object over a label, sized over unsized, global over local. */
static int cmp_addr(const void *a, const void *b)
{
    const struct sym *x = a, *y = b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    if (type_rank(x->type) != type_rank(y->type))
        return type_rank(x->type) - type_rank(y->type);
    if ((x->size == 0) != (y->size == 0))
        return x->size == 0 ? 1 : -1;
    if (bind_rank(x->bind) != bind_rank(y->bind))
        return bind_rank(x->bind) - bind_rank(y->bind);
    return strcmp(x->name, y->name);
}

/* Symbols a user can name or see in a trace.  "$x"/"$d" are RISC-V mapping
 * symbols and ".L" names assembler-local labels: noise in a backtrace.  A
 * name with control characters comes from a broken or hostile file and
 * would garble (or drive) the terminal it is printed on. */
static bool wanted(const GElf_Sym *s, const char *name)
{
    unsigned t = GELF_ST_TYPE(s->st_info);
    if (t != STT_FUNC && t != STT_OBJECT && t != STT_NOTYPE)
        return false;
    if (s->st_shndx == SHN_UNDEF || s->st_shndx == SHN_COMMON)
        return false;
    if (!name[0] || name[0] == '$' || strncmp(name, ".L", 2) == 0)
        return false;
    for (const char *c = name; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            return false;
    return true;
}

static Elf_Scn *find_symtab(Elf *elf, size_t shnum, GElf_Shdr *sh)
{
    for (unsigned want = SHT_SYMTAB;; want = SHT_DYNSYM) {
        for (size_t i = 1; i < shnum; i++) {
            Elf_Scn *scn = elf_getscn(elf, i);
            if (scn && gelf_getshdr(scn, sh) && sh->sh_type == want)
                return scn;
        }
        if (want == SHT_DYNSYM)
            return NULL;
    }
}

bool syms_build(struct image *img, Elf *elf, char *err, size_t errlen)
{
    size_t shnum;
    GElf_Shdr sh, strsh;
    if (elf_getshdrnum(elf, &shnum) != 0)
        shnum = 0;
    Elf_Scn *scn = find_symtab(elf, shnum, &sh);
    if (!scn)
        return true; /* stripped: no symbols is not an error */
    size_t symidx = elf_ndxscn(scn);

    Elf_Scn *strscn = sh.sh_link < shnum ? elf_getscn(elf, sh.sh_link) : NULL;
    if (!strscn || !gelf_getshdr(strscn, &strsh) || strsh.sh_type != SHT_STRTAB) {
        errf(err, errlen, "%s: corrupt ELF: symbol table (section %zu) links to section %u, which is not a string table",
             img->path, symidx, (unsigned)sh.sh_link);
        return false;
    }
    size_t fsize = gelf_fsize(elf, ELF_T_SYM, 1, EV_CURRENT);
    if (sh.sh_entsize != fsize) {
        errf(err, errlen, "%s: corrupt ELF: symbol table entry size %llu, expected %zu", img->path,
             (unsigned long long)sh.sh_entsize, fsize);
        return false;
    }
    Elf_Data *data = elf_getdata(scn, NULL);
    if (!data) {
        errf(err, errlen, "%s: corrupt ELF: cannot read the symbol table: %s", img->path, elf_errmsg(-1));
        return false;
    }
    /* check_sections skips empty sections and section 0: a non-empty
     * string table outside the file is refused here, an empty one only
     * leaves every symbol nameless (skipped below) */
    if (strsh.sh_size && (strsh.sh_offset > img->size || strsh.sh_size > img->size - strsh.sh_offset)) {
        errf(err, errlen, "%s: truncated or corrupt ELF: symbol string table (section %u) at offset 0x%llx, 0x%llx bytes, extends past the end of the file (%zu bytes)",
             img->path, (unsigned)sh.sh_link, (unsigned long long)strsh.sh_offset,
             (unsigned long long)strsh.sh_size, img->size);
        return false;
    }

    /* which sections occupy memory: symbols elsewhere have no address */
    bool *alloc = calloc(shnum ? shnum : 1, sizeof *alloc);
    size_t n = sh.sh_size / fsize;
    img->by_name = calloc(n ? n : 1, sizeof *img->by_name);
    if (!alloc || !img->by_name) {
        free(alloc);
        errf(err, errlen, "%s: out of memory reading symbols", img->path);
        return false;
    }
    for (size_t i = 1; i < shnum; i++) {
        GElf_Shdr s;
        Elf_Scn *c = elf_getscn(elf, i);
        alloc[i] = c && gelf_getshdr(c, &s) && (s.sh_flags & SHF_ALLOC);
    }

    size_t naddr = 0;
    for (size_t i = 0; i < n; i++) {
        GElf_Sym s;
        if (!gelf_getsym(data, (int)i, &s))
            break;
        /* a name outside the string table (or unterminated): skip the
         * symbol, don't guess */
        const char *name = strtab_string(img, &strsh, s.st_name);
        if (!name || !wanted(&s, name))
            continue;
        struct sym *y = &img->by_name[img->nsyms++];
        *y = (struct sym){name, s.st_value, s.st_size, GELF_ST_TYPE(s.st_info),
                          GELF_ST_BIND(s.st_info), false};
        /* SHN_XINDEX: the real index is elsewhere; it is a real section */
        y->by_addr = s.st_shndx == SHN_XINDEX || (s.st_shndx < shnum && alloc[s.st_shndx]);
        naddr += y->by_addr;
    }
    free(alloc);

    img->by_addr = calloc(naddr ? naddr : 1, sizeof *img->by_addr);
    if (!img->by_addr) {
        errf(err, errlen, "%s: out of memory reading symbols", img->path);
        return false;
    }
    for (size_t i = 0; i < img->nsyms; i++)
        if (img->by_name[i].by_addr)
            img->by_addr[img->naddr++] = img->by_name[i];
    qsort(img->by_name, img->nsyms, sizeof *img->by_name, cmp_name);
    qsort(img->by_addr, img->naddr, sizeof *img->by_addr, cmp_addr);
    /* keep the best symbol of each address */
    size_t k = 0;
    for (size_t i = 0; i < img->naddr; i++)
        if (k == 0 || img->by_addr[k - 1].addr != img->by_addr[i].addr)
            img->by_addr[k++] = img->by_addr[i];
    img->naddr = k;
    return true;
}

void syms_free(struct image *img)
{
    free(img->by_name);
    free(img->by_addr);
    img->by_name = img->by_addr = NULL;
    img->nsyms = img->naddr = 0;
}

bool image_sym_lookup(const image_t *img, const char *name, uint64_t *addr)
{
    size_t lo = 0, hi = img->nsyms; /* first entry with name >= name */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(img->by_name[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == img->nsyms || strcmp(img->by_name[lo].name, name) != 0)
        return false;
    if (addr)
        *addr = img->by_name[lo].addr;
    return true;
}

static bool contains(const struct sym *s, uint64_t addr)
{
    return addr - s->addr < (s->size ? s->size : UNSIZED_REACH);
}

const char *image_sym_at(const image_t *img, uint64_t addr, uint64_t *offset)
{
    size_t lo = 0, hi = img->naddr; /* first entry with address > addr */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (img->by_addr[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const struct sym *s = &img->by_addr[lo - 1];
    if (!contains(s, addr)) {
        /* Past the end of a sized symbol: addr may still be inside an
         * enclosing one (a sized label inside a function).  Nesting is
         * shallow, so a short look back is enough. */
        if (s->size == 0)
            return NULL;
        const struct sym *stop = lo > 16 ? s - 16 : img->by_addr;
        while (s > stop) {
            s--;
            if (s->size && contains(s, addr))
                break;
        }
        if (!s->size || !contains(s, addr))
            return NULL;
    }
    if (offset)
        *offset = addr - s->addr;
    return s->name;
}

size_t image_sym_count(const image_t *img)
{
    return img->nsyms;
}

bool image_sym_get(const image_t *img, size_t i, image_sym_t *out)
{
    if (i >= img->nsyms)
        return false;
    const struct sym *s = &img->by_name[i];
    *out = (image_sym_t){s->name, s->addr, s->size, s->type == STT_FUNC, s->type == STT_OBJECT,
                         s->bind != STB_LOCAL};
    return true;
}
