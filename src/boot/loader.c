/* Placing firmware, kernel, initrd and device tree in RAM the way QEMU's
 * virt machine does (docs/boot.md):
 *   --bios     an ELF at its own addresses (entry = its entry), or a raw
 *              file at 0x80000000 (entry there);
 *   --kernel   an ELF at its own addresses (next stage = its lowest
 *              address, as QEMU hands fw_dynamic), or a raw Image: at
 *              0x80000000 + the text_offset of its Linux/RISC-V header,
 *              else at the first 2 MiB (RV64) / 4 MiB (RV32) boundary
 *              after the firmware;
 *   --initrd   at the kernel + min(RAM / 2, 128 MiB);
 *   the tree   at the end of RAM (at most 3 GiB), 2 MiB aligned down. */
#include "boot/boot.h"
#include "boot/dt.h"
#include "boot/rom.h"
#include "elf/util.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MiB (1ull << 20)

typedef struct load_ctx {
    machine_t *m;
    boot_state_t *s;
    uint64_t lo, hi;            /* extent of what this file loaded */
} load_ctx_t;

void boot_note_used(boot_state_t *s, uint64_t lo, uint64_t hi)
{
    if (s->nused < BOOT_MAX_RANGES && hi > lo) {
        s->used[s->nused].lo = lo;
        s->used[s->nused].hi = hi;
        s->used[s->nused].what = s->loading ? s->loading : "the program";
        s->nused++;
    }
}

/* Which loaded image overlaps [lo, hi), or NULL. */
static const char *overlap(const boot_state_t *s, uint64_t lo, uint64_t hi)
{
    for (unsigned i = 0; i < s->nused; i++)
        if (lo < s->used[i].hi && s->used[i].lo < hi)
            return s->used[i].what;
    return NULL;
}

static bool place(void *ctx, uint64_t paddr, const void *data, uint64_t filesz, uint64_t memsz,
                  char *err, size_t errlen)
{
    load_ctx_t *c = ctx;
    machine_t *m = c->m;
    if (!machine_is_ram(m, paddr, memsz)) {
        snprintf(err, errlen, "0x%" PRIx64 "..0x%" PRIx64 " is outside RAM 0x%llx..0x%llx",
                 paddr, paddr + memsz, RAM_BASE, RAM_BASE + m->ram_size);
        return false;
    }
    const char *o = overlap(c->s, paddr, paddr + memsz);
    if (o) {
        snprintf(err, errlen, "0x%" PRIx64 "..0x%" PRIx64 " overlaps %s", paddr, paddr + memsz, o);
        return false;
    }
    machine_phys_write(m, paddr, data, filesz);
    /* RAM is zero at reset, but a reboot reloads over a used machine. */
    if (memsz > filesz) {
        static const uint8_t zero[4096];
        for (uint64_t a = filesz; a < memsz; a += sizeof zero)
            machine_phys_write(m, paddr + a, zero, memsz - a < sizeof zero ? memsz - a : sizeof zero);
    }
    if (c->lo > paddr) c->lo = paddr;
    if (c->hi < paddr + memsz) c->hi = paddr + memsz;
    return true;
}

static bool is_elf(const unsigned char *b, size_t n)
{
    return n >= 4 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
}

/* Peeks at a file: ELF (and its class) or raw. -1 when unreadable. */
static int peek(const char *path, const char *opt, bool *elf, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        errf(err, errlen, "%s %s: cannot open it", opt, path);
        return -1;
    }
    unsigned char b[5] = { 0 };
    size_t n = fread(b, 1, sizeof b, f);
    fclose(f);
    *elf = is_elf(b, n);
    return *elf && n == 5 ? (b[4] == 1 ? 32 : 64) : 0;
}

int boot_xlen(const boot_opts_t *o, char *err, size_t errlen)
{
    int x = 0;
    const char *files[2] = { boot_has_bios(o) ? o->bios : NULL, o->kernel };
    const char *opts[2] = { "--bios", "--kernel" };
    for (int i = 0; i < 2; i++) {
        bool elf;
        if (!files[i])
            continue;
        int fx = peek(files[i], opts[i], &elf, err, errlen);
        if (fx < 0)
            return -1;
        if (fx && x && fx != x) {
            errf(err, errlen, "%s is RV%d but %s is RV%d: both must have the same XLEN",
                 files[i], fx, files[0], x);
            return -1;
        }
        if (fx)
            x = fx;
    }
    return x;
}

/* Loads one file: ELF segments, or raw at `raw_at` (raw_at = 0: decided
 * by raw_addr() from the contents). *entry: ELF entry or the raw address;
 * *low: lowest address loaded; *end: highest. */
typedef uint64_t (*raw_addr_fn)(machine_t *m, const boot_state_t *s, const unsigned char *b, size_t n);

static bool load_file(machine_t *m, boot_state_t *s, const char *path, const char *opt,
                      raw_addr_fn raw_addr, image_t **img, uint64_t *entry, uint64_t *low,
                      uint64_t *end, char *err, size_t errlen)
{
    unsigned char *buf;
    size_t size;
    char why[400];
    if (!read_whole_file(path, &buf, &size, why, sizeof why)) {
        errf(err, errlen, "%s: %s", opt, why);
        return false;
    }
    load_ctx_t c = { m, s, UINT64_MAX, 0 };
    s->loading = opt;
    bool ok;
    if (is_elf(buf, size)) {
        *img = image_open_mem(buf, size, path, false, why, sizeof why);
        ok = *img && image_load(*img, place, &c, why, sizeof why);
        if (ok && image_xlen(*img) != m->xlen) {
            snprintf(why, sizeof why, "%s is an RV%d ELF but the machine is RV%d", path,
                     image_xlen(*img), m->xlen);
            ok = false;
        }
        if (ok)
            *entry = image_entry(*img);
        if (!ok)
            errf(err, errlen, "%s: %s", opt, why);      /* image_load names the file */
    } else if (size == 0) {
        errf(err, errlen, "%s %s: empty file, nothing to load", opt, path);
        ok = false;
    } else {
        uint64_t at = raw_addr(m, s, buf, size);
        ok = place(&c, at, buf, size, size, why, sizeof why);
        if (!ok)
            errf(err, errlen, "%s %s (%zu bytes at 0x%" PRIx64 "): %s", opt, path, size, at, why);
        *entry = at;
    }
    free(buf);
    if (ok) {
        *low = c.lo;
        *end = c.hi;
        boot_note_used(s, c.lo, c.hi);
    }
    return ok;
}

static uint64_t bios_raw_addr(machine_t *m, const boot_state_t *s, const unsigned char *b, size_t n)
{
    (void)m; (void)s; (void)b; (void)n;
    return RAM_BASE;
}

static uint64_t rd64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* A raw kernel: by the RISC-V Linux Image header (magic "RISCV\0\0\0" at
 * 48 or "RSC\x05" at 56, text_offset at 8), else after the firmware. */
static uint64_t kernel_raw_addr(machine_t *m, const boot_state_t *s, const unsigned char *b, size_t n)
{
    if (n >= 64 && (!memcmp(b + 48, "RISCV\0\0\0", 8) || !memcmp(b + 56, "RSC\x05", 4))) {
        uint64_t off = rd64(b + 8);
        if (off && off < m->ram_size)
            return RAM_BASE + off;
    }
    uint64_t align = m->xlen == 32 ? 4 * MiB : 2 * MiB, end = RAM_BASE;
    for (unsigned i = 0; i < s->nused; i++)
        if (s->used[i].hi > end)
            end = s->used[i].hi;
    return (end + align - 1) & ~(align - 1);
}

const char *boot_default_bios(int xlen)
{
    /* QEMU's own copy (qemu-system-data), else Debian's opensbi package. */
    static const char *const rv64[] = { "/usr/share/qemu/opensbi-riscv64-generic-fw_dynamic.elf",
        "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.elf", NULL };
    static const char *const rv32[] = { "/usr/share/qemu/opensbi-riscv32-generic-fw_dynamic.elf", NULL };
    for (const char *const *p = xlen == 32 ? rv32 : rv64; *p; p++)
        if (access(*p, R_OK) == 0)
            return *p;
    return NULL;
}

bool boot_load(machine_t *m, const boot_opts_t *o, boot_state_t *s, char *err, size_t errlen)
{
    uint64_t entry = 0, low = 0, end = 0;
    bool bios = boot_has_bios(o);
    if (bios) {
        if (!load_file(m, s, o->bios, "--bios", bios_raw_addr, &s->bios_img, &entry, &low, &end, err, errlen))
            return false;
        s->start = entry;
    }
    if (o->kernel) {
        bool elf;
        if (peek(o->kernel, "--kernel", &elf, err, errlen) < 0)
            return false;
        if (!elf && !bios) {
            errf(err, errlen, "--kernel %s is not an ELF: a raw kernel Image needs firmware to start it "
                 "(add --bios, e.g. --bios /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf)", o->kernel);
            return false;
        }
        if (!load_file(m, s, o->kernel, "--kernel", kernel_raw_addr, &s->kernel_img, &entry, &low, &end, err, errlen))
            return false;
        /* The firmware gets the kernel's load address (QEMU: "jump to the
         * expected load address"); without firmware the ELF starts at its
         * entry, as a plain IMAGE does. */
        s->next = elf ? low : entry;
        if (!bios)
            s->start = entry;
    }
    if (o->initrd) {
        if (!o->kernel) {
            errf(err, errlen, "--initrd needs --kernel (the kernel is what reads it)");
            return false;
        }
        unsigned char *buf;
        size_t size;
        char why[400];
        if (!read_whole_file(o->initrd, &buf, &size, why, sizeof why)) {
            errf(err, errlen, "--initrd: %s", why);
            return false;
        }
        uint64_t half = m->ram_size / 2 < 128 * MiB ? m->ram_size / 2 : 128 * MiB;
        uint64_t at = s->next + half;
        load_ctx_t c = { m, s, UINT64_MAX, 0 };
        s->loading = "--initrd";
        bool ok = size > 0 && place(&c, at, buf, size, size, why, sizeof why);
        free(buf);
        if (!ok) {
            errf(err, errlen, "--initrd %s (%zu bytes) does not fit in RAM at 0x%" PRIx64 " (%s): give more "
                 "--mem or a smaller initrd", o->initrd, size, at, size ? why : "empty file");
            return false;
        }
        s->initrd_start = at;
        s->initrd_end = at + size;
        boot_note_used(s, at, at + size);
    }
    if (o->append && !o->kernel) {
        errf(err, errlen, "--append needs --kernel (the command line is the kernel's)");
        return false;
    }
    return true;
}

static bool write_file(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(data, 1, len, f) == len;
    if (f && fclose(f))
        ok = false;
    if (!ok)
        errf(err, errlen, "--dumpdtb: cannot write %s", path);
    return ok;
}

bool boot_finish(machine_t *m, const boot_opts_t *o, boot_state_t *s, bool required,
                 bool *dumped, char *err, size_t errlen)
{
    dt_chosen_t ch = { o->append, s->initrd_start, s->initrd_end };
    void *fdt = o->dtb ? dt_load_file(o->dtb, &ch, err, errlen) : dt_build(m, &ch, err, errlen);
    if (!fdt)
        return false;
    size_t size = dt_size(fdt);
    *dumped = false;
    if (o->dumpdtb) {
        bool ok = write_file(o->dumpdtb, fdt, size, err, errlen);
        free(fdt);
        *dumped = ok;
        return ok;
    }
    /* As high as possible, so kernels and initrds do not overwrite it,
     * but below 3 GiB so that RV32 can address it. */
    uint64_t top = RAM_BASE + m->ram_size;
    if (top > 3072 * MiB)
        top = 3072 * MiB;
    uint64_t at = top >= RAM_BASE + size ? ((top - size) & ~(2 * MiB - 1)) : 0;
    const char *o_what = at >= RAM_BASE ? overlap(s, at, at + size) : "RAM's start";
    if (at < RAM_BASE || o_what) {
        if (required) {
            errf(err, errlen, "no room for the device tree (%zu bytes) at the end of RAM: it would overlap %s "
                 "(give more --mem)", size, o_what);
            free(fdt);
            return false;
        }
        at = 0;             /* a plain program that fills RAM: a1 = 0, as before */
    } else {
        machine_phys_write(m, at, fdt, size);
    }
    free(fdt);
    s->fdt_addr = at;
    rom_new(m, s->start, at, s->next);
    for (unsigned i = 0; i < m->nharts; i++) {
        hart_t *h = m->harts[i];
        h->pc = s->start;
        h->x[5] = s->start;                  /* t0: the ROM's jump register */
        h->x[10] = i;                        /* a0: hart id */
        h->x[11] = at;                       /* a1: device tree */
        h->x[12] = ROM_FW_DYNAMIC_INFO;      /* a2: fw_dynamic info */
    }
    return true;
}

void boot_state_free(boot_state_t *s)
{
    image_close(s->bios_img);
    image_close(s->kernel_img);
    s->bios_img = s->kernel_img = NULL;
}
