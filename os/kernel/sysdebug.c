/* sysdebug.c — the debugger's system calls. Each names a child of the
 * caller by pid: a process may debug only processes it spawned. */
#include "defs.h"
#include "proc.h"

uint64 sys_ntrig(void) { return watch_ntrig(); }

/* The child, if the caller may debug it; takes wait_lock. */
static struct proc *child(int pid)
{
  acquire(&wait_lock);
  struct proc *c = debug_child(pid);
  release(&wait_lock);
  return c;
}

/* watch(pid, addr, size, kind) -> slot */
uint64 sys_watch(void)
{
  struct proc *c = child(argint(0));
  return c ? watch_set(c, argaddr(1), argint(2), argint(3)) : -1;
}

uint64 sys_unwatch(void)
{
  struct proc *c = child(argint(0));
  return c ? watch_clear(c, argint(1)) : -1;
}

/* watches(pid, struct watchinfo *, max) -> how many */
uint64 sys_watches(void)
{
  struct proc *c = child(argint(0));
  struct watchinfo wi[NWATCH];
  if (c == 0)
    return -1;
  int n = watch_list(c, wi, argint(2) < NWATCH ? argint(2) : NWATCH);
  if (n > 0 && copyout(myproc()->pagetable, argaddr(1), wi, n * sizeof wi[0]) < 0)
    return -1;
  return n;
}

uint64 sys_dbgwait(void) { return debug_wait(argint(0), argaddr(1)); }
uint64 sys_dbgcont(void) { return debug_cont(argint(0)); }
uint64 sys_peek(void) { return debug_peek(argint(0), argaddr(1), argaddr(2), argint(3)); }
