/* branch — data-dependent branches: Collatz sequence lengths, and a chain
 * of comparisons classifying pseudo-random numbers. */
#define NAME "branch"
#define DEFAULT_ITERS 1000000
#include "bench.h"

static uint32_t bench_run(uint32_t iters) {
  uint32_t total = 0, s = 1, cls[6] = {0};
  for (uint32_t i = 1; i <= iters; i++) {
    uint32_t n = i, steps = 0;
    while (n != 1) {
      if (n & 1) n = 3 * n + 1; else n >>= 1;
      steps++;
    }
    total += steps;
    for (int k = 0; k < 8; k++) {
      uint32_t v = lcg(&s) >> 16;
      if (v < 1000) cls[0]++;
      else if (v < 9000) cls[1]++;
      else if (v > 60000) cls[2]++;
      else if ((v & 7) == 3) cls[3]++;
      else if (v == 31337) cls[4]++;
      else cls[5]++;
    }
  }
  return total ^ cls[0] ^ (cls[1] << 3) ^ (cls[2] << 6) ^ (cls[3] << 9) ^ (cls[4] << 12) ^ cls[5];
}
