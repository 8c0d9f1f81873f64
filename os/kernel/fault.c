/* fault.c — a user program did something it may not: say exactly what
 * (pid, name, cause, pc, tval) and kill that process only. */
#include "defs.h"
#include "proc.h"

static const char *cause_name(uint64 c)
{
  static const char *names[16] = {
    [0] = "instruction address misaligned", [1] = "instruction access fault",
    [2] = "illegal instruction", [3] = "breakpoint",
    [4] = "load address misaligned", [5] = "load access fault",
    [6] = "store address misaligned", [7] = "store access fault",
    [12] = "instruction page fault", [13] = "load page fault", [15] = "store page fault",
  };
  return c < 16 && names[c] ? names[c] : "unknown exception";
}

void user_fault(struct proc *p, uint64 scause, uint64 sepc, uint64 stval)
{
  printf("rvos: pid %d (%s): %s (scause %ld) at pc %p, tval %p: killed\n", p->pid, p->name,
         cause_name(scause), scause, sepc, stval);
  setkilled(p);
}
