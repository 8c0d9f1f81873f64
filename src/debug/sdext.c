/* Debug mode (Sdext, Debug Spec 1.0 chapter 4). rvscope's debugger plays
 * the Debug Module: a hart that enters debug mode halts (RUN_DEBUG) and
 * the run stops with a DS_DEBUG_MODE record; the other harts may run on
 * (GDB non-stop). The monitor or GDB reads and writes its state (dcsr,
 * dpc, ...); resuming that hart leaves debug mode as dret does, and a
 * dret the halted hart is given (a program buffer) does the same. */
#include "debug.h"
#include "../core/csr.h"
#include "../core/run.h"
#include "../core/trap.h"
#include "../machine.h"

#define DCSR_XDEBUGVER (4ull << 28)     /* external debug support per 1.0 */
#define DCSR_EBREAKM   (1u << 15)
#define DCSR_EBREAKS   (1u << 13)
#define DCSR_EBREAKU   (1u << 12)
#define DCSR_STEPIE    (1u << 11)
#define DCSR_STOPCOUNT (1u << 10)
#define DCSR_STOPTIME  (1u << 9)
#define DCSR_STEP      (1u << 2)
/* stopcount is hard-wired to 1 (the spec allows either value): counters
 * never count in debug mode here, neither the program buffer's
 * instructions nor cycles while halted, so 0 could not be honoured. */
#define DCSR_WMASK (DCSR_EBREAKM | DCSR_EBREAKS | DCSR_EBREAKU | DCSR_STEPIE | \
                    DCSR_STOPTIME | (1u << 4) /* mprven */ | DCSR_STEP)

bool sdext_csr_read(hart_t *h, unsigned csr, uint64_t *val)
{
    debug_hart_t *d = h->dbg;
    if (!sdext_halted(h) && !d->debugger_access)
        return false;            /* debug-mode-only CSRs */
    switch (csr) {
    case CSR_DCSR:
        *val = DCSR_XDEBUGVER | DCSR_STOPCOUNT | (d->dcsr & ~(uint64_t)3) | (uint64_t)(sdext_halted(h) ? (d->dcsr & 3) : (unsigned)h->priv);
        return true;
    case CSR_DPC:       *val = d->dpc; return true;
    case CSR_DSCRATCH0: *val = d->dscratch0; return true;
    case CSR_DSCRATCH1: *val = d->dscratch1; return true;
    }
    return false;
}

bool sdext_csr_write(hart_t *h, unsigned csr, uint64_t val)
{
    debug_hart_t *d = h->dbg;
    if (!sdext_halted(h) && !d->debugger_access)
        return false;
    switch (csr) {
    case CSR_DCSR: {
        /* prv is WARL: 2 (H) is not a mode here; cause is read-only. */
        uint64_t prv = val & 3;
        if (prv == 2)
            prv = d->dcsr & 3;
        d->dcsr = (d->dcsr & ~(uint64_t)(DCSR_WMASK | 3)) | (val & DCSR_WMASK) | prv;
        if (!sdext_halted(h))    /* outside debug mode prv mirrors the current mode */
            d->dcsr = (d->dcsr & ~3ull) | (uint64_t)h->priv;
        dbg_rearm_hart(h);       /* ebreakm/s/u */
        return true;
    }
    case CSR_DPC:
        d->dpc = val & ~1ull;
        if (sdext_halted(h))
            h->pc = d->dpc;      /* the pc a debugger sees while halted */
        return true;
    case CSR_DSCRATCH0: d->dscratch0 = val; return true;
    case CSR_DSCRATCH1: d->dscratch1 = val; return true;
    }
    return false;
}

void sdext_enter(hart_t *h, unsigned cause, uint64_t dpc)
{
    debug_hart_t *d = h->dbg;
    h->run_state = RUN_DEBUG;
    d->step_pending = false;
    d->dpc = dpc;
    d->dcsr = (d->dcsr & ~(uint64_t)((7u << 6) | 3)) | (uint64_t)cause << 6 | (uint64_t)h->priv;
    int from = h->priv;
    /* Debug mode runs at M privilege. */
    if (h->priv != PRIV_M) {
        h->priv = PRIV_M;
        hart_flush_tlb(h);
    }
    h->pc = dpc;
    dbg_rearm_hart(h);
    dbg_record_stop(h, &(dbg_stop_t){ .kind = DS_DEBUG_MODE, .cause = cause, .insn_pc = dpc,
                                      .tval = (uint64_t)from });
    hart_end_slice(h);
}

void sdext_resume(hart_t *h)
{
    debug_hart_t *d = h->dbg;
    if (!sdext_halted(h))
        return;
    h->run_state = RUN_RUNNING;
    int prv = (int)(d->dcsr & 3);
    if (prv != h->priv) {
        h->priv = prv;
        hart_flush_tlb(h);
    }
    /* While halted, pc is dpc (a debugger may have moved either). */
    d->dpc = h->pc;
    if (prv != PRIV_M)
        h->mstatus &= ~(1ull << 17);   /* MPRV, as dret does when leaving to U/S */
    d->step_pending = (d->dcsr & DCSR_STEP) != 0;
    dbg_rearm_hart(h);
    h->fetch_vbase = TLB_INVALID;        /* re-evaluate the checked loop */
    hart_end_slice(h);
}

bool sdext_irqs_held(const hart_t *h)
{
    const debug_hart_t *d = h->dbg;
    return d->step_pending && !(d->dcsr & DCSR_STEPIE);
}

void dbg_debug_exception(hart_t *h, unsigned cause)
{
    (void)cause;
    h->dbg->dm_exception = true;
}

void dbg_debug_halt(machine_t *m, unsigned hart, unsigned cause)
{
    hart_t *h = m->harts[hart];
    if (sdext_halted(h))
        return;
    /* Halting a hart in wfi ends the wait: dpc is the instruction after it. */
    h->wfi = false;
    sdext_enter(h, cause, h->pc);
}

void dbg_debug_reset(machine_t *m, unsigned hart)
{
    debug_hart_t *d = m->harts[hart]->dbg;
    d->dcsr = PRIV_M;             /* xdebugver is added on reads */
    d->dpc = d->dscratch0 = d->dscratch1 = 0;
    d->step_pending = false;
    dbg_rearm_hart(m->harts[hart]);
}

bool dbg_debug_exec(hart_t *h, const insn_t *in)
{
    h->dbg->dm_exception = false;
    insn_run_one(h, in->fn, in);
    return !h->dbg->dm_exception;
}
