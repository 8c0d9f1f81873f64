/* The source-level debugging guest (tests/srcdebug): globals of every kind
 * of type, a recursive function for bt, and locals that -O2 keeps in
 * registers or drops. The lines marked "STOP n" are where the tests stop;
 * the test reads the values there under gdb-multiarch and the monitor. */
#include <am.h>
#include <klib.h>
#include <stdint.h>

enum pstate { UNUSED, RUNNABLE, RUNNING, ZOMBIE = -1 };

struct proc {
  int pid;
  char name[16];
  enum pstate state;
  struct proc *parent;
  uint8_t flags;
  short prio;
  unsigned int ticks : 5;
  unsigned int busy : 1;
};

typedef struct proc proc_t;

int counter = 7;
volatile int spins;
int arr[8] = {3, 1, 4, 1, 5, 9, 2, 6};
long long big = -1234567890123ll;
unsigned char bytes[5] = {0x11, 0x22, 0x33, 0x44, 0x55};
const char *msg = "hello, rvscope";
int grid[2][3] = {{1, 2, 3}, {4, 5, 6}};
proc_t procs[3];
struct proc *current;
static int file_static = 42;

__attribute__((noinline)) int depth(int n, volatile int *out)
{
  int here = n * 3 + counter;
  if (n == 0) {
    *out = here;            /* STOP 2 */
    return here + 1;
  }
  int r = depth(n - 1, out) + here;
  spins++;
  return r;
}

__attribute__((noinline)) void run(struct proc *p, int tick)
{
  int local = tick * 2 + p->pid;
  p->state = RUNNING;
  p->ticks = (unsigned)(tick & 31);
  current = p;
  counter += local;          /* STOP 1 */
  p->state = RUNNABLE;
}

int main(const char *args)
{
  (void)args;
  for (int i = 0; i < 3; i++) {
    procs[i].pid = i + 1;
    strcpy(procs[i].name, i == 0 ? "init" : i == 1 ? "sh" : "worker");
    procs[i].state = RUNNABLE;
    procs[i].parent = i ? &procs[0] : 0;
    procs[i].flags = (uint8_t)(0x80 | i);
    procs[i].prio = (short)(-i * 10);
    procs[i].busy = i & 1;
  }
  run(&procs[1], 5);
  int total = depth(3, &spins);
  counter = total + file_static + arr[spins & 7] + grid[1][spins & 1] + bytes[2];
  printf("counter %d\n", counter);   /* STOP 3 */
  return 0;
}
