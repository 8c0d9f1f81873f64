/* Per-hart debug state: the trigger module (Sdtrig), debug mode (Sdext)
 * and what the debugger keeps per hart. Internal to src/debug/: the core
 * sees dbg_core.h, front ends see debugger.h. */
#ifndef RVSCOPE_DEBUG_H
#define RVSCOPE_DEBUG_H
#include "dbg_core.h"
#include "debugger.h"

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
    /* ---- Sdtrig ---- */
    unsigned  ntrig, tselect;
    trigger_t trig[MAX_TRIGGERS];
    /* Derived by sdtrig_changed: address ranges that load (TK_LOAD), store
     * (TK_STORE) and execute (TK_EXEC) triggers can match, so only those
     * pages leave the TLB or run checked. */
    uint64_t  lo[3][MAX_TRIGGERS], hi[3][MAX_TRIGGERS];
    unsigned  nrange[3];
    uint32_t  sdtrig_arm;       /* the DBG_ARM_* bits the triggers need */
    /* The trigger that fires before the next instruction ("after" timing). */
    unsigned  pending_trig;
    uint64_t  pending_tval;
    bool      icount_armed;     /* an icount trigger counts or is pending */
    bool      debugger_access;  /* the current CSR access comes from a debugger */
    unsigned  idle_type;        /* unused triggers read as this type (0: 15, disabled) */

    /* ---- Sdext: debug mode is h->run_state == RUN_DEBUG ---- */
    bool      step_pending;     /* dcsr.step: re-enter after one instruction */
    uint64_t  dcsr, dpc, dscratch0, dscratch1;
    bool      dm_exception;     /* an instruction a Debug Module gave trapped */

    /* ---- the debugger's per-hart state ---- */
    uint64_t  bp_resume;        /* don't stop at a breakpoint here right after resuming */
    uint64_t  stores;           /* slow-path stores noted (DBG_ARM_HOOK) */
    uint64_t  stores_at_insn;   /* ... when the current instruction began */
    uint64_t  store_addr;
    unsigned  store_len;
} debug_hart_t;

/* dcsr.cause values */
enum { DCAUSE_EBREAK = 1, DCAUSE_TRIGGER = 2, DCAUSE_HALTREQ = 3, DCAUSE_STEP = 4,
       DCAUSE_RESETHALTREQ = 5 };

/* ---- Sdtrig (triggers.c, sdtrig.c, tdata1.c) ---- */
/* May an access of this kind to the page at va match a trigger? */
bool sdtrig_page_watched(const hart_t *h, enum access acc, uint64_t va);
/* May an execute trigger match an instruction on the code page at vbase? */
bool sdtrig_code_page_watched(const hart_t *h, uint64_t vbase);
/* Before an instruction on a checked page: icount, execute triggers.
 * False: it must not execute. */
bool sdtrig_before_insn(hart_t *h);
/* After it: mcontrol execute triggers with timing after, icount, dcsr.step. */
void sdtrig_after_insn(hart_t *h, uint64_t pc, int priv_before);
/* itrigger / etrigger: a trap just entered its handler. */
void sdtrig_trap(hart_t *h, unsigned code, bool irq, int from_priv);
/* Raise external trigger input `input` (0..15) for tmexttrigger. */
void sdtrig_external_input(hart_t *h, unsigned input);
/* Recompute what the core must watch after any trigger register write. */
void sdtrig_changed(hart_t *h);
unsigned tdata1_type(const hart_t *h, uint64_t tdata1);
uint64_t tdata1_legalize(const hart_t *h, uint64_t old, uint64_t val, bool dmode_ok);
const char *sdtrig_type_name(unsigned type);
unsigned sdtrig_action(const hart_t *h, const trigger_t *t);

/* ---- Sdext (sdext.c) ---- */
/* Enter debug mode: the hart halts (RUN_DEBUG) and the run stops. */
void sdext_enter(hart_t *h, unsigned cause, uint64_t dpc);
/* Leave it as dret does (pc = dpc, privilege = dcsr.prv). */
void sdext_resume(hart_t *h);
static inline bool sdext_halted(const hart_t *h) { return h->run_state == RUN_DEBUG; }

/* ---- the debugger (debugger.c) ---- */
/* Recompute h->dbg_armed from the triggers and the clients. */
void dbg_rearm_hart(hart_t *h);
/* Breakpoints (breakpoints.c): does a breakpoint that applies in hart h's
 * current space sit on the page at vbase;
 * before the instruction at h->pc (false = stop, don't run it). */
bool dbg_bp_on_page(hart_t *h, uint64_t vbase);
/* Any breakpoint for hart h's current space; any scoped to a space. */
bool dbg_bp_any_here(const hart_t *h);
bool dbg_bp_any_scoped(machine_t *m);
bool dbg_bp_check(hart_t *h);
unsigned dbg_bp_count(const machine_t *m);
/* Watchpoints (watchpoints.c). */
bool dbg_wp_page_watched(hart_t *h, enum access acc, uint64_t va, uint64_t pa);
unsigned dbg_wp_count(const machine_t *m);
/* The debugger's breakpoints, watchpoints and catchpoints: arrays of
 * records whose first member is their int id (ids shared by all three). */
typedef struct dbg_list {
    void *v;
    unsigned n, cap;
} dbg_list_t;
dbg_list_t *dbg_bps(machine_t *m);
dbg_list_t *dbg_wps(machine_t *m);
dbg_list_t *dbg_catches(machine_t *m);
/* The named address spaces (spaces.c keeps them). */
struct dbg_spaces **dbg_spaces_slot(machine_t *m);
/* A new zeroed last record of elem bytes, its id set; the caller fills it
 * in and re-arms. */
void *dbg_list_add(machine_t *m, dbg_list_t *l, size_t elem);
/* Remove the record with this id (the last takes its place) and re-arm. */
bool dbg_list_remove(machine_t *m, dbg_list_t *l, size_t elem, int id);
/* Catchpoints: the event bits they need; an event to match against them. */
uint32_t dbg_catch_events(machine_t *m);
void dbg_catch_event(hart_t *h, const dbg_event_t *ev);

#endif
