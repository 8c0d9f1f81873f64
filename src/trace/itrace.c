/* Instruction trace lines: "hart pc: raw  disassembly". */
#include "itrace.h"
#include "trace.h"
#include "../core/disasm.h"
#include "../core/mmu.h"
#include "../machine.h"
#include <inttypes.h>
#include <string.h>

bool itrace_format(hart_t *h, char *buf, size_t n)
{
    uint64_t pa;
    int cause;
    uint8_t b[4] = {0};
    if (!mmu_translate(h, h->pc, ACC_EXEC, &pa, &cause) || !machine_phys_read(h->m, pa, b, 2))
        return false;
    uint32_t raw = b[0] | b[1] << 8;
    if ((raw & 3) == 3 && machine_phys_read(h->m, pa + 2, b + 2, 2))
        raw |= (uint32_t)(b[2] | b[3] << 8) << 16;
    char d[96];
    disasm(h->xlen, h->pc, raw, d, sizeof d);
    if ((raw & 3) == 3)
        snprintf(buf, n, "%" PRIx64 ": %08x  %s", h->pc, raw, d);
    else
        snprintf(buf, n, "%" PRIx64 ": %04x      %s", h->pc, raw, d);
    return true;
}

void itrace_stream(hart_t *h)
{
    char line[160];
    if (itrace_format(h, line, sizeof line))
        fprintf(trace_stream(h->m), "[%u] %s\n", h->hartid, line);
}

/* ---- the ring of the last ITRACE_RING instructions ----
 * Recorded from the checked loop (trace_before_insn): the pc, hart and
 * privilege, nothing more, so recording stays a few stores. The
 * instruction bits are read when the ring is shown (code that changed since
 * shows its new bits: rare, and the pc is what matters). */
#include "../core/mmu.h"

_Static_assert((ITRACE_RING & (ITRACE_RING - 1)) == 0, "ring size is a power of 2");

void itrace_ring_record(void *ctx, hart_t *h)
{
    trace_t *t = ctx;
    ring_entry_t *e = &t->ring_buf[t->ring_count++ & (ITRACE_RING - 1)];
    e->pc = h->pc;
    e->hart = (uint8_t)h->hartid;
    e->priv = (uint8_t)h->priv;
}

void itrace_ring_clear(machine_t *m)
{
    trace_of(m)->ring_count = 0;
}

unsigned itrace_ring_count(machine_t *m)
{
    uint64_t c = trace_of(m)->ring_count;
    return c < ITRACE_RING ? (unsigned)c : ITRACE_RING;
}

bool itrace_ring_last(machine_t *m, unsigned hart, uint64_t *pc)
{
    trace_t *t = trace_of(m);
    unsigned n = itrace_ring_count(m);
    for (unsigned i = 1; i <= n; i++) {
        const ring_entry_t *e = &t->ring_buf[(t->ring_count - i) & (ITRACE_RING - 1)];
        if (e->hart == hart) {
            *pc = e->pc;
            return true;
        }
    }
    return false;
}

/* The bits at pc as the hart's current translation finds them: identity
 * in M mode, else its page table (without side effects). */
static bool read_insn(machine_t *m, const ring_entry_t *e, uint32_t *raw)
{
    hart_t *h = m->harts[e->hart];
    uint8_t b[4] = {0};
    for (unsigned half = 0; half < 2; half++) {
        uint64_t va = e->pc + 2 * half, pa = va;
        if (h->xlen == 32)
            va = pa = (uint32_t)va;
        if (e->priv != PRIV_M && !mmu_debug_translate(h, h->satp, va, &pa))
            return false;
        if (!machine_phys_read(m, pa, b + 2 * half, 2))
            return false;
        if (half == 0 && (b[0] & 3) != 3)
            break;
    }
    *raw = b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return true;
}

void itrace_ring_dump(FILE *out, machine_t *m)
{
    trace_t *t = trace_of(m);
    unsigned n = itrace_ring_count(m);
    for (unsigned i = 0; i < n; i++) {
        const ring_entry_t *e = &t->ring_buf[(t->ring_count - n + i) & (ITRACE_RING - 1)];
        char d[96] = "<cannot read memory>", sym[96], hart[16] = "";
        uint32_t raw = 0;
        bool ok = read_insn(m, e, &raw);
        if (ok)
            disasm(m->xlen, e->pc, raw, d, sizeof d);
        trace_sym(m, e->pc, sym, sizeof sym);
        if (m->nharts > 1)
            snprintf(hart, sizeof hart, "[%u] ", e->hart);
        const char *mark = i + 1 == n ? "-->" : "   ";
        char bits[16] = "";
        if (ok)
            snprintf(bits, sizeof bits, (raw & 3) == 3 ? "%08x" : "%04x    ", raw);
        fprintf(out, "%s %s%s 0x%" PRIx64 "%s%s:  %-8s  %s\n", mark, hart, trace_priv_name(e->priv),
                e->pc, *sym ? " " : "", sym, bits, d);
    }
}
