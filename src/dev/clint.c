/* CLINT: software interrupts and the machine timer. mtime itself is the
 * machine's deterministic clock (machine.c); this file maps it. */
#include "clint.h"
#include <stdlib.h>

struct clint {
    machine_t *m;
    uint64_t mtimecmp[MAX_HARTS];
    uint32_t msip[MAX_HARTS];
};

uint64_t clint_mtimecmp(const struct clint *c, unsigned hart) { return c->mtimecmp[hart]; }
bool clint_msip(const struct clint *c, unsigned hart) { return c->msip[hart] & 1; }

/* The hart whose instruction is accessing the CLINT, for mtime. */
static hart_t *current(machine_t *m)
{
    /* One host thread runs harts in turn: the running one has a slice. */
    for (unsigned i = 0; i < m->nharts; i++)
        if (m->harts[i]->slice_len)
            return m->harts[i];
    return m->harts[0];
}

/* Read `size` bytes at byte offset `off` of a 64-bit register. */
static uint64_t part(uint64_t reg, uint64_t off, unsigned size)
{
    uint64_t v = reg >> (8 * (off & 7));
    return size == 8 ? v : v & ((1ull << (8 * size)) - 1);
}

static uint64_t merge(uint64_t reg, uint64_t off, unsigned size, uint64_t val)
{
    unsigned sh = 8 * (off & 7);
    uint64_t mask = (size == 8 ? ~0ull : ((1ull << (8 * size)) - 1)) << sh;
    return (reg & ~mask) | ((val << sh) & mask);
}

static bool clint_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    struct clint *c = opaque;
    machine_t *m = c->m;
    if (size != 4 && size != 8)
        return false;
    if (off < 4 * m->nharts) {
        *val = c->msip[off / 4];
        return size == 4;
    }
    if (off >= 0x4000 && off < 0x4000 + 8 * m->nharts) {
        *val = part(c->mtimecmp[(off - 0x4000) / 8], off, size);
        return true;
    }
    if (off >= 0xbff8 && off < 0xc000) {
        *val = part(machine_mtime(m, current(m)), off, size);
        return true;
    }
    *val = 0;          /* QEMU reads unimplemented CLINT words as zero */
    return true;
}

static bool clint_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    struct clint *c = opaque;
    machine_t *m = c->m;
    if (size != 4 && size != 8)
        return false;
    if (off < 4 * m->nharts) {
        c->msip[off / 4] = val & 1;
        return size == 4;
    }
    if (off >= 0x4000 && off < 0x4000 + 8 * m->nharts) {
        uint64_t *r = &c->mtimecmp[(off - 0x4000) / 8];
        *r = merge(*r, off, size, val);
        return true;
    }
    if (off >= 0xbff8 && off < 0xc000) {
        hart_t *h = current(m);
        uint64_t now = machine_mtime(m, h);
        m->mtime += merge(now, off, size, val) - now;
        return true;
    }
    return true;
}

struct clint *clint_new(machine_t *m)
{
    struct clint *c = calloc(1, sizeof *c);
    c->m = m;
    /* QEMU raises MTIP only once mtimecmp has been written; an all-ones
     * reset value gives the same behaviour. */
    for (unsigned i = 0; i < MAX_HARTS; i++)
        c->mtimecmp[i] = UINT64_MAX;
    device_t d = { .name = "clint", .base = CLINT_BASE, .size = CLINT_SIZE, .opaque = c,
                   .read = clint_read, .write = clint_write, .destroy = free };
    machine_add_device(m, &d);
    m->clint = c;
    return c;
}
