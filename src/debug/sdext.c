/* Debug mode (Sdext, Debug Spec 1.0 chapter 4). rvscope's debugger plays
 * the Debug Module: a hart that enters debug mode halts and the machine
 * stops; the monitor or GDB reads and writes its state (dcsr, dpc, ...)
 * and resuming the machine leaves debug mode as dret would. */
#include "debug.h"
#include "bpwp.h"
#include "../core/csr.h"
#include "../core/trap.h"
#include "../machine.h"
#include <inttypes.h>
#include <stdio.h>

#define DCSR_XDEBUGVER (4ull << 28)     /* external debug support per 1.0 */
#define DCSR_EBREAKM   (1u << 15)
#define DCSR_EBREAKS   (1u << 13)
#define DCSR_EBREAKU   (1u << 12)
#define DCSR_STEPIE    (1u << 11)
#define DCSR_STOPCOUNT (1u << 10)
#define DCSR_STOPTIME  (1u << 9)
#define DCSR_STEP      (1u << 2)
#define DCSR_WMASK (DCSR_EBREAKM | DCSR_EBREAKS | DCSR_EBREAKU | DCSR_STEPIE | \
                    DCSR_STOPCOUNT | DCSR_STOPTIME | (1u << 4) /* mprven */ | DCSR_STEP)

bool sdext_csr_read(hart_t *h, unsigned csr, uint64_t *val)
{
    debug_hart_t *d = h->dbg;
    if (!d->halted && !d->debugger_access)
        return false;            /* debug-mode-only CSRs */
    switch (csr) {
    case CSR_DCSR:
        *val = DCSR_XDEBUGVER | (d->dcsr & ~(uint64_t)3) | (uint64_t)(d->halted ? (d->dcsr & 3) : (unsigned)h->priv);
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
    if (!d->halted && !d->debugger_access)
        return false;
    switch (csr) {
    case CSR_DCSR: {
        /* prv is WARL: 2 (H) is not a mode here; cause is read-only. */
        uint64_t prv = val & 3;
        if (prv == 2)
            prv = d->dcsr & 3;
        d->dcsr = (d->dcsr & ~(uint64_t)(DCSR_WMASK | 3)) | (val & DCSR_WMASK) | prv;
        if (!d->halted)          /* outside debug mode prv mirrors the current mode */
            d->dcsr = (d->dcsr & ~3ull) | (uint64_t)h->priv;
        return true;
    }
    case CSR_DPC:       d->dpc = val & ~1ull; return true;
    case CSR_DSCRATCH0: d->dscratch0 = val; return true;
    case CSR_DSCRATCH1: d->dscratch1 = val; return true;
    }
    return false;
}

void debug_mode_enter(hart_t *h, unsigned cause, uint64_t dpc)
{
    debug_hart_t *d = h->dbg;
    d->halted = true;
    d->step_pending = false;
    d->dpc = dpc;
    d->dcsr = (d->dcsr & ~(uint64_t)((7u << 6) | 3)) | (uint64_t)cause << 6 | (uint64_t)h->priv;
    /* Debug mode runs at M privilege. */
    if (h->priv != PRIV_M) {
        h->priv = PRIV_M;
        hart_flush_tlb(h);
    }
    h->pc = dpc;
    static const char *why[] = { "?", "ebreak", "trigger", "halt request", "step" };
    if (!h->m->stop)
        snprintf(h->m->stop_msg, sizeof h->m->stop_msg,
                 "hart %u entered debug mode (cause %u: %s) at dpc=0x%" PRIx64 ", from %c-mode",
                 h->hartid, cause, why[cause < 5 ? cause : 0], dpc, "USHM"[d->dcsr & 3]);
    dbg_record_stop(h->m, h, SK_DEBUGMODE, (int)cause, dpc, 0);
    hart_end_slice(h);
}

void debug_mode_resume(hart_t *h)
{
    debug_hart_t *d = h->dbg;
    if (!d->halted)
        return;
    d->halted = false;
    int prv = (int)(d->dcsr & 3);
    if (prv != h->priv) {
        h->priv = prv;
        hart_flush_tlb(h);
    }
    h->pc = d->dpc;
    if (prv != PRIV_M)
        h->mstatus &= ~(1ull << 17);   /* MPRV, as dret does when leaving to U/S */
    d->step_pending = (d->dcsr & DCSR_STEP) != 0;
    h->fetch_vbase = TLB_INVALID;        /* re-evaluate the checked loop */
}

bool debug_dret(hart_t *h)
{
    /* The guest never executes in debug mode here (the hart is halted), so
     * a dret it executes is always outside debug mode: illegal. */
    return h->dbg->halted;
}
