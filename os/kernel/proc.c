/* proc.c — the process table, per-hart schedulers, sleep and wakeup,
 * exit/wait/kill. Processes are created by spawn() (spawn.c).
 *
 * Each hart runs scheduler(), which picks a RUNNABLE process, installs its
 * hardware watchpoints (watch_load), switches to it, and uninstalls them
 * when the process gives the hart back. So a trigger is only ever armed
 * while its own process runs. */
#include "defs.h"
#include "proc.h"

struct cpu cpus[NCPU];
struct proc proc[NPROC];
static struct proc *initproc;
static int nextpid = 1;
static struct spinlock pid_lock;
/* Guards parent pointers and the debugger's stop state; taken before any
 * p->lock, so a parent's wakeup cannot be lost between check and sleep. */
struct spinlock wait_lock;

extern void swtch(struct context *old, struct context *new);
static void forkret(void);

int cpuid(void)
{
  uint64 x;
  asm volatile("mv %0, tp" : "=r"(x));
  return (int)x;
}

struct cpu *mycpu(void) { return &cpus[cpuid()]; }

struct proc *myproc(void)
{
  push_off();
  struct proc *p = mycpu()->proc;
  pop_off();
  return p;
}

void procinit(void)
{
  initlock(&pid_lock, "nextpid");
  initlock(&wait_lock, "wait");
  for (struct proc *p = proc; p < &proc[NPROC]; p++)
    initlock(&p->lock, "proc");
}

/* An UNUSED slot, made USED with a pid, trap frame and page table; returned
 * with p->lock held. */
struct proc *allocproc(void)
{
  struct proc *p;
  for (p = proc; p < &proc[NPROC]; p++) {
    acquire(&p->lock);
    if (p->state == UNUSED)
      goto found;
    release(&p->lock);
  }
  return 0;
found:
  acquire(&pid_lock);
  p->pid = nextpid++;
  release(&pid_lock);
  p->state = USED;
  p->nsched = 0;
  p->killed = 0;
  p->stopped = 0;
  p->reported = 0;
  memset(p->watch, 0, sizeof p->watch);
  p->stepping = -1;
  if ((p->trapframe = kalloc()) == 0 || (p->pagetable = uvmcreate()) == 0) {
    freeproc(p);
    release(&p->lock);
    return 0;
  }
  extern char trampoline[];
  if (mappages(p->pagetable, TRAMPOLINE, PGSIZE, (uint64)trampoline, PTE_R | PTE_X) < 0 ||
      mappages(p->pagetable, TRAPFRAME, PGSIZE, (uint64)p->trapframe, PTE_R | PTE_W) < 0) {
    freeproc(p);
    release(&p->lock);
    return 0;
  }
  memset(&p->context, 0, sizeof p->context);
  p->context.ra = (uint64)forkret;
  p->context.sp = (uint64)p->kstack + KSTACKSIZE;
  return p;
}

/* Give back everything a process holds; p->lock held. */
void freeproc(struct proc *p)
{
  if (p->trapframe)
    kfree(p->trapframe);
  p->trapframe = 0;
  if (p->pagetable)
    uvmfree(p->pagetable);
  p->pagetable = 0;
  p->pid = 0;
  p->parent = 0;
  p->name[0] = 0;
  p->chan = 0;
  p->killed = 0;
  p->xstate = 0;
  p->state = UNUSED;
}

/* The first process: the shell's parent, init. */
void userinit(void)
{
  char *argv[] = {"init", 0};
  if (spawn("init", argv, 0) < 0)
    panic("userinit: no init program");
  initproc = &proc[0];
}

/* Hand p's children to init (p is exiting); wait_lock held. A stopped child
 * loses its debugger: its watchpoints go and it continues. */
static void reparent(struct proc *p)
{
  for (struct proc *pp = proc; pp < &proc[NPROC]; pp++) {
    if (pp->parent == p) {
      pp->parent = initproc;
      debug_release(pp);
      wakeup(initproc);
    }
  }
}

void exit(int status)
{
  struct proc *p = myproc();
  if (p == initproc)
    panic("init exiting");
  acquire(&wait_lock);
  reparent(p);
  wakeup(p->parent);
  acquire(&p->lock);
  p->xstate = status;
  p->state = ZOMBIE;
  release(&wait_lock);
  sched();
  panic("zombie exit");
}

/* Wait for a child (pid, or any if pid < 0) to exit; its pid, or -1. */
int wait(int pid, uint64 status_addr)
{
  struct proc *p = myproc();
  acquire(&wait_lock);
  for (;;) {
    int have = 0;
    for (struct proc *pp = proc; pp < &proc[NPROC]; pp++) {
      if (pp->parent != p || (pid >= 0 && pp->pid != pid))
        continue;
      acquire(&pp->lock);
      have = 1;
      if (pp->state == ZOMBIE) {
        int cpid = pp->pid;
        if (status_addr && copyout(p->pagetable, status_addr, &pp->xstate, sizeof(int)) < 0) {
          release(&pp->lock);
          release(&wait_lock);
          return -1;
        }
        freeproc(pp);
        release(&pp->lock);
        release(&wait_lock);
        return cpid;
      }
      release(&pp->lock);
    }
    if (!have || killed(p)) {
      release(&wait_lock);
      return -1;
    }
    sleep(p, &wait_lock);
  }
}

void scheduler(void)
{
  struct cpu *c = mycpu();
  c->proc = 0;
  for (;;) {
    /* Let devices interrupt; then turn them off again so the choice below
     * cannot race with an interrupt handler's wakeup. */
    csr_set(sstatus, SSTATUS_SIE);
    csr_clear(sstatus, SSTATUS_SIE);
    int found = 0;
    for (struct proc *p = proc; p < &proc[NPROC]; p++) {
      acquire(&p->lock);
      if (p->state == RUNNABLE) {
        p->state = RUNNING;
        p->nsched++;
        c->proc = p;
        watch_load(p);
        swtch(&c->context, &p->context);
        watch_unload();
        c->proc = 0;
        found = 1;
      }
      release(&p->lock);
    }
    if (!found) {
      csr_set(sstatus, SSTATUS_SIE);
      asm volatile("wfi");
    }
  }
}

/* Back to this hart's scheduler; p->lock held, state already changed. */
void sched(void)
{
  struct proc *p = myproc();
  if (!holding(&p->lock) || mycpu()->noff != 1 || p->state == RUNNING ||
      (csr_read(sstatus) & SSTATUS_SIE))
    panic("sched");
  int intena = mycpu()->intena;
  swtch(&p->context, &mycpu()->context);
  mycpu()->intena = intena;
}

void yield(void)
{
  struct proc *p = myproc();
  acquire(&p->lock);
  p->state = RUNNABLE;
  sched();
  release(&p->lock);
}

/* A new process's first kernel code: it still holds p->lock from the
 * scheduler. A process spawned for a debugger waits here, before its first
 * user instruction, until the debugger has set its watchpoints. */
static void forkret(void)
{
  struct proc *p = myproc();
  release(&p->lock);
  debug_stop(p);
  usertrapret();
}

void sleep(void *chan, struct spinlock *lk)
{
  struct proc *p = myproc();
  acquire(&p->lock);   /* wakeup needs p->lock too, so no wakeup is lost */
  release(lk);
  p->chan = chan;
  p->state = SLEEPING;
  sched();
  p->chan = 0;
  release(&p->lock);
  acquire(lk);
}

void wakeup(void *chan)
{
  for (struct proc *p = proc; p < &proc[NPROC]; p++) {
    if (p == myproc())
      continue;
    acquire(&p->lock);
    if (p->state == SLEEPING && p->chan == chan)
      p->state = RUNNABLE;
    release(&p->lock);
  }
}

/* The victim exits the next time it is about to return to user mode. */
int kill(int pid)
{
  for (struct proc *p = proc; p < &proc[NPROC]; p++) {
    acquire(&p->lock);
    if (p->pid == pid && p->state != UNUSED && p->state != ZOMBIE) {
      p->killed = 1;
      if (p->state == SLEEPING)
        p->state = RUNNABLE;
      release(&p->lock);
      return 0;
    }
    release(&p->lock);
  }
  return -1;
}

void setkilled(struct proc *p)
{
  acquire(&p->lock);
  p->killed = 1;
  release(&p->lock);
}

int killed(struct proc *p)
{
  acquire(&p->lock);
  int k = p->killed;
  release(&p->lock);
  return k;
}

/* For ps: up to max entries of struct procinfo copied out to dst. */
int procinfo(uint64 dst, int max)
{
  int n = 0;
  for (struct proc *p = proc; p < &proc[NPROC] && n < max; p++) {
    struct procinfo pi;
    acquire(&p->lock);
    if (p->state == UNUSED) {
      release(&p->lock);
      continue;
    }
    pi.pid = p->pid;
    pi.ppid = p->parent ? p->parent->pid : 0;   /* without wait_lock: for display */
    pi.state = p->state;
    safestrcpy(pi.name, p->name, sizeof pi.name);
    release(&p->lock);
    if (copyout(myproc()->pagetable, dst + n * sizeof pi, &pi, sizeof pi) < 0)
      return -1;
    n++;
  }
  return n;
}
