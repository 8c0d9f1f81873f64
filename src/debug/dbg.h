/* Debugger services shared by the monitor and the GDB stub: emulator-side
 * breakpoints and watchpoints (not the guest's triggers), run control and
 * the record of why the machine stopped. The core calls into here only
 * from slow paths; nothing armed means nothing checked. */
#ifndef RVSCOPE_DBG_H
#define RVSCOPE_DBG_H
#include "../machine.h"

/* Where a breakpoint applies. Fields set to -1 match anything. */
typedef struct bp_scope {
    int     priv;       /* PRIV_U, PRIV_S, PRIV_M or -1 */
    int64_t satp_ppn;   /* root page table of the address space, or -1 */
    int64_t asid;       /* satp.ASID, or -1 */
    int     hart;       /* hart id, or -1 */
} bp_scope_t;
#define BP_SCOPE_ANY ((bp_scope_t){ -1, -1, -1, -1 })

enum dbg_owner { OWNER_MONITOR = 1, OWNER_GDB = 2 };
enum wp_kind { WP_WRITE = 1, WP_READ = 2, WP_ACCESS = 3 };

/* Breakpoint at virtual address va (the pc). Returns an id > 0, or -1 when
 * the table is full. Costs nothing on code pages without breakpoints. */
int  dbg_bp_insert(machine_t *m, uint64_t va, const bp_scope_t *scope, int owner);
bool dbg_bp_remove(machine_t *m, int id);
/* Id of the breakpoint of this owner at va, or -1. */
int  dbg_bp_find(machine_t *m, uint64_t va, int owner);

/* Watch len bytes at addr (virtual, or physical when phys) for the kind of
 * access. Every watchpoint stops after the access completes (a write watch
 * shows the new value in memory). */
int  dbg_wp_insert(machine_t *m, uint64_t addr, uint64_t len, enum wp_kind kind, bool phys, int owner);
bool dbg_wp_remove(machine_t *m, int id);
int  dbg_wp_find(machine_t *m, uint64_t addr, uint64_t len, enum wp_kind kind, int owner);

/* Why the last machine_run/machine_step returned STOP_DEBUG. */
enum stop_kind {
    SK_NONE, SK_BREAKPOINT, SK_WATCHPOINT, SK_TRIGGER, SK_STEP, SK_EBREAK, SK_HOOK,
    SK_DEBUGMODE,           /* a hart entered debug mode; id = dcsr.cause */
};
typedef struct stop_info {
    enum stop_kind kind;
    unsigned hart;
    int      id;            /* breakpoint/watchpoint id, trigger index */
    uint64_t addr;          /* data address of a watchpoint or trigger */
    enum wp_kind wkind;
    uint64_t pc;            /* pc of the hart that stopped (next to execute) */
} stop_info_t;

/* Run only hart `hart` for n instructions (the others hold still); traps
 * count as the instruction that caused them. With irqs false, pending
 * interrupts are not taken while stepping (GDB's stepi expectation).
 * Returns STOP_LIMIT when the n instructions ran, else the stop reason. */
int machine_step(machine_t *m, unsigned hart, uint64_t n, bool irqs);

/* Called after every instruction while set (the monitor's expression
 * watchpoints). wrote_mem: the instruction stored to memory; rd: the GPR
 * it wrote (0 = none). Return true to stop (STOP_DEBUG, SK_HOOK). */
typedef bool (*insn_hook_fn)(void *ctx, hart_t *h, bool wrote_mem, uint64_t store_addr,
                             unsigned store_len, unsigned rd);
void dbg_set_insn_hook(machine_t *m, insn_hook_fn fn, void *ctx);
/* By default the hook sees every store (the write TLB is off while it is
 * set); a hook that only watches registers may let stores run fast. Then
 * wrote_mem is only reliable for stores that took the slow path. */
void dbg_hook_fast_stores(machine_t *m, bool on);

/* A guest ebreak stops the machine (SK_EBREAK) instead of trapping. GDB
 * sets this so its software breakpoints and the guest's own ebreaks stop. */
void dbg_set_ebreak_stops(machine_t *m, bool on);

#endif
