/* Guest images: ELF files (RV32/RV64) opened for loading, symbols and DWARF
 * line tables.  Every error is one line naming the file, what is wrong and,
 * where there is one, how to fix it.  A hostile or truncated file gives an
 * error, never a crash: all offsets are checked against the file size before
 * libelf or libdw look at them (SPEC §8). */
#ifndef RVSCOPE_ELF_IMAGE_H
#define RVSCOPE_ELF_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct image image_t; /* opaque: an opened guest image */

/* Called for every PT_LOAD segment with memsz > 0: copy filesz bytes from
 * data, zero the rest up to memsz.  Return false and fill err to refuse
 * (e.g. "segment 0x1000..0x2000 is outside RAM 0x80000000..0x88000000");
 * image_load/raw_load prefix the message with the file name. */
typedef bool (*image_load_fn)(void *ctx, uint64_t paddr, const void *data,
                              uint64_t filesz, uint64_t memsz, char *err,
                              size_t errlen);

/* Opens an ELF executable (ET_EXEC or ET_DYN) for RISC-V with at least one
 * loadable segment.  NULL and a message in err on any problem. */
image_t *image_open_elf(const char *path, char *err, size_t errlen);

/* Opens an ELF only for its symbols and line table (--symbols FILE[@space]):
 * segments are not checked (a file from objcopy --only-keep-debug has none
 * in the file) and image_load refuses it. */
image_t *image_open_symbols(const char *path, char *err, size_t errlen);

/* As image_open_elf/image_open_symbols, on a copy of size bytes at data;
 * name is used in messages.  For tests and the fuzz harness. */
image_t *image_open_mem(const void *data, size_t size, const char *name,
                        bool symbols_only, char *err, size_t errlen);

void image_close(image_t *img); /* NULL is fine */

const char *image_path(const image_t *img);
int image_xlen(const image_t *img); /* 32 or 64, from the ELF class */
uint64_t image_entry(const image_t *img);

/* Calls fn for each PT_LOAD segment at its p_paddr (LMA), in program header
 * order.  Stops at the first refusal. */
bool image_load(image_t *img, image_load_fn fn, void *ctx, char *err,
                size_t errlen);

/* ---- symbols (STT_FUNC, STT_OBJECT, named STT_NOTYPE; not section, file,
 * undefined or RISC-V mapping ($x, $d) symbols, nor .L local labels) ---- */

/* Exact name.  When several symbols share a name (static functions in
 * different files) a global one wins, then the lowest address. */
bool image_sym_lookup(const image_t *img, const char *name, uint64_t *addr);

/* The function/object containing addr, or the nearest unsized symbol at or
 * below addr within 64 KiB; *offset = addr - symbol (offset may be NULL).
 * NULL if none.  O(log n). */
const char *image_sym_at(const image_t *img, uint64_t addr, uint64_t *offset);

typedef struct {
    const char *name;
    uint64_t addr;
    uint64_t size;   /* 0 when the ELF gives none */
    bool is_func;    /* STT_FUNC */
    bool is_object;  /* STT_OBJECT */
    bool is_global;  /* STB_GLOBAL or STB_WEAK */
} image_sym_t;

size_t image_sym_count(const image_t *img);
/* i in 0..image_sym_count()-1, sorted by name. */
bool image_sym_get(const image_t *img, size_t i, image_sym_t *out);

/* ---- DWARF line table (read once at open through libdw) ---- */

bool image_has_lines(const image_t *img);

/* addr -> file:line.  *file is the path as recorded in DWARF (usually
 * absolute), valid until image_close. */
bool image_line_at(const image_t *img, uint64_t addr, const char **file,
                   int *line);

/* FILE:LINE -> lowest is_stmt address.  file may be a basename or a path
 * suffix ("elf/image.c").  A line without code (blank, comment) resolves, as
 * in GDB, to the next line of that file that has code. */
bool image_addr_of_line(const image_t *img, const char *file, int line,
                        uint64_t *addr);
/* Same, also telling which line was used (actual_line may be NULL). */
bool image_resolve_line(const image_t *img, const char *file, int line,
                        uint64_t *addr, int *actual_line);

#endif
