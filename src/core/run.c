/* The interpreter loop and the decoded-instruction cache.
 *
 * Each RAM page that holds code has a dpage: one insn_t slot per 2-byte
 * offset. A slot starts with fn = ex_decode, which decodes the word in
 * place on first execution; stores into the page reset the slots they
 * overlap (machine_ram_written). So the hot loop is: find slot, call fn. */
#include "run.h"
#include "isa.h"
#include "fp.h"
#include "decode.h"
#include "mem.h"
#include "trap.h"
#include "../machine.h"
#include "../debug/dbg_core.h"
#include "../jit/jit.h"
#include <stdlib.h>
#include <string.h>

static void ex_decode(hart_t *h, const insn_t *in);

dpage_t *dpage_new(machine_t *m, uint64_t pa)
{
    dpage_t *d = malloc(sizeof *d);
    if (!d)
        abort();
    d->m = m;
    d->pa = pa & ~(uint64_t)(PAGE_SIZE - 1);
    d->resets = 0;
    d->sticky = false;
    d->idle = 0;
    d->jit = NULL;
    dpage_reset(d);
    return d;
}

void dpage_reset(dpage_t *d)
{
    for (unsigned i = 0; i < DPAGE_SLOTS; i++)
        d->slots[i].fn = ex_decode;   /* operands stay valid for a running handler */
    d->live = 0;
    jit_page_reset(d);
}

void dpage_invalidate(dpage_t *d, unsigned off, unsigned len)
{
    /* A slot at offset o covers bytes [o, o+4) at most. */
    unsigned first = off >= 2 ? (off - 2) / 2 : 0;
    unsigned last = (off + len - 1) / 2;
    if (last >= DPAGE_SLOTS)
        last = DPAGE_SLOTS - 1;
    for (unsigned i = first; i <= last; i++)
        if (d->slots[i].fn != ex_decode) {
            d->slots[i].fn = ex_decode;   /* operands stay valid for a running handler */
            d->live--;
        }
    jit_page_invalidate(d, off, len);
}

exec_fn exec_handler(int xlen, unsigned id)
{
    return xlen == 32 ? exec_handler_rv32(id) : exec_handler_rv64(id);
}

void insn_run_one(hart_t *h, exec_fn fn, const insn_t *in)
{
    bool checked = h->fetch_checked;
    h->fetch_checked = true;
    fn(h, in);
    h->fetch_checked = checked;
}

/* --debug-break-insn: the mutated instruction computes a wrong result, so
 * the ISA tests can prove they notice. Decode-time only: no hot-path cost. */
static void ex_broken(hart_t *h, const insn_t *in)
{
    exec_fn real = h->m->broken_real;
    if (in->rd == REG_SINK) {     /* nothing to corrupt: skip it instead */
        h->pc += in->len;
        if (h->xlen == 32) h->pc = (uint32_t)h->pc;
        return;
    }
    uint64_t pc = h->pc;
    insn_run_one(h, real, in);
    if (h->pc != pc || insn_is_jump(in->id))   /* completed (no trap) */
        h->x[in->rd] ^= insn_is_jump(in->id) ? 4 : 1;
}

/* Fill an insn_t for the word at h->pc and set its handler. */
void insn_prepare(hart_t *h, uint32_t raw, insn_t *out)
{
    /* A line of an extension this hart lacks decodes as illegal. */
    if (insn_decode(raw, h->xlen, out) && !((h->isa >> insn_table[out->id].ext) & 1)) {
        out->id = I_ILLEGAL;
        out->rd = out->rs1 = out->rs2 = 0;
        out->imm = 0;
    }
    out->fn = exec_handler(h->xlen, out->id);
    if (out->rd == 0)
        out->rd = REG_SINK;
    /* By name: several table lines can share a mnemonic (slli on RV32/RV64). */
    if (unlikely(h->m->broken_insn >= 0) &&
        !strcmp(insn_table[out->id].name, insn_table[h->m->broken_insn].name)) {
        h->m->broken_real = out->fn;
        out->fn = ex_broken;
    }
}

static void ex_decode(hart_t *h, const insn_t *cin)
{
    insn_t *slot = (insn_t *)cin;
    unsigned off = (unsigned)(h->pc & (PAGE_SIZE - 1));
    const uint8_t *page = h->m->ram + (h->fetch_pa - RAM_BASE);
    uint32_t raw = page[off] | (uint32_t)page[off + 1] << 8;
    if ((raw & 3) == 3) {
        if (off + 2 < PAGE_SIZE) {
            raw |= (uint32_t)(page[off + 2] | page[off + 3] << 8) << 16;
        } else {
            /* Straddles two pages: decode afresh each time, never cache. */
            uint16_t hi;
            if (!mem_fetch16(h, h->pc + 2, &hi))
                return;
            insn_t tmp;
            insn_prepare(h, raw | (uint32_t)hi << 16, &tmp);
            tmp.fn(h, &tmp);
            return;
        }
    }
    /* A decoded slot needs its page's stores to come through the slow path
     * (the flag may have been dropped when a store reset the page). */
    if (!(h->m->page_flags[(h->fetch_pa - RAM_BASE) >> PAGE_SHIFT] & PF_CODE))
        machine_set_page_flag(h->m, h->fetch_pa, PF_CODE);
    insn_prepare(h, raw, slot);
    h->fetch_dpage->live++;
    slot->fn(h, slot);
}

/* The plain loop. It hands over to the checked loop when it enters a code
 * page that needs checking (a breakpoint, an execute trigger, a trace). */
static void run_fast(hart_t *h)
{
    while (h->budget > 0) {
        h->budget--;
        if (unlikely((h->pc & ~(uint64_t)(PAGE_SIZE - 1)) != h->fetch_vbase)) {
            if (!mem_fetch_page(h))
                continue;       /* fetch fault: the trap moved pc */
            if (unlikely(h->fetch_checked)) {
                h->budget++;
                return;
            }
        }
        insn_t *in = &h->fetch_slots[(h->pc & (PAGE_SIZE - 1)) >> 1];
        in->fn(h, in);
    }
}

/* The checked loop: asks the debugger before each instruction and tells
 * it after (dbg_core.h). Back to run_fast on a plain page. */
static void run_checked(hart_t *h)
{
    while (h->budget > 0) {
        h->budget--;
        if ((h->pc & ~(uint64_t)(PAGE_SIZE - 1)) != h->fetch_vbase) {
            if (!mem_fetch_page(h))
                continue;
            if (!h->fetch_checked) {
                h->budget++;
                return;
            }
        }
        insn_t *in = &h->fetch_slots[(h->pc & (PAGE_SIZE - 1)) >> 1];
        if (!dbg_insn_before(h))
            continue;
        uint64_t pc = h->pc;
        int priv = h->priv;
        in->fn(h, in);
        dbg_insn_after(h, in, pc, priv);
    }
}

/* Run up to h->budget instructions; stops early when a handler calls
 * hart_end_slice(). */
void hart_run_slice(hart_t *h)
{
    /* The host FPU's sticky flags collect this hart's (fp.c): start clean
     * (the debugger may have used the FPU), fold them in at the end. */
    bool fp = h->isa & (1u << EXT_F);
    if (fp)
        fp_host_flags_take();
    /* The current page may have been fetched before something was armed. */
    if (h->fetch_vbase != TLB_INVALID)
        h->fetch_checked = (h->dbg_armed & DBG_ARM_CODE) && dbg_code_page_checked(h, h->fetch_vbase);
    while (h->budget > 0) {
        if (h->fetch_checked)
            run_checked(h);
        else if (h->m->jit)
            jit_run(h);
        else
            run_fast(h);
    }
    if (fp)
        h->fcsr |= fp_host_flags_take();
    /* Fold the slice into the counters. */
    h->cycle_base += (uint64_t)(h->slice_len - h->budget);
    h->slice_len = h->budget = 0;
}

void hart_flush_tlb(hart_t *h)
{
    for (int a = 0; a < 3; a++)
        for (int i = 0; i < TLB_SIZE; i++)
            h->tlb[a][i].tag = h->xlat[a][i].tag = TLB_INVALID;
    h->fetch_vbase = TLB_INVALID;
}

uint64_t hart_instret(const hart_t *h)
{
    /* The instruction now executing has not retired yet (once it is done,
     * as a watch on $minstret sees it after each instruction, it has). */
    uint64_t c = hart_cycles(h);
    return c - h->exceptions - (h->slice_len && !h->insn_done ? 1 : 0);
}

void hart_reset(hart_t *h, struct machine *m, unsigned hartid, int xlen, uint32_t isa, uint64_t pc)
{
    memset(h, 0, sizeof *h);
    h->m = m;
    h->hartid = hartid;
    h->xlen = xlen;
    h->pc = pc;
    h->priv = PRIV_M;
    h->x[10] = hartid;           /* a0 = hartid, as QEMU's reset code */
    /* misa: MXL and the letters of the extension set (plus S and U);
     * mstatus.FS starts Off, as on QEMU: software enables the FPU. */
    h->isa = isa;
    h->misa = (xlen == 32 ? 1ull << 30 : 2ull << 62) | isa_misa_bits(isa);
    if (xlen == 64)
        h->mstatus = (2ull << 32) | (2ull << 34);   /* UXL = SXL = 64 */
    h->resv_valid = false;
    hart_flush_tlb(h);
}
