/* am.h — the "abstract machine" API (NJU AM compatible) for bare-metal
 * guests on the QEMU virt machine, RV32 and RV64, M mode only.
 * TRM: putch, halt, heap, main.  CTE: cte_init, yield, kcontext, iset. */
#ifndef AM_H__
#define AM_H__

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

/* A half-open range of memory [start, end). */
typedef struct {
  void *start, *end;
} Area;

#define RANGE(st, ed)       (Area) { .start = (void *)(st), .end = (void *)(ed) }
#define IN_RANGE(ptr, area) ((area).start <= (ptr) && (ptr) < (area).end)

/* What a trap means to the program, decoded from mcause by the runtime. */
typedef struct {
  enum {
    EVENT_NULL = 0,
    EVENT_YIELD,       /* ecall with a7 == -1 (yield()); mepc already advanced */
    EVENT_SYSCALL,     /* any other ecall; the handler advances mepc itself */
    EVENT_PAGEFAULT,
    EVENT_ERROR,       /* any other exception (illegal instruction, ...) */
    EVENT_IRQ_TIMER,
    EVENT_IRQ_IODEV,
    EVENT_BREAKPOINT,  /* mcause 3: ebreak or a Sdtrig trigger with action 0 */
  } event;
  uintptr_t cause, ref;  /* cause = mcause, ref = mtval */
  const char *msg;
} Event;

/* Saved state of the interrupted code.  The trap entry (src/trap.S) stores
 * and reloads exactly this layout; keep the two in sync.  mcontrol6 and
 * tdata2 are the currently selected trigger's tdata1/tdata2: a handler may
 * change them and the new values take effect when the trap returns. */
typedef struct Context {
  uintptr_t gpr[32], mcause, mstatus, mepc, mcontrol6, tdata2;
  void *pdir;
} Context;

/* Which saved GPR carries a system call's number, arguments and result. */
#define GPR1 gpr[17]  /* a7 */
#define GPR2 gpr[10]  /* a0 */
#define GPR3 gpr[11]  /* a1 */
#define GPR4 gpr[12]  /* a2 */
#define GPRx gpr[10]  /* a0 */

#ifdef __cplusplus
extern "C" {
#endif

/* TRM: Turing machine */
extern Area heap;
void putch(char ch);
void halt(int code) __attribute__((__noreturn__));

/* CTE: context extension */
bool cte_init(Context *(*handler)(Event ev, Context *ctx));
void yield(void);
bool ienabled(void);
void iset(bool enable);
Context *kcontext(Area kstack, void (*entry)(void *), void *arg);

#ifdef __cplusplus
}
#endif

#endif
