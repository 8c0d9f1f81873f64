/* dbgtest — the debugger system calls' rules, from the caller's side:
 * only a child can be watched, peeked at or continued; watch checks size,
 * alignment, kind and the number of triggers; unwatch and watches agree.
 * Prints one line per check and a summary (tests/os checks it). */
#include "user.h"

static int failed, total;

static void check(const char *what, int ok)
{
  total++;
  if (!ok)
    failed++;
  printf("dbgtest: %s: %s\n", what, ok ? "ok" : "FAILED");
}

int main(void)
{
  int n = ntrig();
  check("ntrig() > 0", n > 0);
  check("watch init (pid 1, not a child)", watch(1, 0x2000, 4, WATCH_STORE) < 0);
  check("watch self", watch(getpid(), 0x2000, 4, WATCH_STORE) < 0);
  unsigned char b[4];
  check("peek init", peek(1, 0x1000, b, 4) < 0);
  check("dbgcont init", dbgcont(1) < 0);

  char *argv[] = {"counter", "2", 0};
  int pid = spawn("counter", argv, SPAWN_STOPPED);
  check("spawn stopped", pid > 0);
  check("watch size 3", watch(pid, 0x2000, 3, WATCH_STORE) < 0);
  check("watch misaligned", watch(pid, 0x2002, 4, WATCH_STORE) < 0);
  check("watch bad kind", watch(pid, 0x2000, 4, 3) < 0);
  check("watch kernel address", watch(pid, 1UL << 40, 8, WATCH_STORE) < 0);
  int slots = 0;
  for (int i = 0; i < n; i++)
    slots += watch(pid, 0x2000 + 8 * i, 8, WATCH_LOAD) >= 0;
  check("as many watches as triggers", slots == n);
  check("one more is refused", watch(pid, 0x3000, 4, WATCH_STORE) < 0);
  struct watchinfo wi[NWATCH];
  check("watches lists them", watches(pid, wi, NWATCH) == n);
  check("unwatch slot 0", unwatch(pid, 0) == 0);
  check("unwatch slot 0 again", unwatch(pid, 0) < 0);
  check("unwatch slot 99", unwatch(pid, 99) < 0);
  check("watches after unwatch", watches(pid, wi, NWATCH) == n - 1 && wi[0].slot == 1);
  for (int i = 1; i < n; i++)
    unwatch(pid, i);
  check("peek stopped child", peek(pid, 0x1000, b, 4) == 4 && b[0] != 0);
  check("peek unmapped", peek(pid, 0x0, b, 4) < 0);
  check("peek too much", peek(pid, 0x1000, b, 100000) < 0);
  check("dbgcont", dbgcont(pid) == 0);
  struct dbgevent ev;
  check("dbgwait: exit", dbgwait(pid, &ev) == 0 && ev.slot == -1 && ev.status == 0);
  check("dbgcont exited", dbgcont(pid) < 0);
  int st = -1;
  check("wait", wait(pid, &st) == pid && st == 0);
  check("dbgwait reaped", dbgwait(pid, &ev) < 0);
  printf("dbgtest: %d of %d checks passed\n", total - failed, total);
  return failed != 0;
}
