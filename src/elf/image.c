/* Opening an ELF guest image and loading its segments.  The file is read
 * into memory once; layout_check vets the header tables, this file vets each
 * section and segment against the file size, and only then are libelf
 * (symbols) and libdw (lines) let loose on it.  The Elf handle is closed at
 * the end of the open: everything later works from our own arrays. */
#include <stdlib.h>
#include <string.h>

#include "elf/image_priv.h"
#include "elf/util.h"

static bool libelf_ready(char *err, size_t errlen, const char *name)
{
    static bool ready;
    if (!ready && elf_version(EV_CURRENT) == EV_NONE) {
        errf(err, errlen, "%s: libelf is too old for this program", name);
        return false;
    }
    ready = true;
    return true;
}

const char *strtab_string(const struct image *img, const GElf_Shdr *strsh, uint64_t off)
{
    if (strsh->sh_type != SHT_STRTAB || strsh->sh_offset > img->size ||
        strsh->sh_size > img->size - strsh->sh_offset || off >= strsh->sh_size)
        return NULL;
    const char *s = (const char *)img->buf + strsh->sh_offset + off;
    return memchr(s, 0, strsh->sh_size - off) ? s : NULL;
}

const char *section_name(const struct image *img, Elf *elf, size_t idx)
{
    size_t strndx;
    GElf_Shdr sh, str;
    Elf_Scn *scn = elf_getscn(elf, idx), *strscn;
    const char *s;
    if (!scn || !gelf_getshdr(scn, &sh) || elf_getshdrstrndx(elf, &strndx) != 0 ||
        !(strscn = elf_getscn(elf, strndx)) || !gelf_getshdr(strscn, &str) ||
        !(s = strtab_string(img, &str, sh.sh_name)))
        return "?";
    /* it goes into a one-line message: no control characters from a file */
    for (const char *c = s; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            return "?";
    return s;
}

/* Every section with file contents must lie inside the file: libdw walks all
 * of them and some libelf paths trust sh_offset. */
static bool check_sections(struct image *img, Elf *elf, const struct layout *lo,
                           char *err, size_t errlen)
{
    size_t code = 0, code_absent = 0; /* executable sections, and without bytes */
    for (size_t i = 1; i < lo->shnum; i++) {
        GElf_Shdr sh;
        Elf_Scn *scn = elf_getscn(elf, i);
        if (!scn || !gelf_getshdr(scn, &sh)) {
            errf(err, errlen, "%s: corrupt ELF: cannot read section header %zu: %s", img->path, i,
                 elf_errmsg(-1));
            return false;
        }
        if ((sh.sh_flags & SHF_ALLOC) && (sh.sh_flags & SHF_EXECINSTR) && sh.sh_size) {
            code++;
            code_absent += sh.sh_type == SHT_NOBITS;
        }
        if (sh.sh_type == SHT_NOBITS || sh.sh_size == 0)
            continue;
        if (sh.sh_offset > img->size || sh.sh_size > img->size - sh.sh_offset) {
            /* section_name checks the name table itself: it may be one
             * of the sections not checked yet */
            errf(err, errlen, "%s: truncated or corrupt ELF: section %zu (%s) at offset 0x%llx, 0x%llx bytes, extends past the end of the file (%zu bytes)",
                 img->path, i, section_name(img, elf, i), (unsigned long long)sh.sh_offset, (unsigned long long)sh.sh_size,
                 img->size);
            return false;
        }
    }
    /* objcopy --only-keep-debug keeps the program headers but not the code:
     * loading it would run whatever bytes the segments now point at. */
    if (!img->symbols_only && code && code == code_absent) {
        errf(err, errlen, "%s: ELF has no code in the file, only debug information (load the program itself and give this file with --symbols)",
             img->path);
        return false;
    }
    return true;
}

/* Collects the PT_LOAD segments; unless the image is for symbols only, each
 * must be inside the file and inside the address space. */
static bool check_segments(struct image *img, Elf *elf, const struct layout *lo,
                           char *err, size_t errlen)
{
    uint64_t addr_max = img->xlen == 32 ? UINT32_MAX : UINT64_MAX;
    img->segs = calloc(lo->phnum ? lo->phnum : 1, sizeof *img->segs);
    if (!img->segs) {
        errf(err, errlen, "%s: out of memory", img->path);
        return false;
    }
    for (size_t i = 0; i < lo->phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(elf, (int)i, &ph)) {
            errf(err, errlen, "%s: corrupt ELF: cannot read program header %zu: %s", img->path, i,
                 elf_errmsg(-1));
            return false;
        }
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        if (img->symbols_only)
            continue;
        if (ph.p_filesz > ph.p_memsz) {
            errf(err, errlen, "%s: corrupt ELF: segment %zu has file size 0x%llx larger than its memory size 0x%llx",
                 img->path, i, (unsigned long long)ph.p_filesz, (unsigned long long)ph.p_memsz);
            return false;
        }
        if (ph.p_filesz != 0 && (ph.p_offset > img->size || ph.p_filesz > img->size - ph.p_offset)) {
            errf(err, errlen, "%s: truncated or corrupt ELF: segment %zu (file offset 0x%llx, 0x%llx bytes) extends past the end of the file (%zu bytes)",
                 img->path, i, (unsigned long long)ph.p_offset, (unsigned long long)ph.p_filesz, img->size);
            return false;
        }
        if (ph.p_paddr > addr_max || ph.p_memsz - 1 > addr_max - ph.p_paddr) {
            errf(err, errlen, "%s: corrupt ELF: segment %zu at 0x%llx, 0x%llx bytes, wraps around the %d-bit address space",
                 img->path, i, (unsigned long long)ph.p_paddr, (unsigned long long)ph.p_memsz, img->xlen);
            return false;
        }
        img->segs[img->nsegs++] = (struct seg){ph.p_offset, ph.p_paddr, ph.p_filesz, ph.p_memsz};
    }
    if (!img->symbols_only && img->nsegs == 0) {
        errf(err, errlen, "%s: ELF has no loadable (PT_LOAD) segments, nothing to run (check the linker script)",
             img->path);
        return false;
    }
    return true;
}

static image_t *open_buffer(image_t *img, char *err, size_t errlen)
{
    struct layout lo;
    if (!libelf_ready(err, errlen, img->path) ||
        !layout_check(img->path, img->buf, img->size, &lo, err, errlen))
        goto fail;
    img->xlen = lo.cls == ELFCLASS64 ? 64 : 32;

    Elf *elf = elf_memory((char *)img->buf, img->size);
    GElf_Ehdr eh;
    if (!elf || elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh)) {
        errf(err, errlen, "%s: corrupt ELF: %s", img->path, elf_errmsg(-1));
        elf_end(elf);
        goto fail;
    }
    img->entry = eh.e_entry;
    bool ok = check_sections(img, elf, &lo, err, errlen) &&
              check_segments(img, elf, &lo, err, errlen) &&
              syms_build(img, elf, err, errlen);
    if (ok)
        lines_build(img, elf);
    elf_end(elf);
    if (ok)
        return img;
fail:
    image_close(img);
    return NULL;
}

static image_t *new_image(const char *name, bool symbols_only, char *err, size_t errlen)
{
    image_t *img = calloc(1, sizeof *img);
    if (img)
        img->path = strdup(name);
    if (!img || !img->path) {
        errf(err, errlen, "%s: out of memory", name);
        free(img);
        return NULL;
    }
    img->symbols_only = symbols_only;
    return img;
}

static image_t *open_path(const char *path, bool symbols_only, char *err, size_t errlen)
{
    image_t *img = new_image(path, symbols_only, err, errlen);
    if (!img)
        return NULL;
    if (!read_whole_file(path, &img->buf, &img->size, err, errlen)) {
        image_close(img);
        return NULL;
    }
    return open_buffer(img, err, errlen);
}

image_t *image_open_elf(const char *path, char *err, size_t errlen)
{
    return open_path(path, false, err, errlen);
}

image_t *image_open_symbols(const char *path, char *err, size_t errlen)
{
    return open_path(path, true, err, errlen);
}

image_t *image_open_mem(const void *data, size_t size, const char *name,
                        bool symbols_only, char *err, size_t errlen)
{
    image_t *img = new_image(name, symbols_only, err, errlen);
    if (!img)
        return NULL;
    if (size) {
        /* our own copy: libelf may convert headers in place */
        img->buf = malloc(size);
        if (!img->buf) {
            errf(err, errlen, "%s: out of memory", name);
            image_close(img);
            return NULL;
        }
        memcpy(img->buf, data, size);
        img->size = size;
    }
    return open_buffer(img, err, errlen);
}

void image_close(image_t *img)
{
    if (!img)
        return;
    syms_free(img);
    lines_free(img);
    free(img->segs);
    free(img->buf);
    free(img->path);
    free(img);
}

const char *image_path(const image_t *img) { return img->path; }
int image_xlen(const image_t *img) { return img->xlen; }
uint64_t image_entry(const image_t *img) { return img->entry; }

bool image_load(image_t *img, image_load_fn fn, void *ctx, char *err, size_t errlen)
{
    if (img->symbols_only) {
        errf(err, errlen, "%s: opened for symbols only, cannot be loaded", img->path);
        return false;
    }
    for (size_t i = 0; i < img->nsegs; i++) {
        const struct seg *s = &img->segs[i];
        /* a segment with no file bytes may have any p_offset: don't use it */
        const void *data = s->filesz ? img->buf + s->offset : img->buf;
        char why[256] = "refused by the loader";
        if (!fn(ctx, s->paddr, data, s->filesz, s->memsz, why, sizeof why)) {
            why[sizeof why - 1] = 0;
            errf(err, errlen, "%s: %s", img->path, why);
            return false;
        }
    }
    return true;
}
