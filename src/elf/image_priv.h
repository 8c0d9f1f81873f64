/* Internals shared by the image modules: loader (image.c), header checks
 * (layout.c), symbols (symbols.c), line table (lines.c).  Not for callers. */
#ifndef RVSCOPE_ELF_IMAGE_PRIV_H
#define RVSCOPE_ELF_IMAGE_PRIV_H

#include <gelf.h>

#include "elf/image.h"

struct sym {
    const char *name; /* points into image->buf (checked NUL-terminated) */
    uint64_t addr, size;
    unsigned char type, bind;
    bool by_addr; /* also used for address lookup (section-relative) */
};

struct seg {
    uint64_t offset, paddr, filesz, memsz;
};

struct line_range { /* [start, end) was generated from file:line */
    uint64_t start, end;
    uint32_t file;
    int32_t line;
};

struct stmt { /* an is_stmt row, for FILE:LINE -> address */
    uint64_t addr;
    uint32_t file;
    int32_t line;
};

struct image {
    char *path;
    unsigned char *buf; /* the whole file; symbol names and segment data */
    size_t size;
    bool symbols_only;
    int xlen;
    uint64_t entry;

    struct seg *segs;
    size_t nsegs;

    struct sym *by_name; /* every kept symbol, sorted by name */
    size_t nsyms;
    struct sym *by_addr; /* one per address (the best), sorted by address */
    size_t naddr;

    char **files; /* interned DWARF file paths */
    size_t nfiles;
    struct line_range *ranges; /* sorted by start */
    size_t nranges;
    struct stmt *stmts;
    size_t nstmts;
};

/* What layout_check found in the raw ELF header (before libelf parses it). */
struct layout {
    int cls;  /* ELFCLASS32 / ELFCLASS64 */
    uint64_t phnum, shnum;
};

/* Checks identification, machine, type and that the program and section
 * header tables lie inside the file.  Fills err and returns false if not. */
bool layout_check(const char *name, const unsigned char *buf, size_t size,
                  struct layout *lo, char *err, size_t errlen);

/* The NUL-terminated string at offset off of the string table whose
 * header is strsh, or NULL when strsh is not an SHT_STRTAB lying inside the
 * file or the string does not both start and end inside it.  It checks
 * everything itself and forms no pointer before that: check_sections passes
 * empty sections whatever their offset (a fuzzer found sh_offset ~0 with
 * sh_size 0) and never looks at section 0, which a symbol table or
 * e_shstrndx can still name. */
const char *strtab_string(const struct image *img, const GElf_Shdr *strsh, uint64_t off);

/* The name of section idx from the section header string table, or "?". */
const char *section_name(const struct image *img, Elf *elf, size_t idx);

/* Builds img->by_name/by_addr from .symtab (or .dynsym).  false + err when
 * the symbol table is corrupt. */
bool syms_build(struct image *img, Elf *elf, char *err, size_t errlen);
void syms_free(struct image *img);

/* Builds the line table through libdw.  Missing or broken DWARF only means
 * no line information, so this cannot fail. */
void lines_build(struct image *img, Elf *elf);
void lines_free(struct image *img);

#endif
