/* ndb — a debugger that is just a user process.
 *
 *   ndb [-r|-x] [-n K] PROG SYMBOL|ADDR [ARGS...]
 *
 * Runs PROG as a child (stopped before its first instruction), asks the
 * kernel to watch SYMBOL (or ADDR) in that child only, and lets it run.
 * For each write (-r: read, -x: execution) the kernel stops the child and
 * wakes ndb with the trigger's pc and address; ndb reads the child's memory
 * and prints the old and new values (for a read: the value it is about to
 * read), then lets the child continue. With -n K, ndb removes the
 * watchpoint after K hits and lets the child finish.
 * The path down to the hardware is in docs/rvos.md. */
#include "user.h"
#include "symtab.h"

static const struct sym *lookup(const char *prog, const char *name)
{
  for (const struct sym *s = symtab; s->prog; s++)
    if (strcmp(s->prog, prog) == 0 && strcmp(s->name, name) == 0)
      return s;
  return 0;
}

/* "name+off" of the function containing pc, or 0. */
static const struct sym *function_at(const char *prog, unsigned long pc)
{
  for (const struct sym *s = symtab; s->prog; s++)
    if ((s->type == 'T' || s->type == 't') && strcmp(s->prog, prog) == 0 && pc >= s->addr &&
        pc < s->addr + s->size)
      return s;
  return 0;
}

static long value(int pid, unsigned long addr, int size)
{
  unsigned char b[8];
  if (peek(pid, addr, b, size) != size)
    return 0;
  unsigned long v = 0;
  for (int i = size - 1; i >= 0; i--)
    v = v << 8 | b[i];
  if (size < 8 && (v >> (size * 8 - 1)) & 1)     /* sign-extend: ints are signed */
    v |= ~0UL << (size * 8);
  return (long)v;
}

static int usage(void)
{
  printf("usage: ndb [-r|-x] [-n K] PROG SYMBOL|ADDR [ARGS...]\n");
  return 2;
}

int main(int argc, char **argv)
{
  int kind = WATCH_STORE, limit = -1, a = 1;
  for (; a < argc && argv[a][0] == '-'; a++) {
    if (strcmp(argv[a], "-r") == 0)
      kind = WATCH_LOAD;
    else if (strcmp(argv[a], "-x") == 0)
      kind = WATCH_EXEC;
    else if (strcmp(argv[a], "-n") == 0 && a + 1 < argc)
      limit = atoi(argv[++a]);
    else
      return usage();
  }
  if (argc - a < 2)
    return usage();
  const char *prog = argv[a], *what = argv[a + 1];
  const char *kname = kind == WATCH_STORE ? "write" : kind == WATCH_LOAD ? "read" : "execution";

  if (ntrig() <= 0) {
    printf("ndb: watchpoints unavailable: the firmware offers no usable hardware trigger\n");
    return 1;
  }
  unsigned long addr;
  int size = 4;
  const struct sym *s = lookup(prog, what);
  if (s) {
    addr = s->addr;
    size = s->size == 1 || s->size == 2 || s->size == 8 ? (int)s->size : 4;
  } else if (what[0] >= '0' && what[0] <= '9') {
    addr = strtoul(what, 0, 0);
    size = addr % 4 == 0 ? 4 : addr % 2 == 0 ? 2 : 1;   /* the trigger wants alignment */
  } else {
    printf("ndb: %s: no symbol %s\n", prog, what);
    return 1;
  }
  if (kind == WATCH_EXEC)
    size = 4;

  /* the child's argv: PROG ARGS... */
  char *cargv[16 + 1];
  int n = 0;
  cargv[n++] = (char *)prog;
  for (int i = a + 2; i < argc && n < 16; i++)
    cargv[n++] = argv[i];
  cargv[n] = 0;
  int pid = spawn(prog, cargv, SPAWN_STOPPED);
  if (pid < 0) {
    printf("ndb: %s: no such program\n", prog);
    return 1;
  }
  int slot = watch(pid, addr, size, kind);
  if (slot < 0) {
    printf("ndb: cannot watch %s (0x%lx, %d bytes)\n", what, addr, size);
    kill(pid);
    dbgcont(pid);
    wait(pid, 0);
    return 1;
  }
  struct watchinfo wi[NWATCH];
  int nw = watches(pid, wi, NWATCH);
  printf("ndb: %s is pid %d; watching %s at 0x%lx (%d bytes) for %s, %d watchpoint%s\n", prog,
         pid, what, addr, size, kname, nw, nw == 1 ? "" : "s");

  long old = value(pid, addr, size);
  int hits = 0;
  struct dbgevent ev;
  dbgcont(pid);
  while (dbgwait(pid, &ev) == 1) {
    long now = value(pid, addr, size);
    hits++;
    const struct sym *f = function_at(prog, ev.pc);
    /* one printf per line: other processes write to the console too */
    if (kind == WATCH_EXEC)     /* the "value" would be the instruction */
      printf("ndb: %s of 0x%lx at pc 0x%lx <%s+%ld>\n", kname, ev.addr, ev.pc,
             f ? f->name : "?", f ? (long)(ev.pc - f->addr) : 0L);
    else if (kind == WATCH_LOAD)  /* stopped before the load: what it will read */
      printf("ndb: %s of 0x%lx at pc 0x%lx <%s+%ld>: value %ld\n", kname, ev.addr, ev.pc,
             f ? f->name : "?", f ? (long)(ev.pc - f->addr) : 0L, now);
    else
      printf("ndb: %s of 0x%lx at pc 0x%lx <%s+%ld>: %ld -> %ld\n", kname, ev.addr, ev.pc,
             f ? f->name : "?", f ? (long)(ev.pc - f->addr) : 0L, old, now);
    old = now;
    if (hits == limit) {
      unwatch(pid, ev.slot);
      printf("ndb: %d hits, watchpoint removed\n", hits);
    }
    dbgcont(pid);
  }
  int status;
  wait(pid, &status);
  printf("ndb: pid %d exited with status %d after %d %s%s; it was scheduled %ld times\n", pid,
         status, hits, kname, hits == 1 ? "" : "s", (long)ev.switches);
  return 0;
}
