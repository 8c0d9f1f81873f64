/* One RISC-V hart: architectural state and the decoded-instruction format.
 * The core knows nothing of the monitor or the GDB stub; debugging reaches it
 * through src/debug/dbg_core.h, which costs nothing while nothing is armed. */
#ifndef RVSCOPE_HART_H
#define RVSCOPE_HART_H
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

enum priv { PRIV_U = 0, PRIV_S = 1, PRIV_M = 3 };

/* The extensions an instruction table line needs (its ext column); a hart
 * has the set h->isa (bits 1 << EXT_*). CF and CD are "C and F", "C and D"
 * (the compressed FP loads and stores). */
enum isa_ext { EXT_I, EXT_M, EXT_A, EXT_C, EXT_F, EXT_D, EXT_CF, EXT_CD,
               EXT_ZBA, EXT_ZBB, EXT_ZBS, EXT_ZICOND, EXT_COUNT };

/* Writes to x0 land in x[REG_SINK], so no handler tests rd != 0. */
#define REG_SINK 32

struct hart;
struct insn;
typedef void (*exec_fn)(struct hart *h, const struct insn *in);

/* A decoded instruction: made once per instruction word (per physical page
 * slot), executed many times. */
typedef struct insn {
    exec_fn  fn;
    int64_t  imm;       /* sign-extended immediate, CSR number, shamt ... */
    uint32_t raw;       /* the instruction bits (16 or 32) */
    uint16_t id;        /* index into insn_table (name, disassembly) */
    uint8_t  rd, rs1, rs2;
    uint8_t  len;       /* 2 or 4 */
} insn_t;

/* Software TLB entry: host address = guest virtual address + addend. */
typedef struct tlb_entry {
    uint64_t  tag;      /* virtual page address; TLB_INVALID when empty */
    uintptr_t addend;
} tlb_entry_t;
/* Slow-path translation cache entry (mem.c): va page -> pa page, and
 * whether a trigger, watchpoint or hook refused the page a TLB entry. */
typedef struct xlat_entry {
    uint64_t tag, pa;
    bool     nofill;
} xlat_entry_t;
#define TLB_SIZE    256
#define TLB_INVALID (~0ull) /* no tag: tags always have bit 11 clear */
enum access { ACC_READ, ACC_WRITE, ACC_EXEC };

/* Per-hart run state (waiting for an interrupt is h->wfi, separate). */
enum run_state {
    RUN_RUNNING,      /* runs when the machine runs */
    RUN_HALTED,       /* held still by a debugger (non-stop, scheduler locking) */
    RUN_DEBUG,        /* in debug mode (Sdext): halted until resumed (dret) */
};

typedef struct hart {
    uint64_t x[33];
    uint64_t pc;
    /* F/D: 64-bit registers (binary32 values NaN-boxed), and fcsr
     * (frm in bits 7:5, fflags in 4:0). */
    uint64_t f[32];
    uint32_t fcsr;
    uint32_t isa;               /* 1 << enum isa_ext */
    int      priv;
    int      xlen;
    unsigned hartid;
    struct machine *m;

    /* Run-loop bookkeeping: budget counts down inside a slice; a handler
     * that must stop the slice early calls hart_end_slice(). */
    int64_t  budget, slice_len;
    uint64_t cycle_base;        /* instructions executed before this slice */
    uint64_t exceptions;        /* synchronous traps (did not retire) */
    /* Set while the debugger's after-instruction hooks run: the instruction
     * of this slot is done, so minstret counts it (hart_instret). */
    bool     insn_done;
    /* The last synchronous trap (trap.c, a few stores per trap): when its
     * handler address faults on itself, the stuck report names this one,
     * the fault that started the chain. */
    unsigned last_trap_cause;
    int      last_trap_priv;
    uint64_t last_trap_epc, last_trap_tval, last_trap_handler;
    uint64_t instret_offset, cycle_offset;   /* written minstret/mcycle */
    bool     wfi;               /* waiting for an interrupt */

    /* Instruction fetch: the decoded slots of the current code page. */
    uint64_t fetch_vbase;       /* TLB_INVALID when unknown */
    insn_t  *fetch_slots;
    uint64_t fetch_pa;          /* physical address of that page */
    struct dpage *fetch_dpage;  /* and its decoded (and compiled) code */

    tlb_entry_t tlb[3][TLB_SIZE];
    /* Translations for the slow paths (any page, RAM or not, flagged or
     * watched): va page -> pa page, so a page that never gets a TLB entry
     * (code and data mixed, devices) does not cost a page walk per access. */
    xlat_entry_t xlat[3][TLB_SIZE];

    /* LR/SC */
    uint64_t resv_addr;
    bool     resv_valid;

    /* Machine-mode CSRs */
    uint64_t mstatus, misa, medeleg, mideleg, mie, mip;
    uint64_t mtvec, mscratch, mepc, mcause, mtval;
    uint64_t mcounteren, mcountinhibit, menvcfg;
    uint64_t pmpcfg[16], pmpaddr[64];
    uint8_t  pmp_n;             /* entries to search (core/pmp.c) */
    bool     pmp_nocache;       /* the last translation's page has mixed PMP permissions */
    /* Supervisor */
    uint64_t stvec, sscratch, sepc, scause, stval, satp, scounteren, senvcfg;
    uint64_t stimecmp;

    /* Run state (the run loop skips a hart that is not RUN_RUNNING). */
    uint8_t  run_state;         /* enum run_state */
    bool     fetch_checked;     /* this code page runs in the checked loop */
    bool     in_split;          /* inside a misaligned access done bytewise */

    /* Debugging (src/debug/, through dbg_core.h): what this hart must
     * report (enum dbg_arm; 0 = nothing, and nothing costs), and its
     * per-hart state: triggers, debug mode, stop record. */
    uint32_t dbg_armed;
    struct debug_hart *dbg;
} hart_t;

/* Instructions executed so far (including the one now executing). */
static inline uint64_t hart_cycles(const hart_t *h)
{
    return h->cycle_base + (uint64_t)(h->slice_len - h->budget);
}

/* Stop the current slice after this instruction, so the run loop looks at
 * interrupts, devices and stop requests before the next one. */
static inline void hart_end_slice(hart_t *h)
{
    h->cycle_base += (uint64_t)(h->slice_len - h->budget);
    h->slice_len = h->budget = 0;
}

void hart_reset(hart_t *h, struct machine *m, unsigned hartid, int xlen, uint32_t isa, uint64_t pc);
uint64_t hart_instret(const hart_t *h);
/* Forget cached translations (priv, satp, mstatus.MPRV/SUM/MXR changes). */
void hart_flush_tlb(hart_t *h);

#endif
