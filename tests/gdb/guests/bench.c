/* bench.c — a CPU-bound loop whose result is stored once, at the end:
 * tests/gdb/run.sh times it under GDB with and without `watch result`.
 * With SHARED defined, the loop also stores to a global on result's page
 * on every iteration (the expensive case for a page-granular watch). */
#include <am.h>
#include <klib.h>

#ifndef ITERS
#define ITERS 120000000L
#endif

volatile long result;
#ifdef SHARED
volatile long counter;           /* next to result: the same page */
#endif

__attribute__((noinline)) static long work(long n)
{
  unsigned long a = 1, b = 2;
  for (long i = 0; i < n; i++) {
    unsigned long t = a * 3 + (b ^ (unsigned long)i) + (a >> 5);
    a = b;
    b = t;
#ifdef SHARED
    counter = (long)i;
#endif
  }
  return (long)(a ^ b);
}

int main(void)
{
  long r = work(ITERS);
  result = r;
  printf("result %lx\n", r);
  return 0;
}
