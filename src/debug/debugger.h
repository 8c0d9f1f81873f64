/* The debugger layer (src/debug/) as its clients see it: the monitor (with
 * its catchpoints), the GDB stub and the traces now; a recorder and a Debug
 * Module later. One debugger per machine owns the emulator-side breakpoints and
 * watchpoints, the instruction hooks of its clients, the harts' run states
 * and the record of every stop. The core reports to it through dbg_core.h.
 *
 * Clients subscribe with their own wishes (which instructions to see,
 * which events); the debugger arms the union on each hart, so two clients
 * (the monitor through GDB's `monitor`, and GDB itself) can arm things at
 * once without stepping on each other. */
#ifndef RVSCOPE_DEBUGGER_H
#define RVSCOPE_DEBUGGER_H
#include "../machine.h"
#include "dbg_core.h"

/* ---- stops ---- */

enum dbg_stop_kind {
    DS_NONE,
    DS_BREAKPOINT,      /* id = breakpoint id; the instruction at pc did not run */
    DS_WATCHPOINT,      /* id = watchpoint id, addr, wkind; the access completed */
    DS_TRIGGER,         /* a guest trigger with action 8/9: id = index, action, access */
    DS_DEBUG_MODE,      /* the hart entered debug mode: cause = dcsr.cause, pc = dpc */
    DS_EBREAK,          /* a guest ebreak a debugger owns */
    DS_HOOK,            /* a client's instruction hook asked to stop (expression watch) */
    DS_STEP,            /* a step finished */
    DS_LIMIT,           /* --max-insns reached */
    DS_EXIT,            /* the guest exited: exit_code */
    DS_INTERRUPT,       /* the user (Ctrl-C, GDB's break-in) */
    DS_STUCK,           /* a trap handler faults on itself: cause, tval, insn_pc */
    DS_DEADLOCK,        /* every hart waits for an interrupt that cannot come */
    DS_CATCH,           /* a catchpoint: id, catch_kind; cause/irq (trap), tval (satp: old) */
};
enum wp_kind { WP_WRITE = 1, WP_READ = 2, WP_ACCESS = 3 };

typedef struct dbg_stop {
    enum dbg_stop_kind kind;
    unsigned hart;
    int      id;            /* breakpoint/watchpoint id, trigger index */
    uint64_t pc;            /* the next instruction of the hart */
    uint64_t insn_pc;       /* the instruction that caused it (triggers, stuck) */
    uint64_t addr;          /* data address (watchpoint, trigger) */
    enum wp_kind wkind;     /* what access a watchpoint or data trigger saw */
    int      priv;          /* privilege then */
    uint64_t satp;          /* and the address space */
    unsigned cause;         /* dcsr.cause (debug mode), trap cause (stuck) */
    uint64_t tval;
    unsigned trig_type, action;   /* trigger: tdata1.type and action */
    const char *access;     /* trigger: "load", "store", "execute", "icount", ... */
    int      exit_code;
    const struct dbg_client *client;   /* DS_HOOK: whose hook */
    int      catch_kind;    /* DS_CATCH: enum catch_kind */
    int      from_priv;     /* DS_CATCH: privilege before the event */
    bool     irq;           /* DS_CATCH on a trap: an interrupt */
    /* DS_STUCK: the fault whose handler address then faulted on itself
     * (an illegal instruction with no mtvec: the guest's real error). */
    bool     has_first;
    unsigned first_cause;
    uint64_t first_pc, first_tval;
    bool     first_insn_ok;
    uint32_t first_insn;
} dbg_stop_t;

/* The machine stopped (machine_run/machine_step returned `why`): what
 * happened, as one record (the first stop of the run wins). */
dbg_stop_t dbg_stop_of(machine_t *m, int why);
/* One line saying what a stop was ("trigger 0 (mcontrol6, store, action 8)
 * fired on hart 0: ..."), for stderr, the monitor and GDB's console. */
void dbg_stop_describe(machine_t *m, const dbg_stop_t *s, char *buf, size_t n);
/* Forget the last stop (before running again). */
void dbg_stop_clear(machine_t *m);
/* Record a stop of hart h and end the run (the first reason wins). */
void dbg_record_stop(hart_t *h, const dbg_stop_t *s);

/* ---- per-hart run state ---- */

/* Let hart h run at the next machine_run (leaving debug mode as dret
 * does, and not stopping again at the breakpoint it stopped at). */
void dbg_resume_hart(machine_t *m, unsigned hart);
/* Keep hart h still while the others run (GDB non-stop, scheduler
 * locking). A hart in debug mode stays in it. */
void dbg_halt_hart(machine_t *m, unsigned hart);

/* Debug mode for a Debug Module (sdext.c): enter it now, between
 * instructions (dcsr.cause = cause: 3 halt request, 5 reset halt request);
 * dcsr and friends back to their reset values; run the instruction `in`
 * (already prepared) on a hart in debug mode, false if it raised an
 * exception (no trap is taken). */
enum { DCSR_CAUSE_HALTREQ = 3, DCSR_CAUSE_RESETHALTREQ = 5 };
void dbg_debug_halt(machine_t *m, unsigned hart, unsigned cause);
void dbg_debug_reset(machine_t *m, unsigned hart);
bool dbg_debug_exec(hart_t *h, const insn_t *in);

/* ---- breakpoints and watchpoints (breakpoints.c, watchpoints.c) ---- */

/* Where a breakpoint applies. Fields set to -1 match anything. */
typedef struct bp_scope {
    int     priv;       /* PRIV_U, PRIV_S, PRIV_M or -1 */
    int64_t satp_ppn;   /* root page table of the address space, or -1 */
    int64_t asid;       /* satp.ASID, or -1 */
    int     hart;       /* hart id, or -1 */
    int     space;      /* id of a space the OS description follows (pidN, a
                         * program: its page tables change at exec), or 0 */
} bp_scope_t;
#define BP_SCOPE_ANY ((bp_scope_t){ -1, -1, -1, -1, 0 })

enum dbg_owner { OWNER_MONITOR = 1, OWNER_GDB = 2 };

/* Breakpoint at virtual address va (the pc). Returns an id > 0. Costs
 * nothing on code pages without breakpoints. */
int  dbg_bp_insert(machine_t *m, uint64_t va, const bp_scope_t *scope, int owner);
bool dbg_bp_remove(machine_t *m, int id);
/* Id of the breakpoint of this owner at va, or -1. */
int  dbg_bp_find(machine_t *m, uint64_t va, int owner);
/* The scope of breakpoint id; false: no such breakpoint. */
bool dbg_bp_scope(machine_t *m, int id, bp_scope_t *scope);

/* Watch len bytes at addr (virtual, or physical when phys) for the kind of
 * access. Every watchpoint stops after the access completes (a write watch
 * shows the new value in memory). */
int  dbg_wp_insert(machine_t *m, uint64_t addr, uint64_t len, enum wp_kind kind, bool phys, int owner);
bool dbg_wp_remove(machine_t *m, int id);
int  dbg_wp_find(machine_t *m, uint64_t addr, uint64_t len, enum wp_kind kind, int owner);

/* ---- catchpoints (catchpoints.c): stops on events ---- */

enum catch_kind {
    CATCH_TRAP,         /* arg: -1 any trap, a cause, or CATCH_IRQ | interrupt number */
    CATCH_SYSCALL,      /* an ecall with a7 = arg (-1: any) */
    CATCH_PRIV,         /* a change into privilege arg (PRIV_U, PRIV_S, PRIV_M) */
    CATCH_SATP,         /* a satp write (arg -1), or one into the space whose root PPN is arg */
    CATCH_USER,         /* the first instruction in U mode of the space whose root PPN is arg (-1: any) */
};
#define CATCH_IRQ (1ll << 62)
#define CATCH_SPACE (1ll << 61)     /* CATCH_SATP/USER: arg = CATCH_SPACE | id of a followed space */
typedef struct dbg_catch {
    int id, owner;              /* id first: a record of the debugger's lists */
    enum catch_kind kind;
    int64_t arg;
    uint64_t hits;
} dbg_catch_t;
int  dbg_catch_insert(machine_t *m, enum catch_kind kind, int64_t arg, int owner);
bool dbg_catch_remove(machine_t *m, int id);
const dbg_catch_t *dbg_catch_get(machine_t *m, int id);
/* The id of a breakpoint or catchpoint scoped to followed space SPACE
 * (its id, spaces.h), or 0: such a space cannot be forgotten while used. */
int dbg_space_user(machine_t *m, int space);
/* System call names for stop lines (an OS description gives them; NULL
 * fn or an unknown number: the number alone). */
typedef const char *(*dbg_syscall_name_fn)(void *ctx, uint64_t nr);
void dbg_set_syscall_names(machine_t *m, dbg_syscall_name_fn fn, void *ctx);
const char *dbg_syscall_name(machine_t *m, uint64_t nr);

/* ---- clients ---- */

/* An event the core reported (with the state already changed). */
typedef struct dbg_event {
    uint32_t kind;          /* DBG_ARM_TRAP, _XRET, _SATP or _PRIV */
    unsigned code;          /* trap cause */
    bool     irq;
    uint64_t epc, tval;
    int      from_priv;     /* privilege before (trap, xRET, change) */
    uint64_t old_satp;
} dbg_event_t;

#define HOOK_STORES (1ull << 62)   /* after_insn after a store */
#define HOOK_ALWAYS (1ull << 63)   /* after_insn after every instruction */

typedef struct dbg_client {
    const char *name;
    void *ctx;
    /* When to call after_insn: bit i = after an instruction that wrote
     * x_i, HOOK_STORES, HOOK_ALWAYS; 0 = never. */
    uint64_t hook_mask;
    /* It may miss stores that stay on the TLB (register-only watches). */
    bool     hook_fast_stores;
    /* Call before_insn before every instruction (itrace). With
     * before_sparse_ok, compiled code may call it only before the
     * instructions after_insn sees (the monitor's ring for its watches). */
    bool     before_every, before_sparse_ok;
    /* A guest ebreak stops the machine (DS_EBREAK) instead of trapping. */
    bool     owns_ebreak;
    /* Events it wants: DBG_ARM_TRAP | DBG_ARM_XRET | DBG_ARM_SATP | DBG_ARM_PRIV. */
    uint32_t events;
    void (*on_event)(void *ctx, hart_t *h, const struct dbg_event *ev);
    void (*before_insn)(void *ctx, hart_t *h);
    /* true = stop (DS_HOOK). wrote_mem: the instruction stored (reliably
     * only for slow-path stores when hook_fast_stores). rd: 0 = none. */
    bool (*after_insn)(void *ctx, hart_t *h, bool wrote_mem, uint64_t store_addr,
                       unsigned store_len, unsigned rd);
} dbg_client_t;

/* Subscribe / unsubscribe (the client stays the caller's memory). */
void dbg_client_add(machine_t *m, dbg_client_t *c);
void dbg_client_remove(machine_t *m, dbg_client_t *c);
/* A client changed its wishes: re-arm every hart. */
void dbg_rearm(machine_t *m);
/* The last store a slow path noted on hart h (for a client's report). */
void dbg_last_store(const hart_t *h, uint64_t *addr, unsigned *len);

/* ---- the block compiler's view ---- */

/* Can compiled code serve every client (their hooks need only the
 * writers of given registers)? *regs: those registers. */
bool dbg_jit_covers(const machine_t *m, uint64_t *regs);

/* ---- run control ---- */

/* Run only hart `hart` for n instructions (the others hold still); traps
 * count as the instruction that caused them. With irqs false, pending
 * interrupts are not taken while stepping (GDB's stepi expectation).
 * Returns STOP_LIMIT when the n instructions ran, else the stop reason. */
int machine_step(machine_t *m, unsigned hart, uint64_t n, bool irqs);

/* Unused triggers read as type 15 (disabled, the default), or as a
 * trigger of type 2 (mcontrol) or 6 (mcontrol6) that matches nothing
 * (--trigger-idle). */
void dbg_set_trigger_idle(machine_t *m, unsigned type);
/* Sdtrig triggers per hart (--triggers), 0..16. */
void dbg_set_triggers(machine_t *m, unsigned n);

/* The debugger of a machine (made with it). */
struct debugger *debugger_new(machine_t *m);
void debugger_free(struct debugger *d);

#endif
