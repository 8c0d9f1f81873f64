/* The Debug Module's run control (Debug Spec 1.0, 3.3-3.6 and 3.14):
 * dmcontrol, dmstatus, hart selection with the hart array window,
 * halt/resume requests, havereset, ndmreset and halt-on-reset. Abstract
 * commands live in abstract.c, system bus access in sba.c.
 *
 * A hart the DM sees as halted is a hart in debug mode (RUN_DEBUG); a hart
 * another front end holds still (RUN_HALTED) counts as running here, and a
 * halt request turns it into a hart in debug mode. */
#include "dm_impl.h"
#include "../debug/debugger.h"
#include "../core/csr.h"
#include <stdlib.h>
#include <string.h>

#define HARTSELLEN 10         /* hartsello only: rvscope has at most 8 harts */

/* dmcontrol fields */
#define DMC_HALTREQ        (1u << 31)
#define DMC_RESUMEREQ      (1u << 30)
#define DMC_HARTRESET      (1u << 29)
#define DMC_ACKHAVERESET   (1u << 28)
#define DMC_HASEL          (1u << 26)
#define DMC_SETRESETHALTREQ (1u << 3)
#define DMC_CLRRESETHALTREQ (1u << 2)
#define DMC_NDMRESET       (1u << 1)
#define DMC_DMACTIVE       (1u << 0)

#define DCSR_STOPTIME      (1u << 9)

static bool hart_halted(const dm_t *dm, unsigned i)
{
    return dm->m->harts[i]->run_state == RUN_DEBUG;
}

/* Is hart i selected (hartsel, or with hasel the hart array window)? */
static bool selected(const dm_t *dm, unsigned i)
{
    return i == dm->hartsel || (dm->hasel && (dm->hawindow >> i & 1));
}

/* The harts as loaded, for ndmreset: every field but the run loop's
 * bookkeeping (counters keep counting: the round accounting needs it). */
static void hart_restore(dm_t *dm, unsigned i)
{
    hart_t *h = dm->m->harts[i];
    hart_t keep = *h;
    memcpy(h, dm->reset_state[i], sizeof *h);
    h->dbg = keep.dbg;
    h->cycle_base = keep.cycle_base;
    h->exceptions = keep.exceptions;
    h->budget = keep.budget;
    h->slice_len = keep.slice_len;
    h->instret_offset = keep.instret_offset;
    h->cycle_offset = keep.cycle_offset;
    h->fetch_vbase = TLB_INVALID;
    h->run_state = RUN_HALTED;          /* held in reset */
    hart_flush_tlb(h);
    dbg_debug_reset(dm->m, i);
}

/* ndmreset: every hart (the whole system here: harts are all it has that
 * keeps state a debugger cares about) goes back to its state at load time
 * and stays in reset while ndmreset is 1. RAM is kept, as on a board. */
static void ndmreset_assert(dm_t *dm)
{
    for (unsigned i = 0; i < dm->m->nharts; i++) {
        hart_restore(dm, i);
        dm->havereset[i] = true;
        dm->resumeack[i] = false;
    }
    dm->ndmreset = true;
}

/* Hart i leaves reset: halted if asked to (haltreq, resethaltreq), else
 * running from its reset pc. */
static void hart_release(dm_t *dm, unsigned i)
{
    if (dm->resethaltreq[i] || dm->haltreq[i])
        dbg_debug_halt(dm->m, i, dm->haltreq[i] ? DCSR_CAUSE_HALTREQ : DCSR_CAUSE_RESETHALTREQ);
    else
        dm->m->harts[i]->run_state = RUN_RUNNING;
    dm->kick = true;
}

static void ndmreset_release(dm_t *dm)
{
    dm->ndmreset = false;
    for (unsigned i = 0; i < dm->m->nharts; i++)
        if (!dm->hartreset[i])
            hart_release(dm, i);
}

/* hartreset: the selected harts alone, as ndmreset does the whole
 * machine; each stays in reset until the bit is written 0. */
static void hartreset_write(dm_t *dm, unsigned i, bool on)
{
    if (on && !dm->hartreset[i]) {
        hart_restore(dm, i);
        dm->havereset[i] = true;
        dm->resumeack[i] = false;
    } else if (!on && dm->hartreset[i] && !dm->ndmreset) {
        dm->hartreset[i] = false;
        hart_release(dm, i);
    }
    dm->hartreset[i] = on;
}

static void dm_reset(dm_t *dm)
{
    memset(dm->data, 0, sizeof dm->data);
    memset(dm->progbuf, 0, sizeof dm->progbuf);
    dm->hartsel = 0;
    dm->hasel = false;
    dm->hawindow = 0;
    memset(dm->resethaltreq, 0, sizeof dm->resethaltreq);
    memset(dm->haltreq, 0, sizeof dm->haltreq);
    dm_abstract_reset(dm);
    dm_sba_reset(dm);
    for (unsigned i = 0; i < dm->m->nharts; i++)
        hartreset_write(dm, i, false);
    if (dm->ndmreset)
        ndmreset_release(dm);
}

static void write_dmcontrol(dm_t *dm, uint32_t v)
{
    machine_t *m = dm->m;
    if (!(v & DMC_DMACTIVE)) {
        dm_reset(dm);
        dm->dmactive = false;
        return;
    }
    if (!dm->dmactive) {
        /* Activating the DM: this write's other fields are not acted on
         * (OpenOCD activates with a write of dmactive alone first). */
        dm->dmactive = true;
        return;
    }
    dm->hartsel = (v >> 16) & ((1u << HARTSELLEN) - 1);
    dm->hasel = (v & DMC_HASEL) != 0;
    /* haltreq is a level per hart: set or cleared for the selected ones,
     * so a hart still asked to halt halts as it leaves reset. */
    for (unsigned i = 0; i < m->nharts; i++)
        if (selected(dm, i))
            dm->haltreq[i] = (v & DMC_HALTREQ) != 0;
    if ((v & DMC_NDMRESET) && !dm->ndmreset)
        ndmreset_assert(dm);
    else if (!(v & DMC_NDMRESET) && dm->ndmreset)
        ndmreset_release(dm);
    for (unsigned i = 0; i < m->nharts; i++) {
        if (!selected(dm, i))
            continue;
        hartreset_write(dm, i, (v & DMC_HARTRESET) != 0);
        if (v & DMC_ACKHAVERESET)
            dm->havereset[i] = false;
        if (v & DMC_SETRESETHALTREQ)
            dm->resethaltreq[i] = true;
        else if (v & DMC_CLRRESETHALTREQ)
            dm->resethaltreq[i] = false;
        if (v & DMC_HALTREQ) {
            if (!hart_halted(dm, i) && !dm->ndmreset && !dm->hartreset[i])
                dbg_debug_halt(m, i, DCSR_CAUSE_HALTREQ);
        } else if ((v & DMC_RESUMEREQ) && hart_halted(dm, i)) {
            /* dret: pc = dpc, privilege = dcsr.prv; dcsr.step makes the
             * hart come back after one instruction. */
            dbg_resume_hart(m, i);
            dm->resumeack[i] = true;
            dm->kick = true;
        }
    }
}

static uint32_t read_dmcontrol(const dm_t *dm)
{
    /* hartreset reads as the selected hart's (hartsel) */
    bool hr = dm->hartsel < dm->m->nharts && dm->hartreset[dm->hartsel];
    return (hr ? DMC_HARTRESET : 0) | (dm->hasel ? DMC_HASEL : 0) | (dm->hartsel & 0x3ff) << 16 |
           (dm->ndmreset ? DMC_NDMRESET : 0) | (dm->dmactive ? DMC_DMACTIVE : 0);
}

static uint32_t read_dmstatus(const dm_t *dm)
{
    /* The any/all bits cover the selected harts; a hartsel past the last
     * hart is a nonexistent one. */
    bool any_halt = false, all_halt = true, any_run = false, all_run = true;
    bool any_ack = false, all_ack = true, any_reset = false, all_reset = true;
    bool any_none = false, all_none = true;
    for (unsigned i = 0; i < MAX_HARTS; i++) {
        if (i != dm->hartsel && !(dm->hasel && (dm->hawindow >> i & 1)))
            continue;
        if (i >= dm->m->nharts) {
            any_none = true;
            continue;
        }
        all_none = false;
        bool h = hart_halted(dm, i);
        any_halt |= h, all_halt &= h;
        any_run |= !h, all_run &= !h;
        any_ack |= dm->resumeack[i], all_ack &= dm->resumeack[i];
        any_reset |= dm->havereset[i], all_reset &= dm->havereset[i];
    }
    if (dm->hartsel >= MAX_HARTS)
        any_none = true;
    if (all_none)      /* nothing selected exists: the all-bits say nothing */
        all_halt = all_run = all_ack = all_reset = false;
    return 1u << 22 /* impebreak */ | (uint32_t)all_reset << 19 | (uint32_t)any_reset << 18 |
           (uint32_t)all_ack << 17 | (uint32_t)any_ack << 16 |
           (uint32_t)all_none << 15 | (uint32_t)any_none << 14 |
           (uint32_t)all_run << 11 | (uint32_t)any_run << 10 |
           (uint32_t)all_halt << 9 | (uint32_t)any_halt << 8 |
           1u << 7 /* authenticated */ | 1u << 5 /* hasresethaltreq */ | 3u /* version 1.0 */;
}

static uint32_t haltsum0(const dm_t *dm)
{
    /* Bit i: hart (hartsel[19:5] * 32 + i); only the first 32 exist. */
    uint32_t v = 0;
    if (dm->hartsel >> 5)
        return 0;
    for (unsigned i = 0; i < dm->m->nharts; i++)
        if (hart_halted(dm, i))
            v |= 1u << i;
    return v;
}

uint32_t dm_read(dm_t *dm, unsigned addr)
{
    if (dm_is_abstract_reg(addr))
        return dm_abstract_read(dm, addr);
    if (dm_is_sba_reg(addr))
        return dm_sba_read(dm, addr);
    switch (addr) {
    case DM_DMCONTROL:   return read_dmcontrol(dm);
    case DM_DMSTATUS:    return read_dmstatus(dm);
    case DM_HARTINFO:    return 2u << 20;       /* nscratch = 2: dscratch0/1 */
    case DM_HALTSUM0:    return haltsum0(dm);
    case DM_HALTSUM1:    return haltsum0(dm) ? 1 : 0;
    case DM_HAWINDOWSEL: return 0;              /* one window: harts 0..31 */
    case DM_HAWINDOW:    return dm->hawindow;
    }
    return 0;    /* haltsum2/3, authdata, nextdm, confstrptr: nothing there */
}

void dm_write(dm_t *dm, unsigned addr, uint32_t val)
{
    if (addr == DM_DMCONTROL) {
        write_dmcontrol(dm, val);
        return;
    }
    if (!dm->dmactive)
        return;            /* the DM is held in reset */
    if (dm_is_abstract_reg(addr))
        dm_abstract_write(dm, addr, val);
    else if (dm_is_sba_reg(addr))
        dm_sba_write(dm, addr, val);
    else if (addr == DM_HAWINDOW)
        dm->hawindow = val & ((1u << dm->m->nharts) - 1);
}

/* dcsr.stoptime (Debug Spec 1.0, 4.9.1): time stands still only while
 * every hart is in debug mode with stoptime = 1. */
static bool time_frozen(const dm_t *dm)
{
    for (unsigned i = 0; i < dm->m->nharts; i++) {
        hart_t *h = dm->m->harts[i];
        uint64_t dcsr;
        if (h->run_state != RUN_DEBUG || !csr_debug_read(h, CSR_DCSR, &dcsr) ||
            !(dcsr & DCSR_STOPTIME))
            return false;
    }
    return true;
}

void dm_tck(dm_t *dm)
{
    /* While a hart runs, the run loop keeps time (one tick per instruction
     * slot); while none does, the JTAG clock is the only clock there is. */
    if (!machine_any_running(dm->m) && !time_frozen(dm))
        dm->m->mtime++;
}

bool dm_take_kick(dm_t *dm)
{
    bool k = dm->kick;
    dm->kick = false;
    return k;
}

dm_t *dm_new(machine_t *m, bool halted)
{
    dm_t *dm = calloc(1, sizeof *dm);
    if (!dm)
        abort();
    dm->m = m;
    for (unsigned i = 0; i < m->nharts; i++) {
        dm->reset_state[i] = malloc(sizeof(hart_t));
        if (!dm->reset_state[i])
            abort();
        memcpy(dm->reset_state[i], m->harts[i], sizeof(hart_t));
        dm->havereset[i] = true;          /* power-on is a reset */
        dbg_debug_reset(m, i);
        if (halted)
            dbg_debug_halt(m, i, DCSR_CAUSE_HALTREQ);
    }
    dbg_stop_clear(m);
    dm_reset(dm);
    return dm;
}

void dm_free(dm_t *dm)
{
    if (!dm)
        return;
    for (unsigned i = 0; i < MAX_HARTS; i++)
        free(dm->reset_state[i]);
    free(dm);
}
