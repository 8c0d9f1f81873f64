/* alu — integer ALU: adds, xors, shifts, rotates, and/or, compares, all in
 * registers (no memory in the loop). */
#define NAME "alu"
#define DEFAULT_ITERS 30000000
#include "bench.h"

static uint32_t bench_run(uint32_t iters) {
  uintptr_t a = opaque(0x12345678), b = opaque(0x9abcdef0), c = opaque(7), d = opaque(0x55aa55aa);
  for (uint32_t i = 0; i < iters; i++) {
    a += b ^ (c << 3);
    b ^= (a >> 5) | (d << 7);
    c = (c + (a & 0xff)) ^ (b >> 11);
    d = (d << 13) | (d >> (sizeof(uintptr_t) * 8 - 13));
    d -= a + i;
    a ^= (uintptr_t)((intptr_t)d >> 3);
    b += (a < d) + (c > b);
    c |= i & 0x3c;
    a = opaque(a);
  }
  return (uint32_t)(a ^ b ^ c ^ d);
}
