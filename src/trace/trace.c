/* The trace switches, the trace stream and the per-instruction dispatch. */
#include "trace.h"
#include "itrace.h"
#include "../core/mmu.h"
#include <inttypes.h>
#include <string.h>

bool trace_itrace_on, trace_ftrace_on, trace_mtrace_on, trace_ring_on;
uint64_t trace_mtrace_lo = 0, trace_mtrace_hi = UINT64_MAX;

static const image_t *trace_img;

FILE *trace_stream(void)
{
    return itrace_file ? itrace_file : stderr;
}

void trace_set_image(const image_t *img) { trace_img = img; }
const image_t *trace_image(void) { return trace_img; }

const char *trace_sym(uint64_t addr, char *buf, size_t n)
{
    return sym_format(trace_img, addr, buf, n);
}

const char *sym_format(const image_t *img, uint64_t addr, char *buf, size_t n)
{
    uint64_t off;
    const char *s = img ? image_sym_at(img, addr, &off) : NULL;
    if (!s)
        snprintf(buf, n, "%s", "");
    else if (off)
        snprintf(buf, n, "<%s+%" PRIu64 ">", s, off);
    else
        snprintf(buf, n, "<%s>", s);
    return buf;
}

const char *trace_priv_name(int priv)
{
    return priv == PRIV_M ? "M" : priv == PRIV_S ? "S" : priv == PRIV_U ? "U" : "?";
}

bool trace_wants_before(void)
{
    return trace_itrace_on || trace_ftrace_on || trace_mtrace_on || trace_ring_on;
}

bool trace_wants_after(void)
{
    return trace_mtrace_on;
}

uint32_t trace_fetch_raw(hart_t *h)
{
    unsigned off = (unsigned)(h->pc & (PAGE_SIZE - 1));
    uint8_t b[4] = {0};
    if (h->fetch_vbase == (h->pc & ~(uint64_t)(PAGE_SIZE - 1)) && h->fetch_vbase != TLB_INVALID) {
        /* The checked loop's current page: RAM, already translated. */
        const uint8_t *p = h->m->ram + (h->fetch_pa - RAM_BASE) + off;
        uint32_t raw = p[0] | (uint32_t)p[1] << 8;
        if ((raw & 3) == 3 && off + 2 < PAGE_SIZE)
            return raw | (uint32_t)(p[2] | p[3] << 8) << 16;
        if ((raw & 3) != 3)
            return raw;
    }
    uint64_t pa;
    int cause;
    if (!mmu_translate(h, h->pc, ACC_EXEC, &pa, &cause) || !machine_phys_read(h->m, pa, b, 2))
        return 0;
    uint32_t raw = b[0] | (uint32_t)b[1] << 8;
    if ((raw & 3) == 3) {
        uint64_t pa2;
        if (mmu_translate(h, h->pc + 2, ACC_EXEC, &pa2, &cause) && machine_phys_read(h->m, pa2, b + 2, 2))
            raw |= (uint32_t)(b[2] | b[3] << 8) << 16;
    }
    return raw;
}

void trace_before_insn(hart_t *h)
{
    if (trace_ring_on)
        itrace_ring_record(h);
    if (trace_itrace_on)
        itrace_stream(h);
    if (trace_ftrace_on || trace_mtrace_on) {
        uint32_t raw = trace_fetch_raw(h);
        if (trace_ftrace_on)
            ftrace_insn(h, raw);
        if (trace_mtrace_on)
            mtrace_before(h, raw);
    }
}

void trace_after_insn(hart_t *h)
{
    if (trace_mtrace_on)
        mtrace_after(h);
}

void trace_reset(void)
{
    ftrace_reset();
    mtrace_reset();
    etrace_reset();
}
