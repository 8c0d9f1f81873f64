/* main.c — the kernel's start. Hart 0 sets everything up, starts the other
 * harts through SBI HSM, waits until they are all running, starts init and
 * joins them in the scheduler. */
#include "defs.h"
#include "proc.h"

extern char _entry[];
static volatile int online;

/* What every hart sets up for itself. */
static void hart_init(void)
{
  kvminithart();
  trapinithart();
  plicinithart();
  watchinithart();
}

void kmain(uint64 hartid)
{
  if (hartid != 0) {
    hart_init();
    __atomic_fetch_add(&online, 1, __ATOMIC_ACQ_REL);
    scheduler();
  }
  consoleinit();
  printfinit();
  printf("\nrvos: booting\n");
  kinit();
  kvminit();
  procinit();
  trapinit();
  plicinit();
  hart_init();
  int n = 1;
  for (uint64 h = 1; h < NCPU; h++)
    if (sbi_hart_start(h, (uint64)_entry, 0) == 0)
      n++;
  while (__atomic_load_n(&online, __ATOMIC_ACQUIRE) < n - 1)
    ;
  int nt = watch_ntrig();
  if (nt > 0)
    printf("rvos: %d hart%s, %d watchpoints per process\n", n, n > 1 ? "s" : "", nt);
  else
    printf("rvos: %d hart%s, no hardware watchpoints (SBI DBTR offers no usable trigger)\n", n,
           n > 1 ? "s" : "");
  userinit();
  scheduler();
}
