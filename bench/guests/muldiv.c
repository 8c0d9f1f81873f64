/* muldiv — multiply, divide and remainder on XLEN-native 32-bit values (no
 * libgcc calls on RV32): modular exponentiation, gcd, decimal digit sums,
 * high products (mulhu on RV32), signed division. */
#define NAME "muldiv"
#define DEFAULT_ITERS 4500000
#include "bench.h"

static uint32_t bench_run(uint32_t iters) {
  uint32_t s = 99, sum = 0;
  for (uint32_t i = 0; i < iters; i++) {
    uint32_t a = lcg(&s) | 1, b = lcg(&s) | 1, m = (lcg(&s) >> 16) | 0x100;
    /* a^b mod m, 8 rounds; m < 2^16 so the products fit 32 bits */
    uint32_t r = 1, base = a % m, e = b;
    for (int k = 0; k < 8; k++) {
      if (e & 1) r = r * base % m;
      base = base * base % m;
      e >>= 1;
    }
    uint32_t x = a, y = b;                      /* gcd */
    while (y) { uint32_t t = x % y; x = y; y = t; }
    uint32_t ds = 0, v = a;                     /* decimal digit sum */
    while (v) { ds += v % 10; v /= 10; }
    int32_t q = (int32_t)a / (int32_t)(b >> 20 | 1);
    uint32_t hi = (uint32_t)(((uint64_t)a * b) >> 32);
    sum += r ^ x ^ ds ^ (uint32_t)q ^ (a * b) ^ hi;
  }
  return sum;
}
