/* counter [N [DELAY]] — the debuggee: adds one to the global `count` N
 * times, with DELAY iterations of busy work between (so timer interrupts,
 * and context switches, happen between the writes), then prints it. */
#include "user.h"

int count;

/* One store to count per call, at one pc: what ndb should report. */
__attribute__((noinline)) void bump(void)
{
  count = count + 1;
}

int main(int argc, char **argv)
{
  int n = argc > 1 ? atoi(argv[1]) : 3;
  int delay = argc > 2 ? atoi(argv[2]) : 0;
  for (int i = 0; i < n; i++) {
    bump();
    for (volatile int j = 0; j < delay; j++)
      ;
  }
  printf("counter %d: count = %d\n", getpid(), count);
  return 0;
}
