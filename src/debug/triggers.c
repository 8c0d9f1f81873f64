/* Trigger firing (Debug Spec 1.0, 5.3-5.5): which triggers match an
 * access, chains, hit bits, timing, actions and the re-entrancy rule.
 *
 * Timing rvscope implements (what seed 001 expects):
 *   execute, load address  -> before: xepc = the instruction, hit = 1
 *   store, load data       -> immediately after: xepc = next, hit = 3
 *   mcontrol (type 2) follows its timing bit for stores. */
#include "debug.h"
#include "trigger_match.h"
#include "../core/trap.h"
#include "../core/mmu.h"
#include "../core/disasm.h"
#include "../machine.h"
#include "../trace/trace.h"
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static bool mode_ok(const hart_t *h, const mc_fields_t *f)
{
    return h->priv == PRIV_M ? f->m : h->priv == PRIV_S ? f->s : f->u;
}

/* When a trigger of this kind is checked. mcontrol follows its timing bit
 * (load-data triggers are legalised to timing = 1, "after"). */
static enum trig_phase phase_of(const hart_t *h, uint64_t tdata1, const mc_fields_t *f,
                                enum trig_kind kind)
{
    if (tdata1_type(h, tdata1) == TT_MCONTROL)
        return f->timing_after ? PH_AFTER : PH_BEFORE;
    switch (kind) {
    case TK_EXEC:  return PH_BEFORE;
    case TK_LOAD:  return f->select ? PH_AFTER : PH_BEFORE;
    default:       return PH_AFTER;
    }
}

/* Does trigger t match this access (ignoring timing)? Address matches look
 * at every byte of the access; a negated mode negates the whole result; a
 * data match compares only the bytes the access has. */
static bool trig_matches(const hart_t *h, const trigger_t *t, enum trig_kind kind,
                         uint64_t va, unsigned size, uint64_t value)
{
    mc_fields_t f;
    if (!mc_decode(t->tdata1, h->xlen, &f))
        return false;
    bool want = kind == TK_LOAD ? f.load : kind == TK_STORE ? f.store : f.execute;
    if (!want || !mode_ok(h, &f))
        return false;
    unsigned sz = mc_size_bytes(f.size);
    if (sz && sz != size)
        return false;
    unsigned base = f.match & 7;
    bool any = false;
    if (f.select) {
        uint64_t m = size >= 8 ? ~0ull : (1ull << (8 * size)) - 1;
        any = mc_value_matches(base, value & m, t->tdata2 & m, h->xlen);
    } else {
        for (unsigned b = 0; b < size && !any; b++)
            any = mc_value_matches(base, va + b, t->tdata2, h->xlen);
    }
    return (f.match & 8) ? !any : any;
}

/* Action 0 is suppressed while the handler that would take it runs with
 * interrupts off (re-entrancy, option 1 of the spec). */
static bool breakpoint_allowed(const hart_t *h)
{
    if (h->priv == PRIV_M)
        return h->mstatus & MSTATUS_MIE;
    if (h->priv == PRIV_S && ((h->medeleg >> EXC_BREAKPOINT) & 1))
        return h->mstatus & MSTATUS_SIE;
    return true;
}

const char *sdtrig_type_name(unsigned type)
{
    switch (type) {
    case TT_MCONTROL: return "mcontrol";
    case TT_ICOUNT: return "icount";
    case TT_ITRIGGER: return "itrigger";
    case TT_ETRIGGER: return "etrigger";
    case TT_MCONTROL6: return "mcontrol6";
    case TT_TMEXTTRIGGER: return "tmexttrigger";
    default: return "disabled";
    }
}

static void set_hit(hart_t *h, trigger_t *t, enum trig_phase ph)
{
    unsigned type = tdata1_type(h, t->tdata1);
    if (type == TT_MCONTROL6)
        t->tdata1 |= (1ull << 22) | (ph == PH_AFTER ? 1ull << 25 : 0);
    else if (type == TT_MCONTROL)
        t->tdata1 |= 1ull << 20;
    else if (type == TT_ICOUNT)
        t->tdata1 |= 1ull << 24;
    else
        t->tdata1 |= 1ull << (h->xlen - 6);
}

unsigned sdtrig_action(const hart_t *h, const trigger_t *t)
{
    unsigned type = tdata1_type(h, t->tdata1);
    if (type == TT_MCONTROL || type == TT_MCONTROL6)
        return (unsigned)(t->tdata1 >> 12) & 0xf;
    return (unsigned)t->tdata1 & 0x3f;
}

/* Stop the machine for an external-trigger action (8/9). */
static void external_stop(hart_t *h, unsigned idx, const char *what, uint64_t addr, uint64_t pc)
{
    debug_hart_t *d = h->dbg;
    unsigned type = tdata1_type(h, d->trig[idx].tdata1);
    enum wp_kind wk = !strcmp(what, "load") ? WP_READ : !strcmp(what, "store") ? WP_WRITE : 0;
    dbg_record_stop(h, &(dbg_stop_t){ .kind = DS_TRIGGER, .id = (int)idx, .addr = addr,
                                      .insn_pc = pc, .trig_type = type,
                                      .action = sdtrig_action(h, &d->trig[idx]),
                                      .access = what, .wkind = wk });
}

/* Trace actions (2 trace on, 3 trace off, 4 notify): a line in the trace
 * stream; 2 and 3 also switch the instruction trace on and off. */
static void trace_action(hart_t *h, unsigned idx, unsigned action)
{
    static const char *what[] = { "", "", "trace on", "trace off", "trace notify" };
    fprintf(trace_stream(h->m), "[%u] trigger %u: %s at pc 0x%" PRIx64 "\n",
            h->hartid, idx, what[action], h->pc);
    if (action == 4)
        return;
    trace_of(h->m)->itrace = action == 2;
    trace_apply(h->m);
}

static bool is_mc(const hart_t *h, const trigger_t *t)
{
    unsigned type = tdata1_type(h, t->tdata1);
    return type == TT_MCONTROL || type == TT_MCONTROL6;
}

/* Take the action of trigger `idx` (hit bits already set). Returns true
 * when the current instruction must not execute. */
static bool act(hart_t *h, unsigned idx, enum trig_phase ph, uint64_t tval, const char *what)
{
    debug_hart_t *d = h->dbg;
    unsigned action = sdtrig_action(h, &d->trig[idx]);
    switch (action) {
    case 0:                         /* breakpoint exception */
    case 1:                         /* enter debug mode (needs dmode = 1) */
        if (ph == PH_BEFORE) {
            if (action == 0) {
                hart_exception(h, EXC_BREAKPOINT, tval);
            } else {
                h->exceptions++;
                sdext_enter(h, DCAUSE_TRIGGER, h->pc);
            }
            return true;
        }
        /* After the instruction: sdtrig_fire_pending acts before the next. */
        d->pending_trig = idx;
        d->pending_tval = tval;
        d->sdtrig_arm |= DBG_ARM_PENDING;
        h->dbg_armed |= DBG_ARM_PENDING;
        hart_end_slice(h);
        return false;
    case 8: case 9:
        external_stop(h, idx, what, tval, h->pc);
        if (ph == PH_BEFORE) {
            h->exceptions++;        /* the instruction does not retire */
            return true;
        }
        return false;
    case 2: case 3: case 4:
        trace_action(h, idx, sdtrig_action(h, &d->trig[idx]));
        return false;
    default:
        return false;
    }
}

/* A single (non-chained) trigger of another type fires. */
static bool fire(hart_t *h, unsigned first, unsigned last, enum trig_phase ph,
                 uint64_t tval, const char *what)
{
    debug_hart_t *d = h->dbg;
    if (sdtrig_action(h, &d->trig[last]) == 0 && !breakpoint_allowed(h))
        return false;
    for (unsigned i = first; i <= last; i++)
        set_hit(h, &d->trig[i], ph);
    return act(h, last, ph, tval, what);
}

bool sdtrig_access(hart_t *h, enum trig_kind kind, enum trig_phase ph, uint64_t va,
                 unsigned size, uint64_t value)
{
    debug_hart_t *d = h->dbg;
    static const char *names[] = { "load", "store", "execute" };
    if (sdext_halted(h))
        return true;          /* triggers never match in debug mode (a program buffer) */
    if (kind != TK_EXEC) {
        /* Most accesses to a watched page touch none of the triggers'
         * address ranges (data and negated matches cover everything). */
        unsigned k = kind == TK_STORE;
        bool near = false;
        for (unsigned i = 0; i < d->nrange[k] && !near; i++)
            near = d->lo[k][i] <= va + size - 1 && d->hi[k][i] >= va;
        if (!near)
            return true;
    }
    int brk = -1;                   /* the first firing chain with action 0/1 */
    bool halt = false;
    /* Walk the chains: a chain fires when every member matches; it is
     * checked at its latest member's timing, so an address+data chain on a
     * load waits for the data. Every firing chain sets its hit bits; actions
     * 8/9 fire independently of a breakpoint taken for the same access. */
    for (unsigned i = 0; i < d->ntrig; i++) {
        unsigned first = i;
        while (i + 1 < d->ntrig && is_mc(h, &d->trig[i]) && ((d->trig[i].tdata1 >> 11) & 1))
            i++;
        mc_fields_t f;
        if (!mc_decode(d->trig[i].tdata1, h->xlen, &f) || f.chain)
            continue;               /* not an address/data trigger, or a chain off the end */
        enum trig_phase chain_ph = PH_BEFORE;
        bool all = true;
        int timing = -1;            /* mcontrol members' timing bit */
        for (unsigned j = first; j <= i && all; j++) {
            mc_fields_t g;
            if (!mc_decode(d->trig[j].tdata1, h->xlen, &g)) { all = false; break; }
            if (phase_of(h, d->trig[j].tdata1, &g, kind) == PH_AFTER)
                chain_ph = PH_AFTER;
            if (tdata1_type(h, d->trig[j].tdata1) == TT_MCONTROL) {
                /* mcontrol: a chain whose timings differ never fires. */
                if (timing >= 0 && timing != (int)g.timing_after)
                    all = false;
                timing = g.timing_after;
            }
            all = all && trig_matches(h, &d->trig[j], kind, va, size, value);
        }
        if (!all || chain_ph != ph)
            continue;
        unsigned action = sdtrig_action(h, &d->trig[i]);
        if (action == 0 && !breakpoint_allowed(h))
            continue;
        for (unsigned j = first; j <= i; j++)
            set_hit(h, &d->trig[j], ph);
        if (action == 8 || action == 9) {
            if (!halt)
                external_stop(h, i, names[kind], va, h->pc);
            halt = true;
        } else if ((action == 0 || action == 1) && brk < 0) {
            brk = (int)i;
        } else if (action >= 2 && action <= 4) {
            trace_action(h, i, action);
        }
    }
    if (brk >= 0 && act(h, (unsigned)brk, ph, va, names[kind]))
        return false;
    if (halt && ph == PH_BEFORE) {
        h->exceptions++;
        return false;
    }
    return true;
}

bool sdtrig_page_watched(const hart_t *h, enum access acc, uint64_t va)
{
    const debug_hart_t *d = h->dbg;
    unsigned k = acc == ACC_WRITE ? TK_STORE : TK_LOAD;
    uint64_t lo = va & ~(uint64_t)(PAGE_SIZE - 1), hi = lo + PAGE_SIZE - 1;
    for (unsigned i = 0; i < d->nrange[k]; i++)
        /* Fast-path accesses are aligned and never cross a page; misaligned
         * ones always take the slow path, which checks the exact bytes. */
        if (d->lo[k][i] <= hi && d->hi[k][i] >= lo)
            return true;
    return false;
}

/* An execute trigger matches an instruction's bytes; one that starts in
 * the last 2 bytes of a page runs from that page, so a page is watched
 * when a range touches it or the first 2 bytes of the next. */
bool sdtrig_code_page_watched(const hart_t *h, uint64_t vbase)
{
    const debug_hart_t *d = h->dbg;
    uint64_t hi = vbase + PAGE_SIZE + 1;
    for (unsigned i = 0; i < d->nrange[TK_EXEC]; i++)
        if (d->lo[TK_EXEC][i] <= hi && d->hi[TK_EXEC][i] >= vbase)
            return true;
    return false;
}

void sdtrig_fire_pending(hart_t *h)
{
    debug_hart_t *d = h->dbg;
    d->sdtrig_arm &= ~(uint32_t)DBG_ARM_PENDING;
    h->dbg_armed &= ~(uint32_t)DBG_ARM_PENDING;
    if (sdtrig_action(h, &d->trig[d->pending_trig]) == 1)
        sdext_enter(h, DCAUSE_TRIGGER, h->pc);
    else
        hart_trap_retired(h, EXC_BREAKPOINT, d->pending_tval);
}

/* Mode filter bits of icount, itrigger and etrigger: m 9, s 7, u 6. */
static bool mode_bits_ok(uint64_t tdata1, int priv)
{
    unsigned bit = priv == PRIV_M ? 9 : priv == PRIV_S ? 7 : 6;
    return (tdata1 >> bit) & 1;
}

#define ICOUNT_PENDING (1ull << 8)
static uint64_t icount_count(uint64_t t) { return (t >> 10) & 0x3fff; }

/* icount (Debug Spec 5.7.14): count retired instructions in the enabled
 * modes; at zero the trigger becomes pending and fires before the next
 * instruction in an enabled mode (a debugger's step into another mode). */
static void icount_after(hart_t *h, int priv_before)
{
    debug_hart_t *d = h->dbg;
    {
        bool any = false;
        for (unsigned i = 0; i < d->ntrig; i++) {
            trigger_t *t = &d->trig[i];
            if (tdata1_type(h, t->tdata1) != TT_ICOUNT)
                continue;
            uint64_t c = icount_count(t->tdata1);
            /* Option 1: an action-0 trigger does not count where it could not fire. */
            bool suppressed = sdtrig_action(h, t) == 0 &&
                ((priv_before == PRIV_M && !(h->mstatus & MSTATUS_MIE)) ||
                 (priv_before == PRIV_S && ((h->medeleg >> EXC_BREAKPOINT) & 1) &&
                  !(h->mstatus & MSTATUS_SIE)));
            if (c && !suppressed && mode_bits_ok(t->tdata1, priv_before)) {
                c--;
                t->tdata1 = (t->tdata1 & ~(0x3fffull << 10)) | c << 10;
                if (!c)
                    t->tdata1 |= ICOUNT_PENDING;
            }
            if (icount_count(t->tdata1) || (t->tdata1 & ICOUNT_PENDING))
                any = true;
        }
        d->icount_armed = any;
    }
}

static bool icount_before(hart_t *h)
{
    debug_hart_t *d = h->dbg;
    for (unsigned i = 0; i < d->ntrig; i++) {
        trigger_t *t = &d->trig[i];
        if (tdata1_type(h, t->tdata1) != TT_ICOUNT || !(t->tdata1 & ICOUNT_PENDING) ||
            !mode_bits_ok(t->tdata1, h->priv))
            continue;
        unsigned action = sdtrig_action(h, t);
        if (action == 0 && !breakpoint_allowed(h))
            continue;
        t->tdata1 &= ~ICOUNT_PENDING;
        set_hit(h, t, PH_BEFORE);
        if (action == 0) {
            hart_exception(h, EXC_BREAKPOINT, 0);
            return false;
        }
        if (action == 1) {
            h->exceptions++;
            sdext_enter(h, DCAUSE_TRIGGER, h->pc);
            return false;
        }
        if (action == 8 || action == 9) {
            h->budget++;
            external_stop(h, i, "icount", 0, h->pc);
            return false;
        }
    }
    return true;
}

/* itrigger / etrigger: a trap just entered its handler. */
void sdtrig_trap(hart_t *h, unsigned code, bool irq, int from_priv)
{
    debug_hart_t *d = h->dbg;
    unsigned want = irq ? TT_ITRIGGER : TT_ETRIGGER;
    for (unsigned i = 0; i < d->ntrig; i++) {
        trigger_t *t = &d->trig[i];
        if (tdata1_type(h, t->tdata1) != want || !mode_bits_ok(t->tdata1, from_priv) ||
            code >= (unsigned)h->xlen || !((t->tdata2 >> code) & 1))
            continue;
        fire(h, i, i, PH_AFTER, 0, irq ? "interrupt" : "exception");
        return;
    }
}

void sdtrig_external_input(hart_t *h, unsigned input)
{
    debug_hart_t *d = h->dbg;
    for (unsigned i = 0; i < d->ntrig && input < 16; i++) {
        trigger_t *t = &d->trig[i];
        if (tdata1_type(h, t->tdata1) == TT_TMEXTTRIGGER && ((t->tdata1 >> (6 + input)) & 1)) {
            fire(h, i, i, PH_AFTER, 0, "external input");
            return;
        }
    }
}

/* The instruction word at pc (0 if it cannot be read), for execute triggers. */
static uint32_t insn_at(hart_t *h, uint64_t pc)
{
    uint64_t pa;
    int cause;
    uint8_t b[4] = {0};
    uint32_t raw = 0;
    if (mmu_translate(h, pc, ACC_EXEC, &pa, &cause) && machine_phys_read(h->m, pa, b, 2)) {
        raw = b[0] | b[1] << 8;
        if ((raw & 3) == 3 && machine_phys_read(h->m, pa + 2, b + 2, 2))
            raw |= (uint32_t)(b[2] | b[3] << 8) << 16;
    }
    return raw;
}

bool sdtrig_before_insn(hart_t *h)
{
    if (h->dbg->icount_armed && !icount_before(h))
        return false;
    if (!(h->dbg_armed & DBG_ARM_EXEC))
        return true;
    uint32_t raw = insn_at(h, h->pc);
    return sdtrig_access(h, TK_EXEC, PH_BEFORE, h->pc, (raw & 3) == 3 ? 4 : 2, raw);
}

void sdtrig_after_insn(hart_t *h, uint64_t pc, int priv_before)
{
    debug_hart_t *d = h->dbg;
    /* mcontrol execute triggers with timing = 1 fire after the instruction. */
    if (h->dbg_armed & DBG_ARM_EXEC) {
        uint32_t raw = insn_at(h, pc);
        sdtrig_access(h, TK_EXEC, PH_AFTER, pc, (raw & 3) == 3 ? 4 : 2, raw);
    }
    if (d->icount_armed)
        icount_after(h, priv_before);
    if (d->step_pending && !sdext_halted(h))
        sdext_enter(h, DCAUSE_STEP, h->pc);
}

/* Recompute what the core must watch after any trigger register write. */
void sdtrig_changed(hart_t *h)
{
    debug_hart_t *d = h->dbg;
    uint32_t arm = d->sdtrig_arm & DBG_ARM_PENDING;
    d->nrange[TK_LOAD] = d->nrange[TK_STORE] = d->nrange[TK_EXEC] = 0;
    d->icount_armed = false;
    for (unsigned i = 0; i < d->ntrig; i++) {
        uint64_t t1 = d->trig[i].tdata1;
        unsigned type = tdata1_type(h, t1);
        if (type == TT_ICOUNT && (icount_count(t1) || (t1 & ICOUNT_PENDING)))
            d->icount_armed = true;
        if (type == TT_ITRIGGER || type == TT_ETRIGGER)
            arm |= DBG_ARM_TRAP;
        mc_fields_t f;
        if (!mc_decode(t1, h->xlen, &f) || !(f.m || f.s || f.u))
            continue;
        uint64_t lo, hi;
        mc_address_range(&f, d->trig[i].tdata2, h->xlen, &lo, &hi);
        static const uint32_t bit[] = { DBG_ARM_LOAD, DBG_ARM_STORE, DBG_ARM_EXEC };
        bool want[] = { f.load, f.store, f.execute };
        for (unsigned k = TK_LOAD; k <= TK_EXEC; k++)
            if (want[k]) {
                d->lo[k][d->nrange[k]] = lo;
                d->hi[k][d->nrange[k]++] = hi;
                arm |= bit[k];
            }
    }
    d->sdtrig_arm = arm;
    dbg_rearm_hart(h);
    hart_flush_tlb(h);
    hart_end_slice(h);
}
