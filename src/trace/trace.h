/* Traces (SPEC §3): itrace (every instruction, and a ring of the last 64),
 * ftrace (calls and returns named by ELF symbols), etrace (every trap and
 * trap return) and mtrace (loads and stores in an address range).
 *
 * The traces are one client of the machine's debugger (debugger.h): the
 * before-instruction hook (which moves every page to the checked loop,
 * except the ring alone, which compiled code can feed), the after-
 * instruction hook (mtrace's second half) and the trap/xRET events
 * (etrace). Nothing here runs unless a trace is on. Lines go to one
 * stream: --trace-file, else stderr. All state is per machine (trace_t). */
#ifndef RVSCOPE_TRACE_H
#define RVSCOPE_TRACE_H
#include "../machine.h"
#include "../debug/debugger.h"
#include "../elf/image.h"
#include "../elf/symset.h"
#include <stdio.h>

#define ITRACE_RING 64

#define MAX_TRACE_HARTS 8

typedef struct ring_entry {
    uint64_t pc;
    uint8_t  hart, priv;
} ring_entry_t;

typedef struct mtrace_pending {
    bool valid;
    uint8_t kind, size;
    unsigned rd;
    uint16_t id;
    uint64_t pc, addr, operand, exceptions;
} mtrace_pending_t;

typedef struct trace {
    machine_t *m;
    /* The switches; trace_apply() after changing them. */
    bool itrace, ftrace, mtrace, etrace, ring;
    bool ring_sparse_ok;        /* the ring only feeds the monitor's watches */
    uint64_t mtrace_lo, mtrace_hi;    /* [lo, hi], inclusive */
    FILE *file;                 /* --trace-file; NULL = stderr */
    const symset_t *syms;       /* symbols for trace lines (NULL: none) */
    /* the ring (itrace.c) */
    ring_entry_t ring_buf[ITRACE_RING];
    uint64_t ring_count;        /* entries ever recorded */
    /* per-hart state of ftrace, mtrace and etrace */
    int depth[MAX_TRACE_HARTS];
    mtrace_pending_t pend[MAX_TRACE_HARTS];
    uint64_t last_satp[MAX_TRACE_HARTS];
    bool seen[MAX_TRACE_HARTS];
    dbg_client_t client;
} trace_t;

/* The machine's traces (made on first use, freed with its debugger). */
trace_t *trace_of(machine_t *m);
void trace_free(trace_t *t);
/* Subscribe the traces to the debugger as the switches now say. */
void trace_apply(machine_t *m);

/* Where trace lines go: --trace-file or stderr. */
FILE *trace_stream(machine_t *m);
/* "<sym+0x10>" for addr into buf (empty when no symbol); returns buf. */
const char *trace_sym(machine_t *m, uint64_t addr, char *buf, size_t n);
/* "<sym+off>" for addr in syms ("" when none; syms may be NULL). */
const char *sym_format(const symset_t *syms, uint64_t addr, char *buf, size_t n);

/* The before-instruction hook: ring, itrace stream, ftrace, mtrace (first half). */
void trace_before_insn(void *ctx, hart_t *h);
/* Forget per-hart state (call depth, an access in flight). */
void trace_reset(machine_t *m);

/* ---- the itrace ring (itrace.c) ---- */
void itrace_ring_record(void *ctx, hart_t *h);
void itrace_ring_clear(machine_t *m);
unsigned itrace_ring_count(machine_t *m);
/* pc of the last instruction hart `hart` started in the ring; false if none. */
bool itrace_ring_last(machine_t *m, unsigned hart, uint64_t *pc);
/* Prints the ring, oldest first, one "priv pc <sym>: raw  disassembly"
 * line each (the bits are read now, through the hart's translation). */
void itrace_ring_dump(FILE *out, machine_t *m);

/* ---- ftrace (ftrace.c), mtrace (mtrace.c), etrace (etrace.c) ---- */
void ftrace_insn(trace_t *t, hart_t *h, uint32_t raw);
void ftrace_reset(trace_t *t);
void mtrace_before(trace_t *t, hart_t *h, uint32_t raw);
void mtrace_after(trace_t *t, hart_t *h);
void mtrace_reset(trace_t *t);
void etrace_trap(trace_t *t, hart_t *h, unsigned code, bool irq, uint64_t epc, uint64_t tval,
                 int from_priv);
void etrace_xret(trace_t *t, hart_t *h, int from_priv);
void etrace_reset(trace_t *t);

/* The instruction word at h->pc as the checked loop sees it (the current
 * fetch page); 0 when it cannot be read. */
uint32_t trace_fetch_raw(hart_t *h);
/* "M", "S", "U" */
const char *trace_priv_name(int priv);

#endif
