/* syscall.h — system call numbers and the debugger interface's structures,
 * shared by the kernel and the user library. */
#ifndef SYSCALL_H
#define SYSCALL_H

#define SYS_exit     1
#define SYS_wait     2
#define SYS_getpid   3
#define SYS_write    4
#define SYS_read     5
#define SYS_sleep    6
#define SYS_kill     7
#define SYS_spawn    8
#define SYS_uptime   9
#define SYS_halt    10
#define SYS_ps      11
/* the debugger's calls (kernel/watch.c, kernel/debug.c) */
#define SYS_ntrig   20   /* usable hardware triggers (0: no watchpoints) */
#define SYS_watch   21   /* watch(pid, addr, size, kind) -> slot */
#define SYS_unwatch 22   /* unwatch(pid, slot) */
#define SYS_watches 23   /* watches(pid, struct watchinfo *, max) -> n */
#define SYS_dbgwait 24   /* dbgwait(pid, struct dbgevent *) -> 1 stop, 0 exit */
#define SYS_dbgcont 25   /* dbgcont(pid) */
#define SYS_peek    26   /* peek(pid, addr, buf, n): read a child's memory */

#define SPAWN_STOPPED 1  /* the child waits for dbgcont before its first insn */

#define WATCH_STORE   1
#define WATCH_LOAD    2
#define WATCH_EXEC    4

#define NWATCH 4          /* watch slots per process */

#ifndef __ASSEMBLER__
struct watchinfo {
  int slot, kind, size, pad;
  unsigned long addr;
  unsigned long hits;
};

struct dbgevent {
  int slot;              /* watch slot that fired (stop), -1 for exit */
  int status;            /* exit status (exit) */
  unsigned long pc;      /* the instruction that made the access */
  unsigned long addr;    /* the address it accessed (stval) */
  unsigned long resume;  /* where the process continues (sepc) */
  unsigned long switches;/* times the process was scheduled so far */
};

struct procinfo { int pid, ppid, state; char name[16]; };
#endif
#endif
