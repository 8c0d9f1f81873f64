/* Expression watchpoints (seed 001 task 1, SPEC §3).
 *
 * Classes, from the text: a dereference makes a watch Memory, a register
 * ($anything) makes it Register, both "Memory, Register", neither
 * Constant (never re-evaluated).
 *
 * Policies, deciding after which instruction a watch is re-evaluated:
 *  coarse  (the seed's rule) an instruction that wrote memory re-evaluates
 *          the Memory class, any other instruction the Register class.
 *  precise (default) only when the instruction wrote a GPR the expression
 *          reads (rd), or a store overlapped a byte the last evaluation
 *          read; an expression reading $pc, $priv or a CSR every
 *          instruction of its hart.
 * Either way the instruction hook (after every instruction, checked loop,
 * no write TLB) does the work -- except for precise watches that read only
 * memory: those become emulator-side physical write watchpoints on exactly
 * the bytes they read, so the rest of the program runs at full speed and
 * only stores to those pages are checked. */
#include "mon.h"
#include "srcexpr.h"
#include "../trace/trace.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static mwatch_t *find(mon_t *M, int num)
{
    for (unsigned i = 0; i < M->nwp; i++)
        if (M->wps[i].num == num)
            return &M->wps[i];
    return NULL;
}

static bool is_constant(const mwatch_t *w) { return !w->mem && !w->reg; }

/* A precise watch that reads only memory: followed by dbg watchpoints. */
static bool memory_only(const mwatch_t *w)
{
    return w->mem && !w->reg && !w->reads_all;
}

/* Evaluate w now; remember what it read. */
void watch_evaluate(mon_t *M, mwatch_t *w)
{
    expr_env_t env = mon_env(M, w->hart);
    expr_error_t err;
    uint64_t v;
    w->ok = expr_eval(w->e, &env, &v, &err);
    if (w->ok)
        w->val = v;
    else
        snprintf(w->err, sizeof w->err, "%s", err.msg);
    if (!w->mem)
        return;
    uint64_t addrs[WATCH_MAX_READS];
    unsigned sizes[WATCH_MAX_READS];
    size_t n = expr_last_reads(w->e, addrs, sizes, WATCH_MAX_READS);
    w->reads_all = n > WATCH_MAX_READS;
    if (w->reads_all)
        n = WATCH_MAX_READS;
    hart_t *h = M->m->harts[w->hart];
    wread_t nr[WATCH_MAX_READS];
    unsigned k = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t pa;
        if (!mon_v2p(h, addrs[i], &pa))
            continue;
        /* keep the emulator-side watchpoint of a range that did not move */
        int id = -1;
        for (unsigned j = 0; j < w->nreads; j++)
            if (w->reads[j].pa == pa && w->reads[j].size == sizes[i] && w->reads[j].dbg_id >= 0) {
                id = w->reads[j].dbg_id;
                w->reads[j].dbg_id = -1;
                break;
            }
        nr[k++] = (wread_t){ pa, sizes[i], id };
    }
    for (unsigned j = 0; j < w->nreads; j++)
        if (w->reads[j].dbg_id >= 0)
            dbg_wp_remove(M->m, w->reads[j].dbg_id);
    memcpy(w->reads, nr, k * sizeof nr[0]);
    w->nreads = k;
}

void watch_cmd(mon_t *M, char *args)
{
    if (!*args) {
        mon_usage(M, "w");
        return;
    }
    expr_env_t env = mon_env(M, M->cur);
    expr_error_t err;
    /* w counter, w proc->state: the lvalue's bytes where they are now (as
     * GDB's watch -l), as the sdb expression that reads them */
    char lv[96];
    bool src = src_is_source(M, args);
    if (src && !src_watch_text(M, args, lv, sizeof lv))
        return;
    const char *text = src ? lv : args;
    expr_t *e = expr_parse(text, &env, &err);
    if (!e) {
        mon_expr_error(M, args, &err);
        return;
    }
    /* A constant that cannot be evaluated (w 1/0) can never be watched: the
     * same error as p gives. (One that reads registers or memory may become
     * readable later, so it stays.) */
    uint64_t cv;
    if (!expr_reads_memory(e) && !expr_reads_registers(e) && !expr_eval(e, &env, &cv, &err)) {
        mon_expr_error(M, args, &err);
        expr_free(e);
        return;
    }
    if (M->nwp == M->capwp) {
        M->capwp = M->capwp ? 2 * M->capwp : 8;
        M->wps = realloc(M->wps, M->capwp * sizeof *M->wps);
        if (!M->wps)
            abort();
    }
    mwatch_t *w = &M->wps[M->nwp++];
    memset(w, 0, sizeof *w);
    w->num = M->next_num++;
    w->text = strdup(args);
    w->e = e;
    w->hart = M->cur;
    w->mem = expr_reads_memory(e);
    w->reg = expr_reads_registers(e);
    uint64_t mask = expr_gpr_mask(e);
    w->gprs = mask & 0xffffffffull;
    w->every = (mask & (EXPR_MASK_PC | EXPR_MASK_PRIV_CSR)) != 0;
    watch_evaluate(M, w);
    /* The seed's exact words. */
    const char *cls = w->mem && w->reg ? "Memory, Register" : w->mem ? "Memory"
                    : w->reg ? "Register" : "Constant";
    mon_printf(M, "%s watchpoint %d\n", cls, w->num);
    mon_rearm(M);
}

bool watch_delete(mon_t *M, int num)
{
    mwatch_t *w = find(M, num);
    if (!w)
        return false;
    for (unsigned j = 0; j < w->nreads; j++)
        if (w->reads[j].dbg_id >= 0)
            dbg_wp_remove(M->m, w->reads[j].dbg_id);
    expr_free(w->e);
    free(w->text);
    unsigned i = (unsigned)(w - M->wps);
    memmove(w, w + 1, (M->nwp - i - 1) * sizeof *w);
    M->nwp--;
    mon_rearm(M);
    return true;
}

void watch_free_all(mon_t *M)
{
    for (unsigned i = 0; i < M->nwp; i++) {
        expr_free(M->wps[i].e);
        free(M->wps[i].text);
    }
    free(M->wps);
    M->wps = NULL;
    M->nwp = M->capwp = 0;
}

static const char *class_name(const mwatch_t *w)
{
    return w->mem && w->reg ? "Memory, Register" : w->mem ? "Memory" : w->reg ? "Register" : "Constant";
}

void watch_list(mon_t *M, bool header)
{
    if (!M->nwp) {
        if (header)
            mon_printf(M, "No watchpoints.\n");
        return;
    }
    if (header)
        mon_printf(M, "Num  Type        Class             Hits  Value                      What\n");
    for (unsigned i = 0; i < M->nwp; i++) {
        mwatch_t *w = &M->wps[i];
        char v[64];
        if (w->ok)
            mon_fmt_value(M, w->val, v, sizeof v);
        else
            snprintf(v, sizeof v, "<unreadable>");
        mon_printf(M, "%-4d watchpoint  %-17s %4" PRIu64 "  %-26s %s\n", w->num, class_name(w),
                   w->hits, v, w->text);
    }
    if (header)
        mon_printf(M, "(watch-policy %s, watch-log %s)\n", M->precise ? "precise" : "coarse",
                   M->watch_log ? "on" : "off");
}

/* Does any watch need the instruction hook under the current policy?
 * Also sums up, per hart, what the precise policy must look at. */
bool watch_needs_hook(mon_t *M)
{
    memset(M->wsum, 0, sizeof M->wsum);
    M->wsum_mem = false;
    for (unsigned i = 0; i < M->nwp; i++) {
        mwatch_t *w = &M->wps[i];
        M->wsum[w->hart].gprs |= w->gprs & ~1ull;     /* x0 never changes */
        M->wsum[w->hart].every |= w->every;
        M->wsum_mem |= w->mem;
    }
    for (unsigned i = 0; i < M->nwp; i++) {
        mwatch_t *w = &M->wps[i];
        if (is_constant(w))
            continue;
        if (!M->precise || !memory_only(w))
            return true;
    }
    return false;
}

/* Emulator-side write watchpoints for precise memory-only watches, and
 * only while the hook is off (with the hook on, it sees every store). */
void watch_sync_dbg(mon_t *M, bool hook)
{
    for (unsigned i = 0; i < M->nwp; i++) {
        mwatch_t *w = &M->wps[i];
        bool want = !hook && M->precise && memory_only(w);
        for (unsigned j = 0; j < w->nreads; j++) {
            wread_t *r = &w->reads[j];
            if (want && r->dbg_id < 0)
                r->dbg_id = dbg_wp_insert(M->m, r->pa, r->size, WP_WRITE, true, OWNER_MONITOR);
            else if (!want && r->dbg_id >= 0) {
                dbg_wp_remove(M->m, r->dbg_id);
                r->dbg_id = -1;
            }
        }
    }
}

void watch_begin_run(mon_t *M)
{
    for (unsigned i = 0; i < M->nwp; i++)
        M->wps[i].changed = false;
    M->nchanged = 0;
}

/* Re-evaluate w after an instruction of hart `hart` at pc (from the
 * instruction ring when from_ring); true if it changed. */
static bool reevaluate(mon_t *M, mwatch_t *w, unsigned hart, uint64_t pc, bool from_ring)
{
    if (M->watch_log)
        mon_printf(M, "Re-evaluating watchpoint %d\n", w->num);
    bool was_ok = w->ok;
    uint64_t was = w->val;
    char was_err[sizeof w->err];
    if (!was_ok)
        memcpy(was_err, w->err, sizeof was_err);
    watch_evaluate(M, w);
    bool changed = was_ok != w->ok || (w->ok && was != w->val);
    if (!changed)
        return false;
    if (!w->changed) {          /* keep the first old value of this run */
        w->changed = true;
        w->old_ok = was_ok;
        w->old_val = was;
        if (!was_ok)
            memcpy(w->old_err, was_err, sizeof was_err);
        M->nchanged++;
    }
    if (from_ring && !itrace_ring_last(M->m, hart, &pc))
        pc = M->m->harts[hart]->pc;
    w->chg_pc = pc;
    w->chg_hart = hart;
    w->hits++;
    return true;
}

static bool overlaps_reads(const mwatch_t *w, uint64_t pa, unsigned len)
{
    if (w->reads_all)
        return true;
    for (unsigned j = 0; j < w->nreads; j++)
        if (pa < w->reads[j].pa + w->reads[j].size && w->reads[j].pa < pa + len)
            return true;
    return false;
}

__attribute__((noinline)) static bool after_insn(mon_t *M, hart_t *h, bool wrote, uint64_t saddr, unsigned slen, unsigned rd)
{
    bool stop = false, have_pa = false;
    uint64_t spa = 0;
    for (unsigned i = 0; i < M->nwp; i++) {
        mwatch_t *w = &M->wps[i];
        if (is_constant(w))
            continue;
        bool own = h->hartid == w->hart, re;
        if (!M->precise) {
            re = wrote ? w->mem : own && w->reg;
        } else {
            re = own && (w->every || (rd && ((w->gprs >> rd) & 1)));
            if (!re && wrote && w->mem) {
                if (!have_pa) {
                    if (!mon_v2p(h, saddr, &spa))
                        spa = saddr;
                    have_pa = true;
                }
                re = overlaps_reads(w, spa, slen);
            }
        }
        if (re && reevaluate(M, w, h->hartid, 0, true))
            stop = true;
    }
    return stop;
}

/* The instruction hook (after every instruction while installed). */
bool watch_insn_hook(void *ctx, hart_t *h, bool wrote, uint64_t saddr, unsigned slen, unsigned rd)
{
    mon_t *M = ctx;
    if (M->precise) {
        /* The common case: nothing this instruction did concerns a watch.
         * (rd is 0 when it wrote no GPR; bit 0 of gprs is never needed.) */
        const watch_summary_t *sm = &M->wsum[h->hartid];
        if (likely(!((sm->gprs >> rd) & 1) && !sm->every && !(wrote && M->wsum_mem)))
            return false;
    }
    return M->nwp && after_insn(M, h, wrote, saddr, slen, rd);
}

bool watch_on_dbg_stop(mon_t *M, const dbg_stop_t *si)
{
    bool mine = false;
    for (unsigned i = 0; i < M->nwp && !mine; i++)
        for (unsigned j = 0; j < M->wps[i].nreads; j++)
            if (M->wps[i].reads[j].dbg_id == si->id)
                mine = true;
    if (!mine)
        return false;
    /* The bytes the instruction stored: from the first watched byte it
     * touched (si->addr) to the end of its last store (a misaligned store
     * is done byte by byte; bytes before the first match match nothing). */
    hart_t *h = M->m->harts[si->hart];
    uint64_t saddr;
    unsigned slen;
    dbg_last_store(h, &saddr, &slen);
    uint64_t lo = si->addr, hi = saddr + slen;
    if (hi <= lo || hi - lo > 16)
        hi = lo + 8;
    uint64_t pa;
    if (!mon_v2p(h, lo, &pa))
        pa = lo;
    for (unsigned i = 0; i < M->nwp; i++) {
        mwatch_t *w = &M->wps[i];
        if (memory_only(w) && overlaps_reads(w, pa, (unsigned)(hi - lo)))
            reevaluate(M, w, si->hart, si->pc, false);
    }
    watch_sync_dbg(M, false);   /* what it reads may have moved */
    return true;
}

static void show_value(mon_t *M, const char *label, bool ok, uint64_t v, const char *err)
{
    char buf[64];
    if (ok) {
        mon_fmt_value(M, v, buf, sizeof buf);
        mon_printf(M, "%s = %s\n", label, buf);
    } else {
        mon_printf(M, "%s = <unreadable: %s>\n", label, err);
    }
}

void watch_report_changes(mon_t *M)
{
    for (unsigned i = 0; i < M->nwp; i++) {
        mwatch_t *w = &M->wps[i];
        if (!w->changed)
            continue;
        mon_printf(M, "\nWatchpoint %d: %s\n\n", w->num, w->text);
        show_value(M, "Old value", w->old_ok, w->old_val, w->old_err);
        show_value(M, "New value", w->ok, w->val, w->err);
        char insn[192];
        mon_fmt_insn(M, M->m->harts[w->chg_hart], w->chg_pc, insn, sizeof insn);
        if (M->m->nharts > 1)
            mon_printf(M, "Changed by [hart %u] %s\n", w->chg_hart, insn);
        else
            mon_printf(M, "Changed by %s\n", insn);
        w->changed = false;
    }
    M->nchanged = 0;
}
