/* debug.c — one process debugging another: the child stops when one of
 * its watchpoints fires, its parent (the debugger) learns why through
 * dbgwait, may read its memory with peek, and lets it go on with dbgcont.
 * wait_lock guards the stop state, as it guards exit and wait, so a
 * debugger never sleeps past a child's stop or exit. */
#include "defs.h"
#include "proc.h"

/* Sleep while a debugger holds p stopped (or p is killed). */
void debug_stop(struct proc *p)
{
  acquire(&wait_lock);
  while (p->stopped && !killed(p))
    sleep(&p->stopped, &wait_lock);
  p->stopped = 0;
  release(&wait_lock);
}

static int is_ebreak(struct proc *p, uint64 epc)
{
  uint32 insn = 0;
  if (copyin(p->pagetable, &insn, epc, 4) < 0 && copyin(p->pagetable, &insn, epc, 2) < 0)
    return 0;
  return insn == 0x00100073 || (insn & 0xffff) == 0x9002;
}

/* A breakpoint exception from p's user mode. */
void debug_trap(struct proc *p, uint64 epc, uint64 tval)
{
  struct dbgevent ev;
  if (watch_step_done(p))
    return;                  /* stepped over a load or execute watchpoint */
  if (watch_hit(p, epc, tval, &ev) < 0) {
    if (is_ebreak(p, epc))
      user_fault(p, CAUSE_BREAKPOINT, epc, tval);
    else {
      /* a trigger p's debugger removed while p ran on this hart; with
       * triggers armed per process this is the only way to get here */
      printf("rvos: pid %d (%s): trigger fired for no watchpoint at pc %p, addr %p; re-armed\n",
             p->pid, p->name, epc, tval);
      watch_resync(p);
    }
    return;
  }
  acquire(&wait_lock);
  ev.status = 0;
  ev.switches = p->nsched;
  p->event = ev;
  p->stopped = 1;
  p->reported = 0;
  wakeup(p->parent);
  release(&wait_lock);
  debug_stop(p);
}

/* The caller's child with this pid, or 0; wait_lock held. */
struct proc *debug_child(int pid)
{
  struct proc *me = myproc();
  for (struct proc *pp = proc; pp < &proc[NPROC]; pp++)
    if (pp->parent == me && pp->pid == pid && pp->state != UNUSED)
      return pp;
  return 0;
}

/* 1: the child stopped (event at evaddr); 0: it exited (slot = -1, status,
 * and it stays a zombie for wait); -1: no such child. */
int debug_wait(int pid, uint64 evaddr)
{
  struct proc *me = myproc();
  acquire(&wait_lock);
  for (;;) {
    struct proc *c = debug_child(pid);
    if (c == 0 || killed(me)) {
      release(&wait_lock);
      return -1;
    }
    struct dbgevent ev;
    int r = -1;
    acquire(&c->lock);
    if (c->state == ZOMBIE) {
      memset(&ev, 0, sizeof ev);
      ev.slot = -1;
      ev.status = c->xstate;
      ev.switches = c->nsched;
      r = 0;
    } else if (c->stopped && !c->reported) {
      ev = c->event;
      c->reported = 1;
      r = 1;
    }
    release(&c->lock);
    if (r >= 0) {
      release(&wait_lock);
      return copyout(me->pagetable, evaddr, &ev, sizeof ev) < 0 ? -1 : r;
    }
    sleep(me, &wait_lock);
  }
}

int debug_cont(int pid)
{
  acquire(&wait_lock);
  struct proc *c = debug_child(pid);
  if (c == 0 || !c->stopped) {
    release(&wait_lock);
    return -1;
  }
  c->stopped = 0;
  wakeup(&c->stopped);
  release(&wait_lock);
  return 0;
}

/* Copy n bytes of a stopped child's memory at addr to the caller's dst. */
int debug_peek(int pid, uint64 addr, uint64 dst, int n)
{
  char buf[256];
  if (n < 0 || n > (int)sizeof buf)
    return -1;
  acquire(&wait_lock);
  struct proc *c = debug_child(pid);
  if (c == 0 || !c->stopped || copyin(c->pagetable, buf, addr, n) < 0) {
    release(&wait_lock);
    return -1;
  }
  release(&wait_lock);
  return copyout(myproc()->pagetable, dst, buf, n) < 0 ? -1 : n;
}

/* p's debugger is gone (exit): drop its watchpoints and let it run.
 * wait_lock held. */
void debug_release(struct proc *p)
{
  watch_clear_all(p);
  p->stopped = 0;
  wakeup(&p->stopped);
}
