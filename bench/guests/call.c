/* call — calls and returns: naive recursive Fibonacci and Ackermann, with
 * stack frames (spills, ra save/restore). */
#define NAME "call"
#define DEFAULT_ITERS 400
#include "bench.h"

static NOINLINE uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static NOINLINE uint32_t ack(uint32_t m, uint32_t n) {
  if (m == 0) return n + 1;
  if (n == 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}

static uint32_t bench_run(uint32_t iters) {
  uint32_t sum = 0;
  for (uint32_t i = 0; i < iters; i++) {
    sum += fib((uint32_t)opaque(24));
    sum ^= ack(2, (uint32_t)opaque(200 + (i & 7)));
  }
  return sum;
}
