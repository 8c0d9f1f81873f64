/* mem — loads and stores of every width over 256 KiB (64 pages): copy,
 * stride updates, a byte histogram, a prefix sum. */
#define NAME "mem"
#define DEFAULT_ITERS 600
#include "bench.h"

#define WORDS (64 * 1024)     /* 256 KiB of uint32_t */
static uint32_t src[WORDS], dst[WORDS];
static uint16_t half[WORDS];
static uint32_t hist[256];

static uint32_t bench_run(uint32_t iters) {
  uint32_t s = 12345, sum = 0;
  for (uint32_t i = 0; i < WORDS; i++) src[i] = lcg(&s);
  for (uint32_t it = 0; it < iters; it++) {
    for (uint32_t i = 0; i < WORDS; i++) dst[i] = src[i] + it;              /* lw/sw */
    for (uint32_t i = 0; i < WORDS; i += 17) dst[i] ^= dst[(i * 7) & (WORDS - 1)];
    const uint8_t *b = (const uint8_t *)dst;
    for (uint32_t i = 0; i < WORDS * 4; i += 3) hist[b[i]]++;             /* lbu, lw/sw */
    for (uint32_t i = 0; i < WORDS; i++) half[i] = (uint16_t)(dst[i] >> 7);  /* sh */
    uint32_t acc = 0;
    for (uint32_t i = 0; i < WORDS; i++) { acc += half[i]; src[i] = acc; }  /* lhu, sw */
    sum += acc ^ hist[it & 255];
  }
  return sum;
}
