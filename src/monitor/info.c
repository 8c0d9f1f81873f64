/* The info command: registers and CSRs, triggers (every tdata1 field by
 * name), the software TLB and the instruction ring. */
#include "mon.h"
#include "srcexpr.h"
#include "../core/csr.h"
#include "../core/disasm.h"
#include "../core/trap.h"
#include "../debug/debug.h"
#include "../trace/trace.h"
#include "../jit/jit.h"
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* ---- registers and CSRs ------------------------------------------------ */

static const char *priv_name(int p)
{
    return p == PRIV_M ? "M" : p == PRIV_S ? "S" : p == PRIV_U ? "U" : "?";
}

static void show_csr(mon_t *M, hart_t *h, unsigned csr, const char *name, int width)
{
    uint64_t v;
    if (!csr_debug_read(h, csr, &v)) {
        mon_printf(M, "%-*s <not present on this hart>\n", width, name);
        return;
    }
    int digits = M->m->xlen / 4;
    mon_printf(M, "%-*s 0x%0*" PRIx64, width, name, digits, v);
    if ((csr == CSR_MCAUSE || csr == CSR_SCAUSE) && v)
        mon_printf(M, "  %s", exc_cause_name(v, h->xlen));
    mon_printf(M, "\n");
}

static const unsigned key_csrs[] = {
    CSR_MSTATUS, CSR_MIE, CSR_MIP, CSR_MTVEC, CSR_MEPC, CSR_MCAUSE, CSR_MTVAL, CSR_MEDELEG,
    CSR_MIDELEG, CSR_MSCRATCH, CSR_STVEC, CSR_SEPC, CSR_SCAUSE, CSR_STVAL, CSR_SSCRATCH, CSR_SATP,
};

/* An FP register: its bits, then the value as a double, or as a float
 * when it holds a NaN-boxed binary32. */
static void show_freg(mon_t *M, const hart_t *h, unsigned r, const char *name)
{
    uint64_t v = h->f[r];
    char val[64];
    if ((v >> 32) == 0xffffffffu) {
        uint32_t w = (uint32_t)v;
        float f;
        memcpy(&f, &w, 4);
        snprintf(val, sizeof val, "%.9g (float)", f);
    } else {
        double d;
        memcpy(&d, &v, 8);
        snprintf(val, sizeof val, "%.17g", d);
    }
    mon_printf(M, "%-8s 0x%016" PRIx64 "  %s\n", name, v, val);
}

static bool show_one_reg(mon_t *M, hart_t *h, const char *name)
{
    const char *n = name[0] == '$' ? name + 1 : name;
    int g = expr_gpr_index(n);
    int digits = M->m->xlen / 4;
    if (g >= 0) {
        uint64_t v = g ? h->x[g] : 0;
        mon_printf(M, "%-8s 0x%0*" PRIx64 "  %" PRIu64 "\n", n, digits, v, v);
        return true;
    }
    if (!strcmp(n, "pc")) {
        char sym[128];
        mon_printf(M, "%-8s 0x%0*" PRIx64 "  %s\n", "pc", digits, h->pc, mon_sym(M, h->pc, sym, sizeof sym));
        return true;
    }
    if (!strcmp(n, "priv")) {
        mon_printf(M, "%-8s %s (%d)\n", "priv", priv_name(h->priv), h->priv);
        return true;
    }
    int f = expr_fpr_index(n);
    if (f >= 0 && (h->isa & (1u << EXT_F))) {
        show_freg(M, h, (unsigned)f, n);
        return true;
    }
    int csr = csr_by_name(n);
    if (csr >= 0) {
        show_csr(M, h, (unsigned)csr, n, 8);
        return true;
    }
    mon_printf(M, "Invalid register '%s'.\n", name);
    return false;
}

static bool info_regs(mon_t *M, char *args)
{
    hart_t *h = mon_hart(M);
    if (*args) {
        bool ok = true;
        while (*args)
            ok &= show_one_reg(M, h, mon_next_word(&args));
        return ok;
    }
    int digits = M->m->xlen / 4;
    for (unsigned i = 0; i < 32; i++) {
        const char *n = i == 0 ? "zero" : reg_abi_name(i);
        mon_printf(M, "%-8s 0x%0*" PRIx64 "  %" PRIu64 "\n", n, digits, i ? h->x[i] : 0,
                   i ? h->x[i] : 0);
    }
    show_one_reg(M, h, "pc");
    show_one_reg(M, h, "priv");
    for (size_t i = 0; i < sizeof key_csrs / sizeof key_csrs[0]; i++)
        show_csr(M, h, key_csrs[i], csr_name(key_csrs[i]), 8);
    /* The FP registers once the guest has turned the FPU on (mstatus.FS). */
    if ((h->isa & (1u << EXT_F)) && (h->mstatus & MSTATUS_FS)) {
        for (unsigned i = 0; i < 32; i++)
            show_freg(M, h, i, freg_abi_name(i));
        show_csr(M, h, CSR_FCSR, "fcsr", 8);
    }
    return true;
}

static bool info_csr(mon_t *M, char *args)
{
    char *name = mon_next_word(&args);
    if (!*name || *args) {
        mon_printf(M, "Usage: info csr NAME|NUMBER\n");
        return false;
    }
    const char *n = name[0] == '$' ? name + 1 : name;
    int csr = csr_by_name(n);
    if (csr < 0 && isdigit((unsigned char)n[0])) {
        char *end;
        errno = 0;
        unsigned long v = strtoul(n, &end, 0);
        if (!errno && !*end && v < 4096)
            csr = (int)v;
    }
    if (csr < 0) {
        mon_printf(M, "Unknown CSR '%s'.\n", name);
        return false;
    }
    hart_t *h = mon_hart(M);
    uint64_t v;
    const char *cn = csr_name((unsigned)csr);
    char label[48];
    snprintf(label, sizeof label, "%s (0x%03x)", cn ? cn : "csr", (unsigned)csr);
    if (!csr_debug_read(h, (unsigned)csr, &v)) {
        mon_printf(M, "CSR %s is not present on this hart.\n", label);
        return false;
    }
    mon_printf(M, "%s = 0x%0*" PRIx64 " (%" PRIu64 ")", label, M->m->xlen / 4, v, v);
    if (csr == CSR_MCAUSE || csr == CSR_SCAUSE)
        mon_printf(M, "  %s", exc_cause_name(v, h->xlen));
    mon_printf(M, "\n");
    return true;
}

/* ---- triggers --------------------------------------------------------- */

/* A tdata1 field; hi/lo below 0 count from XLEN (-1 = XLEN-1). */
typedef struct tfield {
    const char *name;
    int hi, lo;
} tfield_t;

static const tfield_t f_mcontrol6[] = {
    {"type", -1, -4}, {"dmode", -5, -5}, {"uncertain", 26, 26}, {"hit1", 25, 25}, {"vs", 24, 24},
    {"vu", 23, 23}, {"hit0", 22, 22}, {"select", 21, 21}, {"size", 18, 16}, {"action", 15, 12},
    {"chain", 11, 11}, {"match", 10, 7}, {"m", 6, 6}, {"uncertainen", 5, 5}, {"s", 4, 4},
    {"u", 3, 3}, {"execute", 2, 2}, {"store", 1, 1}, {"load", 0, 0}, {NULL, 0, 0},
};
static const tfield_t f_mcontrol[] = {
    {"type", -1, -4}, {"dmode", -5, -5}, {"maskmax", -6, -11}, {"sizehi", 22, 21}, {"hit", 20, 20},
    {"select", 19, 19}, {"timing", 18, 18}, {"sizelo", 17, 16}, {"action", 15, 12},
    {"chain", 11, 11}, {"match", 10, 7}, {"m", 6, 6}, {"s", 4, 4}, {"u", 3, 3},
    {"execute", 2, 2}, {"store", 1, 1}, {"load", 0, 0}, {NULL, 0, 0},
};
static const tfield_t f_icount[] = {
    {"type", -1, -4}, {"dmode", -5, -5}, {"vs", 26, 26}, {"vu", 25, 25}, {"hit", 24, 24},
    {"count", 23, 10}, {"m", 9, 9}, {"pending", 8, 8}, {"s", 7, 7}, {"u", 6, 6},
    {"action", 5, 0}, {NULL, 0, 0},
};
static const tfield_t f_itrigger[] = {
    {"type", -1, -4}, {"dmode", -5, -5}, {"hit", -6, -6}, {"vs", 12, 12}, {"vu", 11, 11},
    {"nmi", 10, 10}, {"m", 9, 9}, {"s", 7, 7}, {"u", 6, 6}, {"action", 5, 0}, {NULL, 0, 0},
};
static const tfield_t f_etrigger[] = {
    {"type", -1, -4}, {"dmode", -5, -5}, {"hit", -6, -6}, {"vs", 12, 12}, {"vu", 11, 11},
    {"m", 9, 9}, {"s", 7, 7}, {"u", 6, 6}, {"action", 5, 0}, {NULL, 0, 0},
};
static const tfield_t f_tmext[] = {
    {"type", -1, -4}, {"dmode", -5, -5}, {"hit", -6, -6}, {"intctl", 22, 22}, {"select", 21, 6},
    {"action", 5, 0}, {NULL, 0, 0},
};
static const tfield_t f_other[] = {
    {"type", -1, -4}, {"dmode", -5, -5}, {NULL, 0, 0},
};

static uint64_t field(uint64_t v, int xl, const tfield_t *f)
{
    int hi = f->hi < 0 ? xl + f->hi : f->hi, lo = f->lo < 0 ? xl + f->lo : f->lo;
    unsigned w = (unsigned)(hi - lo + 1);
    return (v >> lo) & (w >= 64 ? ~0ull : (1ull << w) - 1);
}

static uint64_t field_by_name(uint64_t v, int xl, const tfield_t *fs, const char *name)
{
    for (; fs->name; fs++)
        if (!strcmp(fs->name, name))
            return field(v, xl, fs);
    return 0;
}

static const char *action_name(uint64_t a)
{
    switch (a) {
    case 0: return "breakpoint exception";
    case 1: return "enter debug mode";
    case 2: return "trace on";
    case 3: return "trace off";
    case 4: return "trace notify";
    case 8: return "external trigger output 0 (stops rvscope)";
    case 9: return "external trigger output 1 (stops rvscope)";
    default: return "reserved";
    }
}

static const char *match_name(uint64_t m)
{
    static const char *names[16] = {
        "==", "NAPOT", ">=", "<", "low half masked ==", "high half masked ==", "?6", "?7",
        "!=", "not NAPOT", "?10", "?11", "low half masked !=", "high half masked !=", "?14", "?15",
    };
    return names[m & 15];
}

static void modes(char *buf, size_t n, bool m, bool s, bool u)
{
    snprintf(buf, n, "%s%s%s", m ? "M" : "", s ? "S" : "", u ? "U" : "");
    if (!*buf)
        snprintf(buf, n, "no");
}

static bool info_triggers(mon_t *M, char *args)
{
    if (*args) {
        mon_printf(M, "Usage: info triggers\n");
        return false;
    }
    hart_t *h = mon_hart(M);
    debug_hart_t *d = h->dbg;
    int xl = h->xlen, digits = xl / 4;
    if (!d || !d->ntrig) {
        mon_printf(M, "Hart %u has no triggers (--triggers 0).\n", h->hartid);
        return true;
    }
    mon_printf(M, "Hart %u: %u triggers, tselect = %u\n", h->hartid, d->ntrig, d->tselect);
    for (unsigned i = 0; i < d->ntrig; i++) {
        const trigger_t *t = &d->trig[i];
        unsigned type = tdata1_type(h, t->tdata1);
        const tfield_t *fs;
        const char *tn;
        switch (type) {
        case TT_MCONTROL: fs = f_mcontrol; tn = "mcontrol"; break;
        case TT_ICOUNT: fs = f_icount; tn = "icount"; break;
        case TT_ITRIGGER: fs = f_itrigger; tn = "itrigger"; break;
        case TT_ETRIGGER: fs = f_etrigger; tn = "etrigger"; break;
        case TT_MCONTROL6: fs = f_mcontrol6; tn = "mcontrol6"; break;
        case TT_TMEXTTRIGGER: fs = f_tmext; tn = "tmexttrigger"; break;
        case TT_DISABLED: fs = f_other; tn = "disabled"; break;
        default: fs = f_other; tn = "none"; break;
        }
        mon_printf(M, "trigger %u: %s  tdata1 = 0x%0*" PRIx64 "  tdata2 = 0x%0*" PRIx64 "\n", i, tn,
                   digits, t->tdata1, digits, t->tdata2);
        /* What it does, in words. */
        uint64_t v = t->tdata1;
        char md[8];
        if (type == TT_MCONTROL || type == TT_MCONTROL6) {
            char acc[32] = "";
            if (field_by_name(v, xl, fs, "execute")) strcat(acc, "execute ");
            if (field_by_name(v, xl, fs, "load")) strcat(acc, "load ");
            if (field_by_name(v, xl, fs, "store")) strcat(acc, "store ");
            if (!*acc) strcpy(acc, "nothing ");
            modes(md, sizeof md, field_by_name(v, xl, fs, "m"), field_by_name(v, xl, fs, "s"),
                  field_by_name(v, xl, fs, "u"));
            uint64_t a = field_by_name(v, xl, fs, "action");
            mon_printf(M, "  %sin %s mode when %s %s 0x%" PRIx64 "%s -> action %" PRIu64 " (%s)\n", acc,
                       md, field_by_name(v, xl, fs, "select") ? "data" : "address",
                       match_name(field_by_name(v, xl, fs, "match")), t->tdata2,
                       field_by_name(v, xl, fs, "chain") ? ", chained to the next" : "", a,
                       action_name(a));
        } else if (type == TT_ICOUNT || type == TT_ITRIGGER || type == TT_ETRIGGER) {
            modes(md, sizeof md, field_by_name(v, xl, fs, "m"), field_by_name(v, xl, fs, "s"),
                  field_by_name(v, xl, fs, "u"));
            uint64_t a = field_by_name(v, xl, fs, "action");
            if (type == TT_ICOUNT)
                mon_printf(M, "  after %" PRIu64 " more instructions in %s mode -> action %" PRIu64 " (%s)\n",
                           field_by_name(v, xl, fs, "count"), md, a, action_name(a));
            else
                mon_printf(M, "  on %s with tdata2 bits 0x%" PRIx64 " in %s mode -> action %" PRIu64 " (%s)\n",
                           type == TT_ITRIGGER ? "interrupts" : "exceptions", t->tdata2, md, a,
                           action_name(a));
        } else if (type == TT_TMEXTTRIGGER) {
            uint64_t a = field_by_name(v, xl, fs, "action");
            mon_printf(M, "  on external inputs 0x%04" PRIx64 " -> action %" PRIu64 " (%s)\n",
                       field_by_name(v, xl, fs, "select"), a, action_name(a));
        }
        /* Every field by name. */
        mon_printf(M, " ");
        for (const tfield_t *f = fs; f->name; f++) {
            if (!strcmp(f->name, "sizehi") && xl == 32)
                continue;
            uint64_t x = field(v, xl, f);
            mon_printf(M, f->hi - f->lo >= 12 || (f->hi < 0) != (f->lo < 0) ? " %s=0x%" PRIx64 : " %s=%" PRIu64,
                       f->name, x);
        }
        mon_printf(M, "\n");
    }
    if (M->m->nharts > 1)
        trigger_harts_summary(M);
    return true;
}

/* ---- TLB and itrace ring ---------------------------------------------- */

static bool info_tlb(mon_t *M, char *args)
{
    if (*args) {
        mon_printf(M, "Usage: info tlb\n");
        return false;
    }
    hart_t *h = mon_hart(M);
    static const char *kinds[] = { "read", "write", "exec" };
    uint64_t satp;
    csr_debug_read(h, CSR_SATP, &satp);
    mon_printf(M, "Hart %u software TLB (priv %s, satp 0x%" PRIx64 "):\n", h->hartid,
               priv_name(h->priv), satp);
    unsigned total = 0;
    for (int a = 0; a < 3; a++) {
        for (int i = 0; i < TLB_SIZE; i++) {
            const tlb_entry_t *e = &h->tlb[a][i];
            if (e->tag == TLB_INVALID)
                continue;
            uint64_t host = (uint64_t)(e->tag + e->addend);
            uint64_t pa = host - (uint64_t)(uintptr_t)M->m->ram + RAM_BASE;
            mon_printf(M, "  %-5s va 0x%0*" PRIx64 " -> pa 0x%" PRIx64 "\n", kinds[a],
                       M->m->xlen / 4, e->tag, pa);
            total++;
        }
    }
    if (h->fetch_vbase != TLB_INVALID)
        mon_printf(M, "  fetch page va 0x%0*" PRIx64 " -> pa 0x%" PRIx64 "\n", M->m->xlen / 4,
                   h->fetch_vbase, h->fetch_pa);
    if (!total)
        mon_printf(M, "  (no data entries)\n");
    return true;
}

static bool info_itrace(mon_t *M, char *args)
{
    (void)args;
    if (!itrace_ring_count(M->m)) {
        mon_printf(M, "The instruction ring is empty (it records during si, while a watchpoint "
                   "or trace needs every instruction, and during c with 'set itrace-ring on').\n");
        return true;
    }
    mon_printf(M, "Last %u instructions (oldest first):\n", itrace_ring_count(M->m));
    fflush(M->out);
    itrace_ring_dump(M->out, M->m);
    return true;
}

/* ---- the block compiler -------------------------------------------- */

/* Whether code is compiled, how much, and how the current page runs: a
 * page a breakpoint, execute trigger, trace or stepping needs instruction
 * by instruction runs in the interpreter's checked loop. */
static bool info_jit(mon_t *M)
{
    machine_t *m = M->m;
    hart_t *h = mon_hart(M);
    jit_stats_t st;
    jit_get_stats(m, &st);
    if (!jit_supported())
        mon_printf(M, "Block compiler: not available on this host (x86-64 only); every instruction is interpreted.\n");
    else if (!m->jit)
        mon_printf(M, "Block compiler: off (--no-jit); every instruction is interpreted.\n");
    else
        mon_printf(M, "Block compiler: on. %llu blocks compiled, code %.1f KiB of %zu KiB, buffer emptied %llu times.\n",
                   st.blocks, st.used / 1024.0, st.size >> 10, st.flushes);
    bool checked = (h->dbg_armed & DBG_ARM_CODE) &&
                   dbg_code_page_checked(h, h->pc & ~(uint64_t)(PAGE_SIZE - 1));
    mon_printf(M, "The page of pc 0x%llx runs %s.\n", (unsigned long long)h->pc,
               checked ? "in the checked loop (a breakpoint, execute trigger, trace or step "
                         "needs every instruction)"
               : m->jit ? "compiled" : "in the plain interpreter");
    return true;
}

bool cmd_info(mon_t *M, char *args)
{
    char *what = mon_next_word(&args);
    if (!strcmp(what, "r") || !strcmp(what, "registers") || !strcmp(what, "reg"))
        return info_regs(M, args);
    if (!strcmp(what, "csr"))
        return info_csr(M, args);
    if (!strcmp(what, "w") || !strcmp(what, "watchpoints")) {
        watch_list(M, true);
        return true;
    }
    if (!strcmp(what, "b") || !strcmp(what, "breakpoints")) {
        break_list(M);
        return true;
    }
    if (!strcmp(what, "triggers") || !strcmp(what, "trig"))
        return info_triggers(M, args);
    if (!strcmp(what, "tlb"))
        return info_tlb(M, args);
    if (!strcmp(what, "itrace"))
        return info_itrace(M, args);
    if (!strcmp(what, "mem"))
        return info_mem(M, args);
    if (!strcmp(what, "catch")) {
        catch_list(M);
        return true;
    }
    if (!strcmp(what, "locals") || !strcmp(what, "args"))
        return src_info_locals(M, what[0] == 'a');
    if (!strcmp(what, "display")) {
        src_show_displays(M);
        return true;
    }
    if (!strcmp(what, "jit"))
        return info_jit(M);
    if (!strcmp(what, "procs"))
        return info_procs(M);
    if (!strcmp(what, "space"))
        return info_space(M);
    mon_usage(M, "info");
    return false;
}

