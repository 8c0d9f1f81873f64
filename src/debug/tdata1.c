/* WARL legalisation of tdata1 for every trigger type rvscope implements
 * (Debug Spec 1.0, 5.7). What cannot be represented reads back as what the
 * hardware really does. */
#include "debug.h"
#include <stdlib.h>

#define BIT(n) (1ull << (n))
#define FIELD(v, hi, lo) (((v) >> (lo)) & ((1ull << ((hi) - (lo) + 1)) - 1))

unsigned tdata1_type(const hart_t *h, uint64_t tdata1)
{
    return (unsigned)(tdata1 >> (h->xlen - 4)) & 0xf;
}

static uint64_t legal_action(uint64_t a, bool dmode)
{
    switch (a) {
    case 0: case 2: case 3: case 4: case 8: case 9: return a;
    case 1: return dmode ? 1 : 0;   /* enter debug mode needs dmode = 1 */
    default: return 0;
    }
}

static uint64_t legal_match(uint64_t m)
{
    return (m <= 5 || m == 8 || m == 9 || m == 12 || m == 13) ? m : 0;
}

/* What an unused trigger reads as: type 15 (disabled), or with
 * dbg_set_trigger_idle an mcontrol or mcontrol6 that matches nothing,
 * which is what OpenOCD 0.12 looks for when it picks a trigger
 * (docs/jtag.md). */
static uint64_t idle_value(const hart_t *h)
{
    unsigned t = h->dbg->idle_type ? h->dbg->idle_type : TT_DISABLED;
    uint64_t bare = (uint64_t)t << (h->xlen - 4);
    /* Legalising the bare type fills in what reads as fixed (maskmax). */
    return t == TT_DISABLED ? bare : tdata1_legalize(h, 0, bare, false);
}

uint64_t tdata1_legalize(const hart_t *h, uint64_t old, uint64_t val, bool dmode_ok)
{
    int xl = h->xlen;
    uint64_t type = FIELD(val, xl - 1, xl - 4);
    /* dmode is writable only from debug mode (here: by the debugger). */
    bool dmode = dmode_ok && ((val >> (xl - 5)) & 1);
    (void)old;
    uint64_t r = 0;
    switch (type) {
    case TT_MCONTROL6: {
        uint64_t size = FIELD(val, 18, 16);
        if (size == 4 || size == 6 || size == 7)
            size = 0;
        r = (val & (BIT(25) | BIT(22) | BIT(21) | BIT(11) | BIT(6) | BIT(4) | BIT(3) |
                    BIT(2) | BIT(1) | BIT(0)))
          | size << 16
          | legal_action(FIELD(val, 15, 12), dmode) << 12
          | legal_match(FIELD(val, 10, 7)) << 7;
        break;
    }
    case TT_MCONTROL: {
        uint64_t maskmax = xl == 32 ? 31 : 63;
        uint64_t sizehi = xl == 64 ? FIELD(val, 22, 21) : 0;
        uint64_t size = sizehi << 2 | FIELD(val, 17, 16);
        if (!(size <= 3 || size == 5))        /* no accesses of those sizes */
            size = 0, sizehi = 0;
        /* A load-data match can only be known after the load: timing = 1. */
        if ((val & BIT(19)) && (val & BIT(0)))
            val |= BIT(18);
        r = maskmax << (xl - 11)
          | (xl == 64 ? (size >> 2) << 21 : 0)
          | (val & (BIT(20) | BIT(19) | BIT(18) | BIT(11) | BIT(6) | BIT(4) | BIT(3) |
                    BIT(2) | BIT(1) | BIT(0)))
          | (size & 3) << 16
          | legal_action(FIELD(val, 15, 12), dmode) << 12
          | legal_match(FIELD(val, 10, 7)) << 7;
        break;
    }
    case TT_ICOUNT:
        r = (val & (BIT(24) | BIT(9) | BIT(8) | BIT(7) | BIT(6)))
          | FIELD(val, 23, 10) << 10
          | legal_action(FIELD(val, 5, 0), dmode);
        break;
    case TT_ITRIGGER:
    case TT_ETRIGGER:
        r = (val & (BIT(xl - 6) | BIT(9) | BIT(7) | BIT(6)))
          | legal_action(FIELD(val, 5, 0), dmode);
        break;
    case TT_TMEXTTRIGGER:
        r = (val & BIT(xl - 6)) | FIELD(val, 21, 6) << 6 | legal_action(FIELD(val, 5, 0), dmode);
        break;
    default:
        /* 0 (also "write 0 to disable"), and types rvscope does not have. */
        return idle_value(h);
    }
    return type << (xl - 4) | (uint64_t)dmode << (xl - 5) | r;
}

debug_hart_t *debug_hart_new(hart_t *h, unsigned ntriggers)
{
    debug_hart_t *d = calloc(1, sizeof *d);
    if (!d)
        abort();
    d->ntrig = ntriggers > MAX_TRIGGERS ? MAX_TRIGGERS : ntriggers;
    for (unsigned i = 0; i < MAX_TRIGGERS; i++)
        d->trig[i].tdata1 = (uint64_t)TT_DISABLED << (h->xlen - 4);
    return d;
}

void debug_hart_free(debug_hart_t *d)
{
    free(d);
}

void sdtrig_debugger_access(hart_t *h, bool on)
{
    h->dbg->debugger_access = on;
}

void dbg_set_triggers(machine_t *m, unsigned n)
{
    for (unsigned i = 0; i < m->nharts; i++) {
        hart_t *h = m->harts[i];
        h->dbg->ntrig = n > MAX_TRIGGERS ? MAX_TRIGGERS : n;
        sdtrig_changed(h);
    }
}

void dbg_set_trigger_idle(machine_t *m, unsigned type)
{
    for (unsigned i = 0; i < m->nharts; i++) {
        hart_t *h = m->harts[i];
        uint64_t old = idle_value(h);
        h->dbg->idle_type = type;
        for (unsigned t = 0; t < MAX_TRIGGERS; t++)
            if (h->dbg->trig[t].tdata1 == old)
                h->dbg->trig[t].tdata1 = idle_value(h);
    }
}
