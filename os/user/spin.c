/* spin NAME [STEPS [WORK]] — CPU-bound work with a line after every step
 * (WORK loop iterations each): two of these in the background show whether
 * the timer preempts (on one hart, without preemption the first would
 * finish before the second starts). On QEMU, whose clock is the host's,
 * a step must take several 10 ms ticks of real time: give a larger WORK. */
#include "user.h"

#define WORK 200000     /* iterations per step: several timer ticks */

int main(int argc, char **argv)
{
  const char *name = argc > 1 ? argv[1] : "spin";
  int steps = argc > 2 ? atoi(argv[2]) : 5;
  long work = argc > 3 ? atoi(argv[3]) : WORK;
  for (int i = 1; i <= steps; i++) {
    for (volatile long j = 0; j < work; j++)
      ;
    printf("%s %d\n", name, i);
  }
  return 0;
}
