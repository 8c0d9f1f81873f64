/* Trap entry and return (privileged spec: "Machine Trap Handling",
 * "Supervisor Trap Handling", mret/sret). */
#include "trap.h"
#include "../debug/dbg_core.h"
#include "../machine.h"
#include <inttypes.h>
#include <stdio.h>

static uint64_t cause_value(const hart_t *h, unsigned code, bool irq)
{
    return irq ? (1ull << (h->xlen - 1)) | code : code;
}

static void set_mpp(hart_t *h, int p) { h->mstatus = (h->mstatus & ~MSTATUS_MPP) | ((uint64_t)p << 11); }

/* Enter the trap handler for cause `code`; delegation per medeleg/mideleg. */
static void trap_enter(hart_t *h, unsigned code, bool irq, uint64_t tval)
{
    uint64_t deleg = irq ? h->mideleg : h->medeleg;
    int from = h->priv;
    uint64_t epc = h->pc;
    h->resv_valid = false;
    if (from <= PRIV_S && ((deleg >> code) & 1)) {
        h->scause = cause_value(h, code, irq);
        h->sepc = epc;
        h->stval = tval;
        uint64_t s = h->mstatus & ~(MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SIE);
        if (h->mstatus & MSTATUS_SIE) s |= MSTATUS_SPIE;
        if (from == PRIV_S) s |= MSTATUS_SPP;
        h->mstatus = s;
        h->priv = PRIV_S;
        uint64_t base = h->stvec & ~(uint64_t)3;
        h->pc = (irq && (h->stvec & 1)) ? base + 4 * code : base;
    } else {
        h->mcause = cause_value(h, code, irq);
        h->mepc = epc;
        h->mtval = tval;
        uint64_t s = h->mstatus & ~(MSTATUS_MPIE | MSTATUS_MIE);
        if (h->mstatus & MSTATUS_MIE) s |= MSTATUS_MPIE;
        h->mstatus = s;
        set_mpp(h, from);
        h->priv = PRIV_M;
        uint64_t base = h->mtvec & ~(uint64_t)3;
        h->pc = (irq && (h->mtvec & 1)) ? base + 4 * code : base;
    }
    if (h->xlen == 32)
        h->pc = (uint32_t)h->pc;
    if (h->priv != from)
        hart_flush_tlb(h);
    if (unlikely(h->dbg_armed & DBG_ARM_TRAP))
        dbg_trap(h, code, irq, epc, tval, from);
    if (unlikely(h->dbg_armed & DBG_ARM_PRIV) && h->priv != from)
        dbg_priv_changed(h, from);
    /* The handler is the faulting instruction itself: it would trap to
     * itself forever (typically mtvec was never set). */
    if (!irq && h->pc == epc && !h->m->stop)
        dbg_stuck(h, code, epc, tval);
    if (!irq) {
        h->last_trap_cause = code;
        h->last_trap_priv = from;
        h->last_trap_epc = epc;
        h->last_trap_tval = tval;
        h->last_trap_handler = h->pc;
    }
    /* Re-check interrupts and stop requests before the handler runs. */
    hart_end_slice(h);
}

void hart_exception(hart_t *h, unsigned cause, uint64_t tval)
{
    if (unlikely(h->run_state == RUN_DEBUG)) {   /* a Debug Module's program buffer */
        dbg_debug_exception(h, cause);
        return;
    }
    h->exceptions++;
    trap_enter(h, cause, false, tval);
}

void hart_trap_retired(hart_t *h, unsigned cause, uint64_t tval)
{
    trap_enter(h, cause, false, tval);
}

/* The interrupts that would be taken now if the global enables allowed. */
uint64_t hart_pending_irqs(const hart_t *h)
{
    return h->mip & h->mie;
}

/* Priority order of the privileged spec: MEI, MSI, MTI, SEI, SSI, STI. */
static const unsigned irq_order[] = { IRQ_MEI, IRQ_MSI, IRQ_MTI, IRQ_SEI, IRQ_SSI, IRQ_STI };

bool hart_check_interrupts(hart_t *h)
{
    uint64_t pend = h->mip & h->mie;
    if (!pend)
        return false;
    /* M-level interrupts: taken below M, or in M with MIE.
     * S-level (delegated): taken in U, or in S with SIE; never in M. */
    bool m_on = h->priv < PRIV_M || (h->mstatus & MSTATUS_MIE);
    bool s_on = h->priv < PRIV_S || (h->priv == PRIV_S && (h->mstatus & MSTATUS_SIE));
    uint64_t m_irqs = m_on ? pend & ~h->mideleg : 0;
    uint64_t s_irqs = s_on ? pend & h->mideleg : 0;
    uint64_t take = m_irqs ? m_irqs : s_irqs;
    if (!take)
        return false;
    for (unsigned i = 0; i < sizeof irq_order / sizeof irq_order[0]; i++) {
        if ((take >> irq_order[i]) & 1) {
            h->wfi = false;
            trap_enter(h, irq_order[i], true, 0);
            return true;
        }
    }
    return false;
}

void hart_mret(hart_t *h)
{
    int to = (int)((h->mstatus & MSTATUS_MPP) >> 11);
    uint64_t s = h->mstatus & ~(MSTATUS_MIE | MSTATUS_MPIE);
    if (h->mstatus & MSTATUS_MPIE) s |= MSTATUS_MIE;
    s |= MSTATUS_MPIE;
    if (to != PRIV_M) s &= ~MSTATUS_MPRV;
    h->mstatus = s;
    set_mpp(h, PRIV_U);
    int from = h->priv;
    h->priv = to;
    h->pc = h->mepc;
    h->resv_valid = false;
    /* An mret within M mode with MPRV on changes MPP to U, and with it the
     * privilege of loads and stores (translation, PMP). */
    if (to != from || (s & MSTATUS_MPRV))
        hart_flush_tlb(h);
    if (unlikely(h->dbg_armed & DBG_ARM_XRET))
        dbg_xret(h, from);
    if (unlikely(h->dbg_armed & DBG_ARM_PRIV) && to != from)
        dbg_priv_changed(h, from);
    hart_end_slice(h);
}

void hart_sret(hart_t *h)
{
    int to = (h->mstatus & MSTATUS_SPP) ? PRIV_S : PRIV_U;
    uint64_t s = h->mstatus & ~(MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_MPRV);
    if (h->mstatus & MSTATUS_SPIE) s |= MSTATUS_SIE;
    s |= MSTATUS_SPIE;
    h->mstatus = s;
    int from = h->priv;
    h->priv = to;
    h->pc = h->sepc;
    h->resv_valid = false;
    if (to != from)
        hart_flush_tlb(h);
    if (unlikely(h->dbg_armed & DBG_ARM_XRET))
        dbg_xret(h, from);
    if (unlikely(h->dbg_armed & DBG_ARM_PRIV) && to != from)
        dbg_priv_changed(h, from);
    hart_end_slice(h);
}

const char *exc_cause_name(uint64_t cause, int xlen)
{
    static const char *exc[] = {
        "instruction address misaligned", "instruction access fault",
        "illegal instruction", "breakpoint", "load address misaligned",
        "load access fault", "store/AMO address misaligned",
        "store/AMO access fault", "environment call from U-mode",
        "environment call from S-mode", "reserved (10)",
        "environment call from M-mode", "instruction page fault",
        "load page fault", "reserved (14)", "store/AMO page fault",
    };
    static const char *irq[] = {
        "reserved interrupt 0", "supervisor software interrupt", "reserved interrupt 2",
        "machine software interrupt", "reserved interrupt 4", "supervisor timer interrupt",
        "reserved interrupt 6", "machine timer interrupt", "reserved interrupt 8",
        "supervisor external interrupt", "reserved interrupt 10", "machine external interrupt",
    };
    bool is_irq = (cause >> (xlen - 1)) & 1;
    uint64_t code = cause & ~(1ull << (xlen - 1));
    if (is_irq)
        return code < 12 ? irq[code] : "unknown interrupt";
    return code < 16 ? exc[code] : "unknown exception";
}
