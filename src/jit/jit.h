/* The block compiler ("JIT"): x86-64 code for straight-line runs of guest
 * instructions, cached per physical code page next to the decoded slots.
 * It runs only where the plain interpreter loop would (no breakpoint,
 * execute trigger, trace or instruction hook on the page); everything it
 * does not compile (CSRs, system instructions, AMOs, a mutated instruction)
 * is handed to the interpreter one instruction at a time. See docs/jit.md. */
#ifndef RVSCOPE_JIT_H
#define RVSCOPE_JIT_H
#include "../core/hart.h"
#include <stdbool.h>

struct dpage;
struct machine;

/* A block is at most this many instructions, so it spans at most
 * JIT_SPAN bytes from its start (used when a store invalidates). */
#define JIT_MAX_INSNS 64
#define JIT_SPAN      (JIT_MAX_INSNS * 4)
/* d->jit[slot] values besides code addresses. */
#define JIT_INTERP    ((void *)1)     /* not compilable here: interpret */

/* Whether this build and host can compile (x86-64 only). */
bool jit_supported(void);
/* The plain run loop with the compiler: runs h->budget instructions, or
 * returns early when it enters a page that needs the checked loop. */
void jit_run(hart_t *h);
/* Forget compiled code for bytes [off, off+len) of a page / all of it. */
void jit_page_invalidate(struct dpage *d, unsigned off, unsigned len);
void jit_page_reset(struct dpage *d);
/* What the compiler has done so far, for the monitor's `info jit`. */
typedef struct jit_stats {
    unsigned long long blocks;      /* blocks compiled (since start) */
    unsigned long long flushes;     /* times the code buffer was emptied */
    size_t used, size;              /* bytes of the code buffer in use / in all */
} jit_stats_t;
void jit_get_stats(const struct machine *m, jit_stats_t *out);

/* Forget all compiled code (the instruction hook's set changed). */
void jit_flush(struct machine *m);
/* The compiler is on and works here (else everything is interpreted). */
bool jit_usable(const struct machine *m);
/* Release the machine's code buffer. */
void jit_free(struct machine *m);

/* Internal to src/jit/: the code buffer and the block compiler. */
/* Whether compiled code calls the hook after an instruction writing rd. */
static inline bool jit_hooked(uint64_t hook_mask, unsigned rd)
{
    return rd != REG_SINK && ((hook_mask >> rd) & 1);
}
typedef struct jit_stubs {
    int (*enter)(hart_t *h, const void *code);  /* returns 0, or 1 = budget short */
    const uint8_t *exit_sync;    /* store the budget register, return eax */
    const uint8_t *exit_nosync;  /* return eax; h->budget already exact */
} jit_stubs_t;
void *jit_compile_block(hart_t *h, struct dpage *d, unsigned slot,
                        uint8_t *buf, size_t room, size_t *used, const jit_stubs_t *st);
size_t jit_emit_stubs(uint8_t *buf, size_t room, jit_stubs_t *st);
/* Slow paths called from compiled code (jit.c). */
int jit_load_slow(hart_t *h, uint64_t va, uint64_t site);
int jit_store_slow(hart_t *h, uint64_t va, uint64_t site);
int jit_hook(hart_t *h, uint64_t rd, uint64_t next_pc);
int jit_interp(hart_t *h, const insn_t *in);
const void *jit_lookup(hart_t *h);

#endif
