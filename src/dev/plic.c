/* PLIC (platform-level interrupt controller), written from the RISC-V PLIC
 * specification with QEMU virt's register layout and context numbering.
 *
 * Interrupt semantics are those of the PLIC specification's gateway as
 * QEMU 7.2's sifive_plic implements it, which kernels written against QEMU
 * rely on:
 *  - a device reports its line with machine_set_irq() whenever its state
 *    may have changed (as QEMU's devices do); a report of a high line sets
 *    the source's pending bit. A low line does not clear it: a request the
 *    PLIC has latched stays pending until it is claimed, and the handler
 *    finds the device needs no service (PLIC specification, "Interrupt
 *    Gateways");
 *  - a claim returns the best pending, enabled source above the context's
 *    threshold (highest priority, lowest id on ties), clears its pending
 *    bit and marks it claimed; a claimed source interrupts no context until
 *    its completion, even if the device reports its line again meanwhile
 *    (that report makes it pending again, for after the completion);
 *  - a completion does not re-sample the line: the source is pending again
 *    only if the device reported it high since the claim. (A gateway that
 *    re-sampled would storm a driver that leaves a level-triggered cause
 *    standing, such as xv6 of 2022 with the UART's THR-empty interrupt.)
 *  - a completion releases the source whichever context writes it (QEMU
 *    does not apply the PLIC specification's rule that a completion for a
 *    source the context has not enabled is ignored; a kernel that disables
 *    a source before completing it works on QEMU, so it works here);
 *  - each context's output (some claimable source above the threshold)
 *    drives mip.MEIP (context 2*hart) or mip.SEIP (2*hart+1).
 * Registers are 32 bits wide; other access sizes are access faults (QEMU
 * rejects them too). Unimplemented offsets read as zero and ignore writes. */
#include "plic.h"
#include "core/trap.h"
#include <stdlib.h>

#define NWORDS  (PLIC_NSOURCES / 32)
#define MAX_CTX (2 * MAX_HARTS)

enum {
    PENDING_BASE = 0x1000, ENABLE_BASE = 0x2000, ENABLE_STRIDE = 0x80,
    CONTEXT_BASE = 0x200000, CONTEXT_STRIDE = 0x1000,
};

struct plic {
    machine_t *m;
    unsigned nctx;                     /* 2 per hart */
    uint8_t  prio[PLIC_NSOURCES];
    uint32_t pending[NWORDS];
    uint32_t claimed[NWORDS];
    uint32_t enable[MAX_CTX][NWORDS];
    uint8_t  threshold[MAX_CTX];
    bool     out[MAX_CTX];             /* the context's interrupt output */
};

/* The source a claim by context c returns now (0 if none). */
static unsigned best_source(const struct plic *p, unsigned c)
{
    unsigned best = 0, best_prio = p->threshold[c];
    for (unsigned w = 0; w < NWORDS; w++) {
        uint32_t bits = p->pending[w] & ~p->claimed[w] & p->enable[c][w];
        while (bits) {
            unsigned i = 32 * w + (unsigned)__builtin_ctz(bits);
            bits &= bits - 1;
            if (p->prio[i] > best_prio) {   /* strictly: ties keep the lower id */
                best = i;
                best_prio = p->prio[i];
            }
        }
    }
    return best;
}

/* Recompute every context's output and reflect it in its hart's mip. A
 * rising output ends the hart's slice, so the interrupt is taken before
 * its next instruction. Only transitions clear the bit: mip.SEIP is also
 * writable by M-mode software. */
static void update(struct plic *p)
{
    for (unsigned c = 0; c < p->nctx; c++) {
        bool on = best_source(p, c) != 0;
        hart_t *h = p->m->harts[c / 2];
        uint64_t bit = (c & 1) ? MIP_SEIP : MIP_MEIP;
        if (on) {
            if (!(h->mip & bit)) {
                h->mip |= bit;
                hart_end_slice(h);
            }
        } else if (p->out[c]) {
            h->mip &= ~bit;
        }
        p->out[c] = on;
    }
}

void machine_set_irq(machine_t *m, unsigned irq, bool level)
{
    struct plic *p = m->plic;
    if (!p || irq == 0 || irq >= PLIC_NSOURCES)
        return;
    if (!level)
        return;                 /* a latched request stays until claimed */
    p->pending[irq / 32] |= 1u << (irq & 31);
    update(p);
}

static uint32_t claim(struct plic *p, unsigned c)
{
    unsigned i = best_source(p, c);
    if (i) {
        p->pending[i / 32] &= ~(1u << (i & 31));
        p->claimed[i / 32] |= 1u << (i & 31);
        update(p);
    }
    return i;
}

static void complete(struct plic *p, unsigned c, uint32_t i)
{
    (void)c;
    if (i == 0 || i >= PLIC_NSOURCES)
        return;
    p->claimed[i / 32] &= ~(1u << (i & 31));
    update(p);
}

static bool plic_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    struct plic *p = opaque;
    if (size != 4 || (off & 3))
        return false;
    *val = 0;
    if (off < 4 * PLIC_NSOURCES) {
        *val = p->prio[off / 4];
    } else if (off >= PENDING_BASE && off < PENDING_BASE + 4 * NWORDS) {
        *val = p->pending[(off - PENDING_BASE) / 4];
    } else if (off >= ENABLE_BASE && off < ENABLE_BASE + ENABLE_STRIDE * p->nctx) {
        unsigned c = (unsigned)((off - ENABLE_BASE) / ENABLE_STRIDE);
        *val = p->enable[c][(off % ENABLE_STRIDE) / 4];
    } else if (off >= CONTEXT_BASE && off < CONTEXT_BASE + CONTEXT_STRIDE * p->nctx) {
        unsigned c = (unsigned)((off - CONTEXT_BASE) / CONTEXT_STRIDE);
        switch (off % CONTEXT_STRIDE) {
        case 0: *val = p->threshold[c]; break;
        case 4: *val = claim(p, c); break;
        default: break;
        }
    }
    return true;
}

static bool plic_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    struct plic *p = opaque;
    uint32_t v = (uint32_t)val;
    if (size != 4 || (off & 3))
        return false;
    if (off < 4 * PLIC_NSOURCES) {
        if (off)                                   /* source 0 does not exist */
            p->prio[off / 4] = v & PLIC_MAX_PRIO;
    } else if (off >= ENABLE_BASE && off < ENABLE_BASE + ENABLE_STRIDE * p->nctx) {
        unsigned c = (unsigned)((off - ENABLE_BASE) / ENABLE_STRIDE);
        unsigned w = (unsigned)((off % ENABLE_STRIDE) / 4);
        p->enable[c][w] = w == 0 ? v & ~1u : v;     /* no source 0 */
    } else if (off >= CONTEXT_BASE && off < CONTEXT_BASE + CONTEXT_STRIDE * p->nctx) {
        unsigned c = (unsigned)((off - CONTEXT_BASE) / CONTEXT_STRIDE);
        switch (off % CONTEXT_STRIDE) {
        case 0: p->threshold[c] = v & PLIC_MAX_PRIO; break;
        case 4: complete(p, c, v); return true;
        default: return true;
        }
    } else {
        return true;            /* pending bits are read-only; holes ignore writes */
    }
    update(p);
    return true;
}

struct plic *plic_new(machine_t *m)
{
    struct plic *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->m = m;
    p->nctx = 2 * m->nharts;
    device_t d = { .name = "plic", .base = PLIC_BASE, .size = PLIC_SIZE, .opaque = p,
                   .read = plic_read, .write = plic_write, .destroy = free };
    machine_add_device(m, &d);
    m->plic = p;
    return p;
}
