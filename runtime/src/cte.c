/* cte.c — the "context extension" part of AM: turns M-mode traps into
 * Events for the handler registered with cte_init(). */
#include <am.h>
#include <klib.h>
#include <klib-macros.h>

#define MSTATUS_MIE  (1UL << 3)
#define MSTATUS_MPIE (1UL << 7)
#define MSTATUS_MPP  (3UL << 11)
#define MCAUSE_INTR  (1UL << (__riscv_xlen - 1))

#define CAUSE_BREAKPOINT 3
#define CAUSE_ECALL_U    8
#define CAUSE_ECALL_S    9
#define CAUSE_ECALL_M    11
#define IRQ_M_TIMER      7
#define IRQ_M_EXT        11

static Context *(*user_handler)(Event, Context *);

static Event decode(Context *c) {
  Event ev = { .event = EVENT_ERROR, .cause = c->mcause, .msg = "exception" };
  uintptr_t mtval;
  asm volatile("csrr %0, mtval" : "=r"(mtval));
  ev.ref = mtval;
  if (c->mcause & MCAUSE_INTR) {
    uintptr_t irq = c->mcause & ~MCAUSE_INTR;
    if (irq == IRQ_M_TIMER)    { ev.event = EVENT_IRQ_TIMER; ev.msg = "timer interrupt"; }
    else if (irq == IRQ_M_EXT) { ev.event = EVENT_IRQ_IODEV; ev.msg = "external interrupt"; }
    else                         ev.msg = "interrupt";
    return ev;
  }
  switch (c->mcause) {
  case CAUSE_ECALL_U: case CAUSE_ECALL_S: case CAUSE_ECALL_M:
    if (c->GPR1 == (uintptr_t)-1) {
      /* yield() returns to the next instruction; a syscall handler moves
       * mepc itself (seed 001 task 3 does `c->mepc += 4`). */
      ev.event = EVENT_YIELD; ev.msg = "yield";
      c->mepc += 4;
    } else {
      ev.event = EVENT_SYSCALL; ev.msg = "ecall";
    }
    break;
  case CAUSE_BREAKPOINT:
    ev.event = EVENT_BREAKPOINT; ev.msg = "breakpoint";
    break;
  }
  return ev;
}

/* Called by trap.S; returns the Context to resume. */
Context *__am_irq_handle(Context *c) {
  if (!user_handler) {
    printf("rvscope-runtime: trap without cte_init: mcause=%p mepc=%p mtval=%p\n",
           (void *)c->mcause, (void *)c->mepc, (void *)decode(c).ref);
    halt(2);
  }
  Event ev = decode(c);
  Context *next = user_handler(ev, c);
  if (!next) {
    printf("rvscope-runtime: handler returned NULL (event %d)\n", ev.event);
    halt(2);
  }
  return next;
}

bool cte_init(Context *(*handler)(Event ev, Context *ctx)) {
  extern char __am_asm_trap[];
  asm volatile("csrw mtvec, %0" : : "r"(__am_asm_trap));
  user_handler = handler;
  return true;
}

void yield(void) {
  asm volatile("li a7, -1; ecall" : : : "a7", "memory");
}

bool ienabled(void) {
  uintptr_t s;
  asm volatile("csrr %0, mstatus" : "=r"(s));
  return (s & MSTATUS_MIE) != 0;
}

void iset(bool enable) {
  if (enable) asm volatile("csrs mstatus, %0" : : "r"(MSTATUS_MIE));
  else        asm volatile("csrc mstatus, %0" : : "r"(MSTATUS_MIE));
}

/* A Context that, when resumed, calls entry(arg) in M mode on kstack with
 * interrupts as they are now (MPIE copies the current MIE). */
Context *kcontext(Area kstack, void (*entry)(void *), void *arg) {
  uintptr_t top = ROUNDDOWN(kstack.end, 16);
  Context *c = (Context *)(top - ROUNDUP(sizeof(Context), 16));
  memset(c, 0, sizeof(*c));
  c->mepc = (uintptr_t)entry;
  c->mstatus = MSTATUS_MPP | (ienabled() ? MSTATUS_MPIE : 0);
  c->GPR2 = (uintptr_t)arg;
  c->gpr[2] = (uintptr_t)c;       /* the thread's stack grows below its Context */
  /* gp and tp as they are now: the linker relaxes global accesses to be
   * gp-relative, so a thread with gp = 0 would read the wrong memory. */
  asm volatile("mv %0, gp" : "=r"(c->gpr[3]));
  asm volatile("mv %0, tp" : "=r"(c->gpr[4]));
  asm volatile("csrr %0, tdata1" : "=r"(c->mcontrol6));
  asm volatile("csrr %0, tdata2" : "=r"(c->tdata2));
  return c;
}
