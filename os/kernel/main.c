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

/* Start harts 1..NCPU-1 through SBI HSM; how many started. A hart the
 * firmware has not seen (yet) is "not present": on QEMU, whose harts are
 * host threads, one may reach the firmware a little after this hart gets
 * here, so keep asking for up to 50 ms of machine time. (rvscope passes
 * no device tree, so there is no list of harts to read. On rvscope with
 * one hart the wait costs half a million instructions, a few ms.) */
static int start_harts(void)
{
  int started[NCPU] = {0}, n = 0;
  uint64 deadline = csr_read(time) + TIMEBASE_HZ / 20;
  do {
    for (uint64 h = 1; h < NCPU; h++)
      if (!started[h] && sbi_hart_start(h, (uint64)_entry, 0) == 0)
        started[h] = 1, n++;
  } while (n < NCPU - 1 && csr_read(time) < deadline);
  return n;
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
  int n = 1 + start_harts();
  while (__atomic_load_n(&online, __ATOMIC_ACQUIRE) < n - 1)
    ;
  int nt = watch_ntrig();
  if (nt > 0)
    printf("rvos: %d hart%s, %d watchpoint%s per process\n", n, n > 1 ? "s" : "", nt,
           nt > 1 ? "s" : "");
  else
    printf("rvos: %d hart%s, no hardware watchpoints (SBI DBTR offers no usable trigger)\n", n,
           n > 1 ? "s" : "");
  userinit();
  scheduler();
}
