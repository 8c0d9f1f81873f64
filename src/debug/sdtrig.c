/* Trigger module registers. Each hart has machine->ntriggers triggers;
 * tselect picks the one tdata1-3 show. */
#include "debug.h"
#include "../core/csr.h"

bool sdtrig_csr_read(hart_t *h, unsigned csr, uint64_t *val)
{
    debug_hart_t *d = h->dbg;
    trigger_t *t = &d->trig[d->tselect];
    if (d->ntrig == 0 && csr != CSR_TSELECT) {
        /* No triggers: tdata1 reads type 0; tinfo says "no trigger here". */
        *val = csr == CSR_TINFO ? 1 : 0;
        return true;
    }
    switch (csr) {
    case CSR_TSELECT: *val = d->tselect; return true;
    case CSR_TDATA1:  *val = t->tdata1; return true;
    case CSR_TDATA2:  *val = t->tdata2; return true;
    case CSR_TDATA3:  *val = t->tdata3; return true;
    case CSR_TINFO:   *val = TINFO_VALUE; return true;
    case CSR_TCONTROL: return false;   /* re-entrancy uses option 1, not tcontrol */
    }
    return false;
}

bool sdtrig_csr_write(hart_t *h, unsigned csr, uint64_t val)
{
    debug_hart_t *d = h->dbg;
    trigger_t *t = &d->trig[d->tselect];
    switch (csr) {
    case CSR_TSELECT:
        if (val < d->ntrig)        /* WARL: out-of-range selections are ignored */
            d->tselect = (unsigned)val;
        return true;
    case CSR_TDATA1:
    case CSR_TDATA2:
    case CSR_TDATA3:
        if (d->ntrig == 0)
            return true;
        /* dmode = 1: only debug mode (the debugger) may write this trigger. */
        if (((t->tdata1 >> (h->xlen - 5)) & 1) && !d->debugger_access)
            return true;
        break;
    }
    switch (csr) {
    case CSR_TDATA1:
        t->tdata1 = tdata1_legalize(h, t->tdata1, val, d->debugger_access);
        sdtrig_changed(h);
        return true;
    case CSR_TDATA2: {
        /* NAPOT: all ones reads back with bit maskmax-1 clear, which is how
         * a debugger discovers the largest range (maskmax = XLEN-1). */
        uint64_t ones = h->xlen == 32 ? 0xffffffffull : ~0ull;
        unsigned type = tdata1_type(h, t->tdata1), match = (unsigned)(t->tdata1 >> 7) & 0xf;
        if ((type == TT_MCONTROL6 || type == TT_MCONTROL) && (match & 7) == 1 && val == ones)
            val &= ~(1ull << (h->xlen - 2));
        t->tdata2 = val;
        sdtrig_changed(h);
        return true;
    }
    case CSR_TDATA3:
        t->tdata3 = 0;             /* no context matching: textra reads 0 */
        return true;
    case CSR_TINFO:
        return true;               /* read-only content, writes ignored */
    }
    return false;
}
