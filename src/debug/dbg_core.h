/* The one interface between the core (src/core, src/jit, the run loop in
 * machine.c) and debugging (src/debug). The core knows nothing else of the
 * debugger: no breakpoint lists, no monitor, no GDB.
 *
 * Each hart has one armed bitmask, h->dbg_armed, that the debug layer
 * recomputes whenever anything is armed or disarmed (dbg_rearm). The core
 * tests a bit inline and calls here only when it is set, so nothing is
 * reported, and nothing costs, while nobody listens. What is reported:
 *   - a code page about to run        dbg_code_page_checked (DBG_ARM_CODE)
 *   - an instruction before / after   dbg_insn_before/after (checked pages only)
 *   - a data access off the fast path dbg_data_page_watched, sdtrig_access,
 *     (va, pa, size, value, phase)    dbg_watch_access, dbg_note_store
 *   - events, each with its hart      dbg_trap, dbg_xret, dbg_satp_written,
 *                                     dbg_priv_changed, dbg_ebreak, dbg_dret
 * The Sdtrig trigger module and debug mode (Sdext) are architecture and
 * live on the hart; they use the same bits (their state: debug.h). */
#ifndef RVSCOPE_DBG_CORE_H
#define RVSCOPE_DBG_CORE_H
#include "../core/hart.h"

enum dbg_arm {
    DBG_ARM_CODE    = 1u << 0,   /* some code pages run checked: ask on each new page */
    DBG_ARM_LOAD    = 1u << 1,   /* load triggers (Sdtrig) */
    DBG_ARM_STORE   = 1u << 2,   /* store triggers (Sdtrig) */
    DBG_ARM_EXEC    = 1u << 3,   /* execute triggers (Sdtrig; fetch faults rank below them) */
    DBG_ARM_WATCH   = 1u << 4,   /* emulator-side watchpoints (monitor, GDB) */
    DBG_ARM_HOOK    = 1u << 5,   /* an instruction hook: note slow-path stores for it */
    DBG_ARM_STORES  = 1u << 6,   /* every store leaves the TLB (the hook must see all) */
    DBG_ARM_PENDING = 1u << 7,   /* a trigger fires before the next instruction */
    DBG_ARM_TRAP    = 1u << 8,   /* trap taken */
    DBG_ARM_XRET    = 1u << 9,   /* mret/sret */
    DBG_ARM_SATP    = 1u << 10,  /* satp written */
    DBG_ARM_PRIV    = 1u << 11,  /* privilege changed */
    DBG_ARM_EBREAK  = 1u << 12,  /* ebreak goes to debug mode or a debugger */
};
#define DBG_ARM_DATA (DBG_ARM_LOAD | DBG_ARM_STORE | DBG_ARM_WATCH | DBG_ARM_STORES)

enum trig_kind { TK_LOAD, TK_STORE, TK_EXEC };
enum trig_phase { PH_BEFORE, PH_AFTER };

/* ---- code ---- */
/* Must the code page at vbase run in the checked loop on hart h? */
bool dbg_code_page_checked(hart_t *h, uint64_t vbase);
/* The checked loop, before each instruction: breakpoints, execute
 * triggers, icount, the clients' before-hooks. False: do not execute it
 * (a stop, or a trap was taken instead). */
bool dbg_insn_before(hart_t *h);
/* ... and after it (pc and privilege as they were before it). */
void dbg_insn_after(hart_t *h, const insn_t *in, uint64_t pc, int priv_before);
/* Compiled code after the instruction at h->pc wrote x[rd], which a
 * client watches; it moves pc to next_pc. True: the block must stop. */
bool dbg_insn_after_compiled(hart_t *h, unsigned rd, uint64_t next_pc);

/* ---- data ---- */
/* May an access of this kind to the page of va (physical pa) match
 * anything armed? Such a page gets no TLB entry. */
bool dbg_data_page_watched(hart_t *h, enum access acc, uint64_t va, uint64_t pa);
/* Sdtrig load/store/execute triggers, in one phase. False: a trigger
 * fired before the access; the instruction must not complete. */
bool sdtrig_access(hart_t *h, enum trig_kind kind, enum trig_phase ph, uint64_t va,
                   unsigned size, uint64_t value);
/* Emulator-side watchpoints, after a completed RAM access. */
void dbg_watch_access(hart_t *h, enum access acc, uint64_t va, uint64_t pa, unsigned size);
/* A store left the fast path (for the instruction hook). */
void dbg_note_store(hart_t *h, uint64_t va, unsigned size);
/* Fire what an "after" trigger left pending (DBG_ARM_PENDING). */
void sdtrig_fire_pending(hart_t *h);

/* ---- events ---- */
/* ebreak: true if debug mode or a debugger took it (no exception). */
bool dbg_ebreak(hart_t *h);
/* dret: true if it left debug mode; false makes it illegal. */
bool dbg_dret(hart_t *h);
/* A trap was taken (after the state change). */
void dbg_trap(hart_t *h, unsigned code, bool irq, uint64_t epc, uint64_t tval, int from_priv);
/* mret/sret done (after the state change). */
void dbg_xret(hart_t *h, int from_priv);
void dbg_satp_written(hart_t *h, uint64_t old);
void dbg_priv_changed(hart_t *h, int from_priv);
/* An exception in debug mode (an instruction of a Debug Module's program
 * buffer): no trap is taken, the Debug Module sees it (Debug Spec 4.1). */
void dbg_debug_exception(hart_t *h, unsigned cause);
/* Must a pending interrupt wait (a dcsr.step with stepie = 0)? */
bool sdext_irqs_held(const hart_t *h);
/* A trap handler address faults on itself forever (mtvec not set). */
void dbg_stuck(hart_t *h, unsigned code, uint64_t epc, uint64_t tval);

/* ---- CSRs of the trigger module and debug mode ---- */
bool sdtrig_csr_read(hart_t *h, unsigned csr, uint64_t *val);
bool sdtrig_csr_write(hart_t *h, unsigned csr, uint64_t val);
bool sdext_csr_read(hart_t *h, unsigned csr, uint64_t *val);
bool sdext_csr_write(hart_t *h, unsigned csr, uint64_t val);
/* A debugger's CSR access (it may touch debug-mode-only registers). */
void sdtrig_debugger_access(hart_t *h, bool on);

/* Per-hart debug state: made with the hart, freed with it. */
struct debug_hart *debug_hart_new(hart_t *h, unsigned ntriggers);
void debug_hart_free(struct debug_hart *d);

#endif
