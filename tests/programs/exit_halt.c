/* exit_halt.c — halt(n) from deep inside the program: the finisher's fail
 * code n must become the emulator's exit status, and nothing after the
 * halt may run.  expected exit status: 42 */
#include <am.h>
#include <klib.h>

#define NOINLINE __attribute__((noinline))

static NOINLINE void inner(void) {
  printf("halting with 42\n");
  halt(42);
}

static NOINLINE int middle(int x) {
  inner();
  return x + 1;  /* never runs */
}

static NOINLINE int outer(int x) {
  return middle(x) * 2;
}

int main(void) {
  printf("before\n");
  outer(5);
  printf("not reached\n");
  return 0;
}
