/* libFuzzer harness for the ELF loader (make fuzz-elf): any input must give
 * an image or a one-line error, never a crash, leak or out-of-bounds read.
 * Every query an image answers is exercised, with addresses taken from the
 * input itself so that they land near real symbols and lines. */
#include <stdint.h>
#include <string.h>

#include "elf/image.h"

static bool take(void *ctx, uint64_t paddr, const void *data, uint64_t filesz,
                 uint64_t memsz, char *err, size_t errlen)
{
    (void)paddr, (void)memsz, (void)err, (void)errlen;
    const unsigned char *p = data;
    unsigned s = 0;
    for (uint64_t i = 0; i < filesz; i++) /* every byte: ASan checks them */
        s += p[i];
    *(unsigned *)ctx += s;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    /* the last byte chooses the mode, so both get fuzzed */
    bool symbols_only = size && (data[size - 1] & 1);
    image_t *img = image_open_mem(data, size, "fuzz.elf", symbols_only, err, sizeof err);
    if (!img) {
        if (strncmp(err, "fuzz.elf: ", 10) != 0 || memchr(err, '\n', strlen(err)))
            __builtin_trap(); /* every refusal must name the file, on one line */
        return 0;
    }
    unsigned sum = 0;
    image_load(img, take, &sum, err, sizeof err);
    (void)image_xlen(img);

    uint64_t a, off;
    const char *file;
    int line;
    image_sym_t s;
    for (size_t i = 0; i < image_sym_count(img) && i < 256; i++) {
        if (!image_sym_get(img, i, &s))
            __builtin_trap();
        if (!image_sym_lookup(img, s.name, &a))
            __builtin_trap();
        image_sym_at(img, s.addr, &off);
        image_sym_at(img, s.addr + s.size, &off);
        if (image_line_at(img, s.addr, &file, &line))
            image_resolve_line(img, file, line, &a, &line);
    }
    uint64_t e = image_entry(img);
    for (uint64_t x = e - 8; x != e + 64; x += 2) {
        image_sym_at(img, x, &off);
        /* no invariant between the two: a line may have only non-is_stmt
         * rows, and then it has no breakpoint address */
        if (image_line_at(img, x, &file, &line))
            image_addr_of_line(img, file, line, &a);
    }
    image_addr_of_line(img, "prog.c", 1, &a);
    image_close(img);
    return 0;
}
