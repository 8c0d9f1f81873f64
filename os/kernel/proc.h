/* proc.h — processes, the per-hart state, and the trap frame. */
#ifndef PROC_H
#define PROC_H
#include "../include/syscall.h"

/* Callee-saved registers of a kernel thread, for swtch.S. */
struct context {
  uint64 ra, sp;
  uint64 s[12];
};

struct cpu {
  struct proc *proc;          /* running on this hart, or 0 */
  struct context context;     /* swtch() here to enter the scheduler */
  int noff;                   /* push_off depth */
  int intena;                 /* interrupts on before the first push_off? */
  int watch_loaded;           /* hardware triggers this hart has installed */
  int watch_idx[NWATCH];      /* their SBI trig_idx, by process watch slot */
  int step_idx;               /* trig_idx of the icount trigger, or -1 */
};

/* Saved user state, one page mapped at TRAPFRAME; trampoline.S knows the
 * offsets: 0 kernel_satp, 8 kernel_sp, 16 kernel_trap, 24 epc,
 * 32 kernel_hartid, 40 + 8*i register x[i]. */
struct trapframe {
  uint64 kernel_satp, kernel_sp, kernel_trap, epc, kernel_hartid;
  uint64 x[32];
};
#define REG_SP 2
#define REG_A0 10

enum procstate { UNUSED, USED, SLEEPING, RUNNABLE, RUNNING, ZOMBIE };

/* One hardware watchpoint a debugger set on this process (watch.c). */
struct watch {
  int used;
  int kind;                   /* WATCH_STORE / LOAD / EXEC */
  int size;                   /* bytes: 1, 2, 4 or 8 */
  uint64 addr;
  uint64 tdata1;              /* the mcontrol6 value handed to SBI DBTR */
  uint64 hits;
};

struct proc {
  struct spinlock lock;
  /* p->lock must be held to use these: */
  enum procstate state;
  void *chan;                 /* sleeping on chan */
  int killed;
  int xstate;                 /* exit status for the parent's wait */
  int pid;
  uint64 nsched;              /* times scheduled (the triggers' tests use it) */

  /* wait_lock must be held to use these: */
  struct proc *parent;
  int stopped;                /* waiting for the debugger's dbgcont */
  int reported;               /* this stop was returned by dbgwait */
  struct dbgevent event;      /* why it stopped */

  /* private to the process (or its debugger while it is stopped): */
  struct watch watch[NWATCH];
  int stepping;               /* slot being stepped over (watch.c), or -1 */
  char kstack[KSTACKSIZE] __attribute__((aligned(16)));
  pagetable_t pagetable;
  struct trapframe *trapframe;
  struct context context;
  char name[16];
};

extern struct proc proc[NPROC];
#endif
