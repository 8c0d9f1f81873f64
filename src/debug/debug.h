/* Per-hart debug state: triggers (Sdtrig) and, later, debug mode (Sdext). */
#ifndef RVSCOPE_DEBUG_H
#define RVSCOPE_DEBUG_H
#include "../core/hart.h"

#define MAX_TRIGGERS 16
#define TINFO_VALUE  ((1ull << 24) | (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5) | \
                      (1u << 6) | (1u << 7) | (1u << 15))

enum trigger_type {
    TT_NONE = 0, TT_MCONTROL = 2, TT_ICOUNT = 3, TT_ITRIGGER = 4, TT_ETRIGGER = 5,
    TT_MCONTROL6 = 6, TT_TMEXTTRIGGER = 7, TT_DISABLED = 15,
};

typedef struct trigger {
    uint64_t tdata1, tdata2, tdata3;
} trigger_t;

typedef struct debug_hart {
    unsigned  ntrig, tselect;
    trigger_t trig[MAX_TRIGGERS];
    /* Derived by debug_triggers_changed: address ranges that load (0) and
     * store (1) triggers can match, so only those pages leave the TLB. */
    uint64_t  lo[2][MAX_TRIGGERS], hi[2][MAX_TRIGGERS];
    unsigned  nrange[2];
    /* The trigger that fires before the next instruction ("after" timing). */
    unsigned  pending_trig;
    uint64_t  pending_tval;
    bool      icount_armed;     /* an icount trigger counts or is pending */
    bool      debugger_access;  /* the current CSR access comes from a debugger */

    /* Debug mode (Sdext). A hart in debug mode is halted: rvscope's
     * debugger is the Debug Module; resuming it is dret. */
    bool      halted;
    bool      step_pending;     /* dcsr.step: re-enter after one instruction */
    uint64_t  dcsr, dpc, dscratch0, dscratch1;
} debug_hart_t;

/* dcsr.cause values */
enum { DCAUSE_EBREAK = 1, DCAUSE_TRIGGER = 2, DCAUSE_HALTREQ = 3, DCAUSE_STEP = 4 };

enum trig_kind { TK_LOAD, TK_STORE, TK_EXEC };
enum trig_phase { PH_BEFORE, PH_AFTER };

/* A memory access or instruction fetch in one phase. Returns false when a
 * "before" trigger fired: the instruction must not execute. */
bool debug_check(hart_t *h, enum trig_kind kind, enum trig_phase ph, uint64_t va,
                 unsigned size, uint64_t value);
/* May an access of this kind to the page at va match a trigger? */
bool debug_page_watched(const hart_t *h, enum access acc, uint64_t va);
/* Fire what debug_check left pending ("after" timing). */
void debug_fire_pending(hart_t *h);
/* The checked loop asks before each instruction (breakpoints, execute
 * triggers, icount) and reports after it (icount, dcsr.step). */
bool debug_before_insn(hart_t *h);
void debug_after_insn(hart_t *h, int priv_before);
void debug_exec_after(hart_t *h, uint64_t pc);
/* Traps for itrigger/etrigger. */
void debug_trap_triggers(hart_t *h, unsigned code, bool irq, int from_priv);
/* Raise external trigger input `input` (0..15) for tmexttrigger. */
void debug_external_input(hart_t *h, unsigned input);

/* Sdext: enter debug mode (halts the hart and stops the machine), and the
 * resume path (dret semantics) used whenever the machine continues. */
void debug_mode_enter(hart_t *h, unsigned cause, uint64_t dpc);
void debug_mode_resume(hart_t *h);
bool sdext_csr_read(hart_t *h, unsigned csr, uint64_t *val);
bool sdext_csr_write(hart_t *h, unsigned csr, uint64_t val);

debug_hart_t *debug_hart_new(hart_t *h, unsigned ntriggers);
unsigned tdata1_type(const hart_t *h, uint64_t tdata1);
uint64_t tdata1_legalize(const hart_t *h, uint64_t old, uint64_t val, bool dmode_ok);
/* Called after any trigger register write. */
void debug_triggers_changed(hart_t *h);

#endif
