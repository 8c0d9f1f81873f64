/* CSR access: privilege and read-only checks (Zicsr: csr[11:10] = 3 is
 * read-only, csr[9:8] is the lowest privilege), existence per XLEN, and the
 * WARL rules of each register (privileged spec, chapters 3 and 10). */
#include "csr.h"
#include "trap.h"
#include "mmu.h"
#include "pmp.h"
#include "../debug/dbg_core.h"
#include "../machine.h"
#include <string.h>
#include <stdio.h>

#define MEDELEG_MASK 0xb3ffull   /* not 10, 11 (ecall from M), 14 */
#define MIDELEG_MASK (MIP_SSIP | MIP_STIP | MIP_SEIP)
#define MIE_MASK     (MIP_SSIP | MIP_MSIP | MIP_STIP | MIP_MTIP | MIP_SEIP | MIP_MEIP)
#define MSTATUS_WMASK (MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | \
                       MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | \
                       MSTATUS_TW | MSTATUS_TSR)
#define SSTATUS_WMASK (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR)

static uint64_t xmask(const hart_t *h) { return h->xlen == 32 ? 0xffffffffull : ~0ull; }

/* Counters visible below M mode per mcounteren/scounteren (bit = csr - 0xc00). */
static bool counter_enabled(const hart_t *h, unsigned csr)
{
    unsigned bit = (csr & 0x1f);
    if (h->priv < PRIV_M && !((h->mcounteren >> bit) & 1))
        return false;
    if (h->priv == PRIV_U && !((h->scounteren >> bit) & 1))
        return false;
    return true;
}

static uint64_t mcycle(const hart_t *h) { return hart_cycles(h) + h->cycle_offset; }
static uint64_t minstret(const hart_t *h) { return hart_instret(h) + h->instret_offset; }

bool csr_accessible(hart_t *h, unsigned csr, bool write)
{
    if (((csr >> 8) & 3) > (unsigned)h->priv)
        return false;
    if (write && (csr >> 10) == 3)
        return false;
    if (csr == CSR_SATP && h->priv == PRIV_S && (h->mstatus & MSTATUS_TVM))
        return false;
    if ((csr == CSR_STIMECMP || csr == CSR_STIMECMPH) && h->priv == PRIV_S &&
        !(h->menvcfg & MENVCFG_STCE))
        return false;
    if (csr >= CSR_CYCLE && csr <= CSR_HPMCOUNTER31H && !counter_enabled(h, csr))
        return false;
    return true;
}

/* The read half; false when the CSR does not exist on this hart. */
static bool do_read(hart_t *h, unsigned csr, uint64_t *v)
{
    bool rv32 = h->xlen == 32;
    switch (csr) {
    case CSR_MSTATUS:  *v = h->mstatus; return true;
    case CSR_MSTATUSH: if (!rv32) return false; *v = 0; return true;
    case CSR_MISA:     *v = h->misa; return true;
    case CSR_MEDELEG:  *v = h->medeleg; return true;
    case CSR_MIDELEG:  *v = h->mideleg; return true;
    case CSR_MIE:      *v = h->mie; return true;
    case CSR_MIP:      *v = h->mip; return true;
    case CSR_MTVEC:    *v = h->mtvec; return true;
    case CSR_MSCRATCH: *v = h->mscratch; return true;
    case CSR_MEPC:     *v = h->mepc; return true;
    case CSR_MCAUSE:   *v = h->mcause; return true;
    case CSR_MTVAL:    *v = h->mtval; return true;
    case CSR_MCOUNTEREN: *v = h->mcounteren; return true;
    case CSR_MCOUNTINHIBIT: *v = 0; return true;
    case CSR_MENVCFG:  *v = rv32 ? (uint32_t)h->menvcfg : h->menvcfg; return true;
    case CSR_MENVCFGH: if (!rv32) return false; *v = h->menvcfg >> 32; return true;
    case CSR_MVENDORID: case CSR_MARCHID: case CSR_MIMPID: case CSR_MCONFIGPTR:
        *v = 0; return true;
    case CSR_MHARTID:  *v = h->hartid; return true;
    case CSR_MCYCLE:   case CSR_CYCLE:   *v = mcycle(h); return true;
    case CSR_MINSTRET: case CSR_INSTRET: *v = minstret(h); return true;
    case CSR_TIME:     *v = machine_mtime(h->m, h); return true;
    case CSR_MCYCLEH:  case CSR_CYCLEH:   if (!rv32) return false; *v = mcycle(h) >> 32; return true;
    case CSR_MINSTRETH: case CSR_INSTRETH: if (!rv32) return false; *v = minstret(h) >> 32; return true;
    case CSR_TIMEH:    if (!rv32) return false; *v = machine_mtime(h->m, h) >> 32; return true;

    case CSR_SSTATUS: {
        uint64_t m = SSTATUS_WMASK | (rv32 ? 0 : 3ull << 32);
        *v = h->mstatus & m; return true;
    }
    case CSR_SIE:      *v = h->mie & h->mideleg; return true;
    case CSR_SIP:      *v = h->mip & h->mideleg; return true;
    case CSR_STVEC:    *v = h->stvec; return true;
    case CSR_SCOUNTEREN: *v = h->scounteren; return true;
    case CSR_SENVCFG:  *v = h->senvcfg; return true;
    case CSR_SSCRATCH: *v = h->sscratch; return true;
    case CSR_SEPC:     *v = h->sepc; return true;
    case CSR_SCAUSE:   *v = h->scause; return true;
    case CSR_STVAL:    *v = h->stval; return true;
    case CSR_SATP:     *v = h->satp; return true;
    case CSR_STIMECMP: *v = rv32 ? (uint32_t)h->stimecmp : h->stimecmp; return true;
    case CSR_STIMECMPH: if (!rv32) return false; *v = h->stimecmp >> 32; return true;
    }
    if (csr >= CSR_TSELECT && csr <= CSR_TCONTROL)
        return sdtrig_csr_read(h, csr, v);
    if (csr >= CSR_DCSR && csr <= CSR_DSCRATCH1)
        return sdext_csr_read(h, csr, v);
    if (csr >= CSR_PMPCFG0 && csr <= CSR_PMPCFG15) {
        if (!rv32 && (csr & 1)) return false;
        *v = h->pmpcfg[csr - CSR_PMPCFG0]; return true;
    }
    if (csr >= CSR_PMPADDR0 && csr <= CSR_PMPADDR63) { *v = h->pmpaddr[csr - CSR_PMPADDR0]; return true; }
    /* Unimplemented hardware performance counters are hard-wired to zero. */
    if ((csr >= CSR_MHPMCOUNTER3 && csr <= CSR_MHPMCOUNTER31) ||
        (csr >= CSR_HPMCOUNTER3 && csr <= CSR_HPMCOUNTER31) ||
        (csr >= CSR_MHPMEVENT3 && csr <= CSR_MHPMEVENT31)) { *v = 0; return true; }
    if ((csr >= CSR_MHPMCOUNTER3H && csr <= CSR_MHPMCOUNTER31H) ||
        (csr >= CSR_HPMCOUNTER3H && csr <= CSR_HPMCOUNTER31H)) { if (!rv32) return false; *v = 0; return true; }
    return false;
}

static uint64_t legal_tvec(uint64_t old, uint64_t v)
{
    /* Modes 0 (direct) and 1 (vectored); reserved modes keep the old mode. */
    uint64_t mode = (v & 3) < 2 ? (v & 3) : (old & 3);
    return (v & ~3ull) | mode;
}

static void set_counter(uint64_t *offset, uint64_t now_with_offset, uint64_t v, int half, bool rv32)
{
    uint64_t cur = now_with_offset;
    uint64_t want = !rv32 ? v : half ? (cur & 0xffffffffull) | (v << 32)
                                     : (cur & ~0xffffffffull) | (uint32_t)v;
    /* The write replaces this instruction's own increment (privileged
     * spec: a CSR write to a counter is done instead of the increment). */
    *offset += want - cur - 1;
}

/* After a write that may unmask an interrupt: end the slice so the run
 * loop takes it before the next instruction, if one is pending at all
 * (mip is current: device lines and timer deadlines only change between
 * slices). Idle loops toggle SIE/MIE constantly with nothing pending. */
static void irq_maybe_unmasked(hart_t *h)
{
    if (h->mip & h->mie)
        hart_end_slice(h);
}

/* The write half, after the access checks; false = no such CSR. */
static bool do_write(hart_t *h, unsigned csr, uint64_t v)
{
    bool rv32 = h->xlen == 32;
    v &= xmask(h);
    switch (csr) {
    case CSR_MSTATUS: {
        uint64_t old = h->mstatus;
        uint64_t n = (old & ~MSTATUS_WMASK) | (v & MSTATUS_WMASK);
        if (((n & MSTATUS_MPP) >> 11) == 2)           /* H mode does not exist */
            n = (n & ~MSTATUS_MPP) | (old & MSTATUS_MPP);
        h->mstatus = n;
        if ((old ^ n) & (MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_MPP))
            hart_flush_tlb(h);
        irq_maybe_unmasked(h);                        /* MIE/SIE */
        return true;
    }
    case CSR_MSTATUSH: return rv32;
    case CSR_MISA:     return true;                   /* extensions cannot be switched off */
    case CSR_MEDELEG:  h->medeleg = v & MEDELEG_MASK; return true;
    case CSR_MIDELEG:  h->mideleg = v & MIDELEG_MASK; irq_maybe_unmasked(h); return true;
    case CSR_MIE:      h->mie = v & MIE_MASK; irq_maybe_unmasked(h); return true;
    case CSR_MIP: {
        /* SEIP is the PLIC's line (read-only, as QEMU with a PLIC). */
        uint64_t w = MIP_SSIP | ((h->menvcfg & MENVCFG_STCE) ? 0 : MIP_STIP);
        h->mip = (h->mip & ~w) | (v & w);
        irq_maybe_unmasked(h);
        return true;
    }
    case CSR_MTVEC:    h->mtvec = legal_tvec(h->mtvec, v); return true;
    case CSR_MSCRATCH: h->mscratch = v; return true;
    case CSR_MEPC:     h->mepc = v & ~1ull; return true;
    case CSR_MCAUSE:   h->mcause = v; return true;
    case CSR_MTVAL:    h->mtval = v; return true;
    case CSR_MCOUNTEREN: h->mcounteren = v & 0xffffffffull; return true;
    case CSR_MCOUNTINHIBIT: return true;              /* counters always count */
    case CSR_MENVCFG:
        h->menvcfg = rv32 ? (h->menvcfg & ~0xffffffffull) | (v & 1) : (v & (MENVCFG_STCE | 1));
        hart_end_slice(h);
        return true;
    case CSR_MENVCFGH:
        if (!rv32) return false;
        h->menvcfg = (h->menvcfg & 0xffffffffull) | ((v << 32) & MENVCFG_STCE);
        hart_end_slice(h);
        return true;
    case CSR_MCYCLE:   set_counter(&h->cycle_offset, mcycle(h), v, 0, rv32); return true;
    case CSR_MCYCLEH:  if (!rv32) return false; set_counter(&h->cycle_offset, mcycle(h), v, 1, rv32); return true;
    case CSR_MINSTRET: set_counter(&h->instret_offset, minstret(h), v, 0, rv32); return true;
    case CSR_MINSTRETH: if (!rv32) return false; set_counter(&h->instret_offset, minstret(h), v, 1, rv32); return true;

    case CSR_SSTATUS: {
        uint64_t old = h->mstatus;
        h->mstatus = (old & ~SSTATUS_WMASK) | (v & SSTATUS_WMASK);
        if ((old ^ h->mstatus) & (MSTATUS_SUM | MSTATUS_MXR))
            hart_flush_tlb(h);
        irq_maybe_unmasked(h);
        return true;
    }
    case CSR_SIE:
        h->mie = (h->mie & ~h->mideleg) | (v & h->mideleg & MIE_MASK);
        irq_maybe_unmasked(h);
        return true;
    case CSR_SIP:
        h->mip = (h->mip & ~(h->mideleg & MIP_SSIP)) | (v & h->mideleg & MIP_SSIP);
        irq_maybe_unmasked(h);
        return true;
    case CSR_STVEC:    h->stvec = legal_tvec(h->stvec, v); return true;
    case CSR_SCOUNTEREN: h->scounteren = v & 0xffffffffull; return true;
    case CSR_SENVCFG:  h->senvcfg = v & 1; return true;
    case CSR_SSCRATCH: h->sscratch = v; return true;
    case CSR_SEPC:     h->sepc = v & ~1ull; return true;
    case CSR_SCAUSE:   h->scause = v; return true;
    case CSR_STVAL:    h->stval = v; return true;
    case CSR_SATP: {
        /* Bare, and Sv32 (RV32) or Sv39 (RV64); a write selecting any other
         * mode has no effect at all (privileged spec, satp WARL rule). */
        uint64_t mode = rv32 ? v >> 31 : v >> 60;
        if (mode != 0 && !mmu_satp_paged(h->xlen, v))
            return true;
        uint64_t old = h->satp;
        h->satp = v;
        hart_flush_tlb(h);
        if (unlikely(h->dbg_armed & DBG_ARM_SATP))
            dbg_satp_written(h, old);
        return true;
    }
    case CSR_STIMECMP:
        h->stimecmp = rv32 ? (h->stimecmp & ~0xffffffffull) | v : v;
        hart_end_slice(h);
        return true;
    case CSR_STIMECMPH:
        if (!rv32) return false;
        h->stimecmp = (h->stimecmp & 0xffffffffull) | (v << 32);
        hart_end_slice(h);
        return true;
    }
    if (csr >= CSR_TSELECT && csr <= CSR_TCONTROL)
        return sdtrig_csr_write(h, csr, v);
    if (csr >= CSR_DCSR && csr <= CSR_DSCRATCH1)
        return sdext_csr_write(h, csr, v);
    if (csr >= CSR_PMPCFG0 && csr <= CSR_PMPCFG15) {
        if (!rv32 && (csr & 1)) return false;
        pmp_write_cfg(h, csr - CSR_PMPCFG0, v); return true;
    }
    if (csr >= CSR_PMPADDR0 && csr <= CSR_PMPADDR63) {
        pmp_write_addr(h, csr - CSR_PMPADDR0, v);
        return true;
    }
    uint64_t dummy;
    return do_read(h, csr, &dummy);   /* hard-wired zero counters ignore writes */
}

bool csr_read(hart_t *h, unsigned csr, uint64_t *val)
{
    if (!do_read(h, csr, val))
        return false;
    *val &= xmask(h);
    return true;
}

bool csr_write(hart_t *h, unsigned csr, uint64_t val)
{
    return do_write(h, csr, val);
}

/* The debugger acts as debug mode: it may use dcsr/dpc and dmode. */
bool csr_debug_read(hart_t *h, unsigned csr, uint64_t *val)
{
    sdtrig_debugger_access(h, true);
    bool ok = csr_read(h, csr, val);
    sdtrig_debugger_access(h, false);
    return ok;
}

bool csr_debug_write(hart_t *h, unsigned csr, uint64_t val)
{
    sdtrig_debugger_access(h, true);
    bool ok = do_write(h, csr, val);
    sdtrig_debugger_access(h, false);
    return ok;
}

static const struct { unsigned num; const char *name; } csr_names[] = {
    {0x001, "fflags"}, {0x002, "frm"}, {0x003, "fcsr"},
    {0xc00, "cycle"}, {0xc01, "time"}, {0xc02, "instret"},
    {0xc80, "cycleh"}, {0xc81, "timeh"}, {0xc82, "instreth"},
    {0x100, "sstatus"}, {0x104, "sie"}, {0x105, "stvec"}, {0x106, "scounteren"},
    {0x10a, "senvcfg"}, {0x140, "sscratch"}, {0x141, "sepc"}, {0x142, "scause"},
    {0x143, "stval"}, {0x144, "sip"}, {0x14d, "stimecmp"}, {0x15d, "stimecmph"},
    {0x180, "satp"},
    {0x300, "mstatus"}, {0x301, "misa"}, {0x302, "medeleg"}, {0x303, "mideleg"},
    {0x304, "mie"}, {0x305, "mtvec"}, {0x306, "mcounteren"}, {0x30a, "menvcfg"},
    {0x310, "mstatush"}, {0x31a, "menvcfgh"}, {0x320, "mcountinhibit"},
    {0x340, "mscratch"}, {0x341, "mepc"}, {0x342, "mcause"}, {0x343, "mtval"},
    {0x344, "mip"},
    {0x7a0, "tselect"}, {0x7a1, "tdata1"}, {0x7a2, "tdata2"}, {0x7a3, "tdata3"},
    {0x7a4, "tinfo"}, {0x7a5, "tcontrol"}, {0x7a8, "mcontext"},
    {0x7b0, "dcsr"}, {0x7b1, "dpc"}, {0x7b2, "dscratch0"}, {0x7b3, "dscratch1"},
    {0xb00, "mcycle"}, {0xb02, "minstret"}, {0xb80, "mcycleh"}, {0xb82, "minstreth"},
    {0xf11, "mvendorid"}, {0xf12, "marchid"}, {0xf13, "mimpid"}, {0xf14, "mhartid"},
    {0xf15, "mconfigptr"},
    /* Names only: CSRs rvscope does not implement (they trap), named as
     * binutils' objdump names them so disassembly matches it
     * (tests/disasm checks every number). */
    {0x008, "vstart"}, {0x009, "vxsat"}, {0x00a, "vxrm"}, {0x00f, "vcsr"},
    {0x015, "seed"},
    {0x10c, "sstateen0"}, {0x10d, "sstateen1"}, {0x10e, "sstateen2"}, {0x10f, "sstateen3"},
    {0x114, "sieh"}, {0x150, "siselect"}, {0x151, "sireg"}, {0x154, "siph"},
    {0x15c, "stopei"},
    {0x200, "vsstatus"}, {0x204, "vsie"}, {0x205, "vstvec"}, {0x214, "vsieh"},
    {0x240, "vsscratch"}, {0x241, "vsepc"}, {0x242, "vscause"}, {0x243, "vstval"},
    {0x244, "vsip"}, {0x24d, "vstimecmp"}, {0x250, "vsiselect"}, {0x251, "vsireg"},
    {0x254, "vsiph"}, {0x25c, "vstopei"}, {0x25d, "vstimecmph"}, {0x280, "vsatp"},
    {0x308, "mvien"}, {0x309, "mvip"},
    {0x30c, "mstateen0"}, {0x30d, "mstateen1"}, {0x30e, "mstateen2"}, {0x30f, "mstateen3"},
    {0x313, "midelegh"}, {0x314, "mieh"}, {0x318, "mvienh"}, {0x319, "mviph"},
    {0x31c, "mstateen0h"}, {0x31d, "mstateen1h"}, {0x31e, "mstateen2h"}, {0x31f, "mstateen3h"},
    {0x34a, "mtinst"}, {0x34b, "mtval2"},
    {0x350, "miselect"}, {0x351, "mireg"}, {0x354, "miph"}, {0x35c, "mtopei"},
    {0x5a8, "scontext"},
    {0x600, "hstatus"}, {0x602, "hedeleg"}, {0x603, "hideleg"}, {0x604, "hie"},
    {0x605, "htimedelta"}, {0x606, "hcounteren"}, {0x607, "hgeie"}, {0x608, "hvien"},
    {0x609, "hvictl"}, {0x60a, "henvcfg"},
    {0x60c, "hstateen0"}, {0x60d, "hstateen1"}, {0x60e, "hstateen2"}, {0x60f, "hstateen3"},
    {0x613, "hidelegh"}, {0x615, "htimedeltah"}, {0x618, "hvienh"}, {0x61a, "henvcfgh"},
    {0x61c, "hstateen0h"}, {0x61d, "hstateen1h"}, {0x61e, "hstateen2h"}, {0x61f, "hstateen3h"},
    {0x643, "htval"}, {0x644, "hip"}, {0x645, "hvip"}, {0x646, "hviprio1"},
    {0x647, "hviprio2"}, {0x64a, "htinst"}, {0x655, "hviph"}, {0x656, "hviprio1h"},
    {0x657, "hviprio2h"}, {0x680, "hgatp"}, {0x6a8, "hcontext"},
    {0x747, "mseccfg"}, {0x757, "mseccfgh"}, {0x7aa, "mscontext"},
    {0xc20, "vl"}, {0xc21, "vtype"}, {0xc22, "vlenb"},
    {0xda0, "scountovf"}, {0xdb0, "stopi"}, {0xe12, "hgeip"}, {0xeb0, "vstopi"},
    {0xfb0, "mtopi"},
};

/* The numbered CSRs' names as string literals, so that csr_name returns
 * constant strings only (no buffer shared between callers or threads).
 * NUMBERED(p, s) lists p "0" s .. p "63" s; a family uses its indices. */
#define CSR_N(p, s, n) p #n s,
#define NUM8(p, s, a) CSR_N(p, s, a##0) CSR_N(p, s, a##1) CSR_N(p, s, a##2) CSR_N(p, s, a##3) \
                      CSR_N(p, s, a##4) CSR_N(p, s, a##5) CSR_N(p, s, a##6) CSR_N(p, s, a##7)
#define NUMBERED(p, s) \
    CSR_N(p, s, 0) CSR_N(p, s, 1) CSR_N(p, s, 2) CSR_N(p, s, 3) CSR_N(p, s, 4) CSR_N(p, s, 5) \
    CSR_N(p, s, 6) CSR_N(p, s, 7) CSR_N(p, s, 8) CSR_N(p, s, 9) NUM8(p, s, 1) CSR_N(p, s, 18) \
    CSR_N(p, s, 19) NUM8(p, s, 2) CSR_N(p, s, 28) CSR_N(p, s, 29) NUM8(p, s, 3) CSR_N(p, s, 38) \
    CSR_N(p, s, 39) NUM8(p, s, 4) CSR_N(p, s, 48) CSR_N(p, s, 49) NUM8(p, s, 5) CSR_N(p, s, 58) \
    CSR_N(p, s, 59) CSR_N(p, s, 60) CSR_N(p, s, 61) CSR_N(p, s, 62) CSR_N(p, s, 63)

static const struct {
    unsigned first, last, n0; /* CSRs first..last are names[n0..] */
    const char *const *names;
} csr_families[] = {
    {0x3a0, 0x3af, 0, (const char *const[]){NUMBERED("pmpcfg", "")}},
    {0x3b0, 0x3ef, 0, (const char *const[]){NUMBERED("pmpaddr", "")}},
    {0xb03, 0xb1f, 3, (const char *const[]){NUMBERED("mhpmcounter", "")}},
    {0xb83, 0xb9f, 3, (const char *const[]){NUMBERED("mhpmcounter", "h")}},
    {0xc03, 0xc1f, 3, (const char *const[]){NUMBERED("hpmcounter", "")}},
    {0xc83, 0xc9f, 3, (const char *const[]){NUMBERED("hpmcounter", "h")}},
    {0x323, 0x33f, 3, (const char *const[]){NUMBERED("mhpmevent", "")}},
    {0x723, 0x73f, 3, (const char *const[]){NUMBERED("mhpmevent", "h")}},
};

const char *csr_name(unsigned csr)
{
    for (size_t i = 0; i < sizeof csr_names / sizeof csr_names[0]; i++)
        if (csr_names[i].num == csr)
            return csr_names[i].name;
    for (size_t i = 0; i < sizeof csr_families / sizeof csr_families[0]; i++)
        if (csr >= csr_families[i].first && csr <= csr_families[i].last)
            return csr_families[i].names[csr_families[i].n0 + (csr - csr_families[i].first)];
    return NULL;
}

int csr_by_name(const char *name)
{
    if (!strcmp(name, "mcontrol") || !strcmp(name, "mcontrol6"))
        return CSR_TDATA1;
    for (unsigned c = 0; c < 4096; c++) {
        const char *n = csr_name(c);
        if (n && !strcmp(n, name))
            return (int)c;
    }
    return -1;
}
