/* The compiled-code cache and the run loop that uses it.
 *
 * Code lives in one executable buffer, filled front to back; when it is
 * full every page forgets its blocks and filling starts again (cheap:
 * compiling is fast, and a full buffer is rare). A page's blocks are found
 * through d->jit[slot], indexed like the decoded slots; stores into code
 * clear the entries of the blocks they overlap, so a stale block is never
 * entered (see compile.c for why a running one is never left stale). */
#include "jit.h"
#include "../core/run.h"
#include "../core/mem.h"
#include "../machine.h"
#include "../core/decode.h"
#include "../debug/dbg_core.h"
#include "../debug/debugger.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define JIT_BUF_SIZE (32u << 20)

/* Per machine (m->jit_state), made on first use. */
struct jit_state {
    uint8_t *buf;
    size_t size;                /* JIT_BUF_SIZE, or RVSCOPE_JIT_BUFFER KiB (tests) */
    size_t used, base;          /* base: after the stubs, kept across flushes */
    jit_stubs_t stubs;
    bool failed;                /* no executable memory: interpret */
    unsigned long long blocks, flushes;
    unsigned long long epoch;   /* counts invalidations: a slow path that saw
                                   one cannot let its block go on */
};

void jit_get_stats(const machine_t *m, jit_stats_t *out)
{
    const struct jit_state *J = m->jit_state;
    *out = (jit_stats_t){0};
    if (!J)
        return;
    out->blocks = J->blocks;
    out->flushes = J->flushes;
    out->used = J->buf ? J->used : 0;
    out->size = J->size;
}

void jit_free(machine_t *m)
{
    struct jit_state *J = m->jit_state;
    if (J && J->buf)
        munmap(J->buf, J->size);
    free(J);
    m->jit_state = NULL;
}

bool jit_usable(const machine_t *m)
{
    return m->jit && !(m->jit_state && m->jit_state->failed);
}

bool jit_supported(void)
{
#if defined(__x86_64__)
    return true;
#else
    return false;
#endif
}

static bool jit_init(machine_t *m)
{
    struct jit_state *J = m->jit_state;
    if (J)
        return J->buf != NULL;
    if (!(J = m->jit_state = calloc(1, sizeof *J)))
        return false;
    /* The tests shrink the buffer to make flushes frequent. */
    const char *env = getenv("RVSCOPE_JIT_BUFFER");
    J->size = env && atoi(env) >= 16 ? (size_t)atoi(env) << 10 : JIT_BUF_SIZE;
    void *p = mmap(NULL, J->size, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        J->failed = true;
        return false;
    }
    J->buf = p;
    J->base = J->used = jit_emit_stubs(J->buf, J->size, &J->stubs);
    if (!J->base) {
        J->failed = true;
        return false;
    }
    return true;
}

void jit_page_reset(dpage_t *d)
{
    if (d->jit && d->jit_live) {
        memset(d->jit, 0, DPAGE_SLOTS * sizeof *d->jit);
        d->m->jit_state->epoch++;
    }
    d->jit_lo = PAGE_SIZE;
    d->jit_hi = 0;
    d->jit_live = 0;
}

void jit_page_invalidate(dpage_t *d, unsigned off, unsigned len)
{
    /* Most stores into a page of code and data miss the code. */
    if (!d->jit || off >= d->jit_hi || off + len <= d->jit_lo)
        return;
    /* A block starting at s covers at most [s, s + JIT_SPAN). */
    unsigned lo = off >= JIT_SPAN ? off - JIT_SPAN : 0;
    unsigned first = (lo > d->jit_lo ? lo : d->jit_lo) / 2;
    unsigned last = (off + len - 1) / 2;
    if (last >= DPAGE_SLOTS)
        last = DPAGE_SLOTS - 1;
    for (unsigned i = first; i <= last; i++)
        if (d->jit[i]) {
            d->jit[i] = NULL;
            d->jit_live--;
            d->m->jit_state->epoch++;
        }
}

void jit_flush(machine_t *m)
{
    for (uint64_t p = 0; p < m->ram_size >> PAGE_SHIFT; p++)
        if (m->dpages[p])
            jit_page_reset(m->dpages[p]);
    struct jit_state *J = m->jit_state;
    if (!J)
        return;
    J->used = J->base;
    J->flushes++;
    J->epoch++;
}

static void *compile(hart_t *h, dpage_t *d, unsigned slot)
{
    struct jit_state *J = h->m->jit_state;
    if (!d->jit) {
        d->jit = calloc(DPAGE_SLOTS, sizeof *d->jit);
        if (!d->jit)
            return JIT_INTERP;
    }
    /* Stores into this page must come through the slow path, which
     * invalidates (the same flag the decoded slots rely on). */
    if (!(h->m->page_flags[(d->pa - RAM_BASE) >> PAGE_SHIFT] & PF_CODE))
        machine_set_page_flag(h->m, d->pa, PF_CODE);
    for (int tries = 0; tries < 2; tries++) {
        size_t used = 0;
        void *code = jit_compile_block(h, d, slot, J->buf + J->used, J->size - J->used,
                                       &used, &J->stubs);
        if (code) {
            J->used += used;
            J->used = (J->used + 15) & ~(size_t)15;
            d->jit[slot] = code;
            d->jit_live++;
            if (code != JIT_INTERP)
                J->blocks++;
            return code;
        }
        jit_flush(h->m);      /* out of room: start again */
    }
    d->jit_live++;
    return d->jit[slot] = JIT_INTERP;
}

/* After an instruction that wrote x[rd] a debugger client watches
 * (compiled code, or an instruction interpreted on its behalf): what the
 * checked loop does, through the debugger. h->pc is the instruction's pc
 * on entry. Nonzero: leave the block (a stop, or the slice ended). */
int jit_hook(hart_t *h, uint64_t rd, uint64_t next_pc)
{
    return dbg_insn_after_compiled(h, (unsigned)rd, next_pc);
}

/* A call from compiled code into C (pc and budget exact) lets the block go
 * on only if nothing happened that the block cannot see: the slice did not
 * end, the fetch page stands (no TLB flush), no compiled code anywhere was
 * invalidated (it may have been this block), no stop was asked for. */
typedef struct call_ctx {
    int64_t budget;
    uint64_t vbase, epoch;
} call_ctx_t;

static call_ctx_t call_begin(const hart_t *h)
{
    return (call_ctx_t){ h->budget, h->fetch_vbase, h->m->jit_state->epoch };
}

static bool call_may_go_on(const hart_t *h, call_ctx_t c)
{
    return h->budget == c.budget && h->fetch_vbase == c.vbase &&
           h->m->jit_state->epoch == c.epoch &&
           !h->m->stop;
}

static uint64_t next_pc(const hart_t *h, uint64_t pc, unsigned len)
{
    return h->xlen == 32 ? (uint32_t)(pc + len) : pc + len;
}

/* One instruction the compiler left to the interpreter, from compiled code.
 * 0: it simply completed (no trap or jump either), the block goes on. */
int jit_interp(hart_t *h, const insn_t *in)
{
    call_ctx_t c = call_begin(h);
    uint64_t next = next_pc(h, h->pc, in->len);
    insn_run_one(h, in->fn, in);
    return !(h->pc == next && call_may_go_on(h, c));
}

/* Compiled code leaving its page for h->pc: the block there, with the
 * fetch state switched to its page, if that takes no more than the
 * execute TLB (no walk, no fault, no page that needs checking); else NULL
 * and the run loop does it all. */
const void *jit_lookup(hart_t *h)
{
    uint64_t pa;
    if (!mem_fetch_tlb(h, h->pc, &pa))
        return NULL;
    dpage_t *d = h->m->dpages[(pa - RAM_BASE) >> PAGE_SHIFT];
    if (!d || !d->jit)
        return NULL;
    void *code = d->jit[(h->pc & (PAGE_SIZE - 1)) >> 1];
    if ((uintptr_t)code <= (uintptr_t)JIT_INTERP ||
        ((h->dbg_armed & DBG_ARM_CODE) && dbg_code_page_checked(h, h->pc & ~(uint64_t)(PAGE_SIZE - 1))))
        return NULL;
    mem_fetch_set(h, pa, d, false);
    return code;
}

/* One instruction through its decoded slot, without the handler chaining
 * on to the next (which it does only on pages it believes unchecked). */
static void interpret_one(hart_t *h, unsigned slot)
{
    h->budget--;
    insn_t *in = &h->fetch_slots[slot];
    uint64_t pc = h->pc;
    insn_run_one(h, in->fn, in);
    /* The slot is decoded now (unless the instruction straddles pages). A
     * call after a trap is harmless: the hook finds nothing changed. */
    if (jit_hooked(h->m->jit_hook_mask, in->rd)) {
        uint64_t next = h->pc;
        h->pc = pc;
        jit_hook(h, in->rd, next);
    }
}

void jit_run(hart_t *h)
{
    machine_t *m = h->m;
    if (!jit_init(m)) {
        m->jit = false;
        return;
    }
    struct jit_state *J = m->jit_state;
    /* Compiled code calls the debugger after the writers of these registers. */
    uint64_t want = 0;
    if (!dbg_jit_covers(m, &want))
        want = 0;
    if (want != m->jit_hook_mask) {
        jit_flush(m);
        m->jit_hook_mask = want;
    }
    while (h->budget > 0) {
        if (unlikely((h->pc & ~(uint64_t)(PAGE_SIZE - 1)) != h->fetch_vbase)) {
            h->budget--;
            if (!mem_fetch_page(h))
                continue;       /* fetch fault: the trap moved pc */
            h->budget++;
            if (unlikely(h->fetch_checked))
                return;
        }
        unsigned slot = (unsigned)(h->pc & (PAGE_SIZE - 1)) >> 1;
        /* Near the end of the slice, single steps: a block runs whole. */
        if (likely(h->budget >= JIT_MAX_INSNS)) {
            dpage_t *d = h->fetch_dpage;
            void *code = d->jit ? d->jit[slot] : NULL;
            if (!code)
                code = compile(h, d, slot);
            if (code != JIT_INTERP) {
                /* 1 = a chained block found the budget short: the next
                 * round single-steps (the budget is below JIT_MAX_INSNS). */
                J->stubs.enter(h, code);
                continue;
            }
        }
        interpret_one(h, slot);
    }
}

/* Slow paths of compiled loads and stores: what exec.inc's load_slow and
 * store_slow do. pc and the budget were made exact by the caller. 0: the
 * access is done (a load's value is in h->x) and the block may go on (it
 * reloads its cached registers); 1: the block is left, with pc past the
 * instruction if it completed. site: rd | rs2 << 8 | size << 16 |
 * sign << 24 | len << 32. */
static int slow_leave(hart_t *h, unsigned len, unsigned hook_rd)
{
    uint64_t next = next_pc(h, h->pc, len);
    if (jit_hooked(h->m->jit_hook_mask, hook_rd))
        return jit_hook(h, hook_rd, next), 1;
    h->pc = next;
    return 1;
}

int jit_load_slow(hart_t *h, uint64_t va, uint64_t site)
{
    unsigned rd = site & 0xff, size = (site >> 16) & 0xff, len = (site >> 32) & 0xff;
    bool sign = (site >> 24) & 1;
    call_ctx_t c = call_begin(h);
    uint64_t v;
    if (!mem_load_slow(h, va, size, &v))
        return 1;
    if (sign && size < 8)
        v = (uint64_t)((int64_t)(v << (64 - 8 * size)) >> (64 - 8 * size));
    if (h->xlen == 32)
        v = (uint32_t)v;
    h->x[rd] = v;
    if (call_may_go_on(h, c))
        return 0;           /* the block calls the hook itself */
    return slow_leave(h, len, rd);
}

int jit_store_slow(hart_t *h, uint64_t va, uint64_t site)
{
    unsigned rs2 = (site >> 8) & 0xff, size = (site >> 16) & 0xff, len = (site >> 32) & 0xff;
    call_ctx_t c = call_begin(h);
    uint64_t v = h->x[rs2];
    if (h->xlen == 32)
        v = (uint32_t)v;
    if (!mem_store_slow(h, va, size, v))
        return 1;
    if (call_may_go_on(h, c))
        return 0;
    return slow_leave(h, len, REG_SINK);
}
