/* Traces (SPEC §3): itrace (every instruction, and a ring of the last 64),
 * ftrace (calls and returns named by ELF symbols), etrace (every trap and
 * trap return) and mtrace (loads and stores in an address range).
 *
 * They reach the core through the hooks it already has: m->itrace before
 * each instruction (which moves every page to the checked loop), the
 * monitor's instruction hook after it (mtrace completes there), and
 * debug_on_trap/debug_on_xret (etrace). Nothing here runs unless a trace is
 * on. Lines go to one stream: --trace-file, else stderr.
 *
 * The settings are process-wide (one machine per process); the per-hart
 * state (call depth, the access in flight) is indexed by hart id. */
#ifndef RVSCOPE_TRACE_H
#define RVSCOPE_TRACE_H
#include "../machine.h"
#include "../elf/image.h"
#include <stdio.h>

#define ITRACE_RING 64

/* Where trace lines go: itrace_file (--trace-file) or stderr. */
FILE *trace_stream(void);
/* Symbols for ftrace and for symbol+offset in trace lines (NULL: none). */
void trace_set_image(const image_t *img);
const image_t *trace_image(void);
/* "<sym+0x10>" for addr into buf (empty when no symbol); returns buf. */
const char *trace_sym(uint64_t addr, char *buf, size_t n);
/* "<sym+off>" for addr in img ("" when none). */
const char *sym_format(const image_t *img, uint64_t addr, char *buf, size_t n);

/* Switches; each returns nothing and takes effect at the next instruction
 * once the owner (the monitor) has re-armed the machine's hooks. */
extern bool trace_itrace_on, trace_ftrace_on, trace_mtrace_on, trace_ring_on;
extern uint64_t trace_mtrace_lo, trace_mtrace_hi;   /* [lo, hi], inclusive */

/* Does any trace need m->itrace (before each instruction) or the
 * instruction hook (after it)? */
bool trace_wants_before(void);
bool trace_wants_after(void);
/* The m->itrace callback: ring, itrace stream, ftrace, mtrace (first half). */
void trace_before_insn(hart_t *h);
/* From the instruction hook: mtrace (second half, with the values). */
void trace_after_insn(hart_t *h);
/* Forget per-hart state (call depth, an access in flight). */
void trace_reset(void);

/* ---- the itrace ring (itrace.c) ---- */
void itrace_ring_record(hart_t *h);
void itrace_ring_clear(void);
unsigned itrace_ring_count(void);
/* pc of the last instruction hart `hart` started in the ring; false if none. */
bool itrace_ring_last(unsigned hart, uint64_t *pc);
/* Prints the ring, oldest first, one "priv pc <sym>: raw  disassembly"
 * line each (the bits are read now, through the hart's translation). */
void itrace_ring_dump(FILE *out, machine_t *m);

/* ---- ftrace (ftrace.c) and mtrace (mtrace.c) ---- */
void ftrace_insn(hart_t *h, uint32_t raw);
void ftrace_reset(void);
void mtrace_before(hart_t *h, uint32_t raw);
void mtrace_after(hart_t *h);
void mtrace_reset(void);

/* ---- etrace (etrace.c), called from src/debug/hooks.c ---- */
extern bool etrace_enabled;
void etrace_trap(hart_t *h, unsigned code, bool irq, uint64_t epc, uint64_t tval, int from_priv);
void etrace_xret(hart_t *h, int from_priv);
void etrace_reset(void);

/* The instruction word at h->pc as the checked loop sees it (the current
 * fetch page); 0 when it cannot be read. */
uint32_t trace_fetch_raw(hart_t *h);
/* "M", "S", "U" */
const char *trace_priv_name(int priv);

#endif
