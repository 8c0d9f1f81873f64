/* Internal interface between the core and the breakpoint/watchpoint table
 * (bpwp.c); front ends use dbg.h. */
#ifndef RVSCOPE_BPWP_H
#define RVSCOPE_BPWP_H
#include "dbg.h"

/* Does the virtual code page at vbase need the checked loop on hart h? */
bool dbg_page_checked(hart_t *h, uint64_t vbase);
/* Must a data access of this kind to this page stay off the TLB? */
bool dbg_data_page_watched(hart_t *h, enum access acc, uint64_t va, uint64_t pa);
/* Before the instruction at h->pc: breakpoints. False = stop, don't run it. */
bool dbg_check_breakpoint(hart_t *h);
/* After a completed data access: watchpoints (stop after this instruction). */
void dbg_check_watch(hart_t *h, enum access acc, uint64_t va, uint64_t pa, unsigned size);
/* Any watchpoint at all (cheap test for the slow paths). */
static inline bool dbg_any_watch(const machine_t *m) { return m->dbg_nwatch != 0; }
void dbg_record_stop(machine_t *m, hart_t *h, enum stop_kind kind, int id, uint64_t addr, enum wp_kind wk);

#endif
