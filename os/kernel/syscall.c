/* syscall.c — system call dispatch: a7 holds the number, a0..a5 the
 * arguments, a0 the result (-1 for failure). */
#include "defs.h"
#include "proc.h"

int argint(int n) { return (int)myproc()->trapframe->x[REG_A0 + n]; }
uint64 argaddr(int n) { return myproc()->trapframe->x[REG_A0 + n]; }

int argstr(int n, char *buf, int max)
{
  return copyinstr(myproc()->pagetable, buf, argaddr(n), max);
}

#define S(name) extern uint64 sys_##name(void);
S(exit) S(wait) S(getpid) S(write) S(read) S(sleep) S(kill) S(spawn) S(uptime) S(halt) S(ps)
S(ntrig) S(watch) S(unwatch) S(watches) S(dbgwait) S(dbgcont) S(peek)
#undef S

static uint64 (*syscalls[])(void) = {
  [SYS_exit] = sys_exit,   [SYS_wait] = sys_wait,     [SYS_getpid] = sys_getpid,
  [SYS_write] = sys_write, [SYS_read] = sys_read,     [SYS_sleep] = sys_sleep,
  [SYS_kill] = sys_kill,   [SYS_spawn] = sys_spawn,   [SYS_uptime] = sys_uptime,
  [SYS_halt] = sys_halt,   [SYS_ps] = sys_ps,
  [SYS_ntrig] = sys_ntrig, [SYS_watch] = sys_watch,   [SYS_unwatch] = sys_unwatch,
  [SYS_watches] = sys_watches, [SYS_dbgwait] = sys_dbgwait, [SYS_dbgcont] = sys_dbgcont,
  [SYS_peek] = sys_peek,
};

void syscall(void)
{
  struct proc *p = myproc();
  uint64 num = p->trapframe->x[17];
  if (num < NELEM(syscalls) && syscalls[num]) {
    p->trapframe->x[REG_A0] = syscalls[num]();
  } else {
    printf("rvos: pid %d (%s): unknown system call %ld\n", p->pid, p->name, num);
    p->trapframe->x[REG_A0] = -1;
  }
}
