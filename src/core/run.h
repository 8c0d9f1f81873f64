/* The interpreter loop and the decoded-instruction cache (run.c). */
#ifndef RVSCOPE_RUN_H
#define RVSCOPE_RUN_H
#include "hart.h"

#define DPAGE_SLOTS 2048
typedef struct dpage {
    struct machine *m;
    uint64_t pa;
    unsigned resets;    /* whole-page resets caused by stores */
    bool     sticky;    /* code and data share it: invalidate slot by slot */
    unsigned live;      /* decoded slots (fn is not ex_decode) */
    unsigned jit_live;  /* non-empty entries of jit[] */
    unsigned idle;      /* stores in a row into it (sticky) while it held no code */
    insn_t   slots[DPAGE_SLOTS];
    void   **jit;       /* compiled blocks by slot (src/jit/), NULL until one is */
    uint16_t jit_lo, jit_hi;   /* bytes [lo, hi) hold all its compiled code */
} dpage_t;

dpage_t *dpage_new(struct machine *m, uint64_t pa);
/* Bytes [off, off+len) of the page changed: forget overlapping slots. */
void dpage_invalidate(dpage_t *d, unsigned off, unsigned len);
/* Forget every slot. */
void dpage_reset(dpage_t *d);
void hart_run_slice(hart_t *h);
void insn_prepare(hart_t *h, uint32_t raw, insn_t *out);
/* Run one decoded instruction through handler fn and no further: a
 * handler chains on to the next slot unless the page is "checked". */
void insn_run_one(hart_t *h, exec_fn fn, const insn_t *in);
exec_fn exec_handler_rv32(unsigned id);
exec_fn exec_handler_rv64(unsigned id);

#endif
