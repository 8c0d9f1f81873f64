/* sysproc.c — system calls about processes, time and the console. */
#include "defs.h"
#include "proc.h"

uint64 sys_exit(void) { exit(argint(0)); }
uint64 sys_wait(void) { return wait(argint(0), argaddr(1)); }
uint64 sys_getpid(void) { return myproc()->pid; }
uint64 sys_kill(void) { return kill(argint(0)); }
uint64 sys_uptime(void) { return ticks; }
uint64 sys_ps(void) { return procinfo(argaddr(0), argint(1)); }

/* fd 1 and 2 are the console; there are no files. */
uint64 sys_write(void)
{
  int fd = argint(0);
  return fd == 1 || fd == 2 ? consolewrite(argaddr(1), argint(2)) : -1;
}

uint64 sys_read(void) { return argint(0) == 0 ? consoleread(argaddr(1), argint(2)) : -1; }

uint64 sys_sleep(void)
{
  int n = argint(0);
  acquire(&tickslock);
  uint64 t0 = ticks;
  while (ticks - t0 < (uint64)n) {
    if (killed(myproc())) {
      release(&tickslock);
      return -1;
    }
    sleep((void *)&ticks, &tickslock);
  }
  release(&tickslock);
  return 0;
}

/* halt(code): power the machine off; code 0 is a clean shutdown. */
uint64 sys_halt(void)
{
  int code = argint(0);
  printf("rvos: halt%s\n", code ? " (failure)" : "");
  sbi_shutdown(code != 0);
}

/* spawn(name, argv, flags) */
uint64 sys_spawn(void)
{
  char name[32], args[MAXARG][MAXARGLEN], *argv[MAXARG + 1];
  uint64 uargv = argaddr(1);
  if (argstr(0, name, sizeof name) < 0)
    return -1;
  int i;
  for (i = 0; i < MAXARG; i++) {
    uint64 ua;
    if (copyin(myproc()->pagetable, &ua, uargv + i * sizeof(uint64), sizeof ua) < 0)
      return -1;
    if (ua == 0)
      break;
    if (copyinstr(myproc()->pagetable, args[i], ua, MAXARGLEN) < 0)
      return -1;
    argv[i] = args[i];
  }
  if (i == MAXARG)
    return -1;
  argv[i] = 0;
  return spawn(name, argv, argint(2));
}
