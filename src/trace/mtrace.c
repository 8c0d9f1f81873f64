/* mtrace: loads, stores and AMOs whose address falls in [lo, hi].
 *
 * Before the instruction (the trace's before-hook) the access is decoded through the
 * instruction table and its virtual address computed from the registers;
 * after it (the instruction hook) the line is printed with the value: the
 * register a load wrote, the value a store wrote. An access that trapped is
 * printed as such. Only the first byte's address is compared to the range. */
#include "trace.h"
#include "../core/decode.h"
#include <inttypes.h>
#include <pthread.h>
#include <string.h>

enum mkind { MK_NONE, MK_LOAD, MK_STORE, MK_AMO, MK_LR, MK_SC };

/* Built once (immutable afterwards), shared by every machine. */
static uint8_t kind_of[I_COUNT + 1], size_of[I_COUNT + 1];

/* From the semantic handler's name: compressed forms share it. */
static void classify(void)
{
    static const struct { const char *sem; uint8_t kind, size; } tab[] = {
        {"lb", MK_LOAD, 1}, {"lbu", MK_LOAD, 1}, {"lh", MK_LOAD, 2}, {"lhu", MK_LOAD, 2},
        {"lw", MK_LOAD, 4}, {"lwu", MK_LOAD, 4}, {"ld", MK_LOAD, 8},
        {"sb", MK_STORE, 1}, {"sh", MK_STORE, 2}, {"sw", MK_STORE, 4}, {"sd", MK_STORE, 8},
        {"lr_w", MK_LR, 4}, {"lr_d", MK_LR, 8}, {"sc_w", MK_SC, 4}, {"sc_d", MK_SC, 8},
    };
    for (unsigned id = 0; id < I_COUNT; id++) {
        const char *sem = insn_table[id].sem;
        if (!sem)
            continue;
        for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
            if (!strcmp(sem, tab[i].sem)) {
                kind_of[id] = tab[i].kind;
                size_of[id] = tab[i].size;
            }
        size_t n = strlen(sem);
        if (!strncmp(sem, "amo", 3) && n > 2 && sem[n - 2] == '_') {
            kind_of[id] = MK_AMO;
            size_of[id] = sem[n - 1] == 'd' ? 8 : 4;
        }
    }
}

void mtrace_reset(trace_t *t)
{
    memset(t->pend, 0, sizeof t->pend);
}

void mtrace_before(trace_t *t, hart_t *h, uint32_t raw)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    mtrace_pending_t *p = &t->pend[h->hartid];
    p->valid = false;
    pthread_once(&once, classify);
    insn_t in;
    if (!raw || !insn_decode(raw, h->xlen, &in) || !kind_of[in.id])
        return;
    uint64_t addr = h->x[in.rs1];
    if (kind_of[in.id] == MK_LOAD || kind_of[in.id] == MK_STORE)
        addr += (uint64_t)in.imm;
    if (h->xlen == 32)
        addr = (uint32_t)addr;
    if (addr < t->mtrace_lo || addr > t->mtrace_hi)
        return;
    *p = (mtrace_pending_t){ .valid = true, .kind = kind_of[in.id], .size = size_of[in.id],
                      .rd = in.rd ? in.rd : REG_SINK, .id = in.id, .pc = h->pc,
                      .addr = addr, .operand = h->x[in.rs2], .exceptions = h->exceptions };
}

static uint64_t trunc_size(uint64_t v, unsigned size)
{
    return size >= 8 ? v : v & ((1ull << (8 * size)) - 1);
}

void mtrace_after(trace_t *t, hart_t *h)
{
    mtrace_pending_t *p = &t->pend[h->hartid];
    if (!p->valid)
        return;
    p->valid = false;
    FILE *out = trace_stream(h->m);
    char sym[96];
    trace_sym(h->m, p->addr, sym, sizeof sym);
    const char *name = insn_table[p->id].name;
    int w = 2 * p->size;
    fprintf(out, "[mtrace] %u 0x%" PRIx64 ": %s %u bytes at 0x%" PRIx64 "%s%s", h->hartid,
            p->pc, name, p->size, p->addr, *sym ? " " : "", sym);
    if (h->exceptions != p->exceptions) {
        fprintf(out, ": trapped\n");
        return;
    }
    uint64_t rdval = h->x[p->rd];
    switch (p->kind) {
    case MK_LOAD:
    case MK_LR:
        fprintf(out, " -> 0x%0*" PRIx64 "\n", w, trunc_size(rdval, p->size));
        break;
    case MK_STORE:
        fprintf(out, " <- 0x%0*" PRIx64 "\n", w, trunc_size(p->operand, p->size));
        break;
    case MK_SC:
        if (rdval == 0)
            fprintf(out, " <- 0x%0*" PRIx64 "\n", w, trunc_size(p->operand, p->size));
        else
            fprintf(out, ": failed, nothing stored\n");
        break;
    case MK_AMO:
        fprintf(out, ": old 0x%0*" PRIx64 ", operand 0x%0*" PRIx64 "\n", w, trunc_size(rdval, p->size),
                w, trunc_size(p->operand, p->size));
        break;
    }
}
