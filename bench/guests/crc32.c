/* crc32 — CRC-32 (reflected, 0xedb88320) bit by bit and table-driven over a
 * 64 KiB buffer: shifts, xor, byte loads, table lookups. */
#define NAME "crc32"
#define DEFAULT_ITERS 180
#include "bench.h"

#define LEN (64 * 1024)
static uint8_t buf[LEN];
static uint32_t table[256];

static uint32_t crc_bitwise(const uint8_t *p, uint32_t n, uint32_t crc) {
  while (n--) {
    crc ^= *p++;
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
  }
  return crc;
}

static uint32_t crc_table(const uint8_t *p, uint32_t n, uint32_t crc) {
  while (n--) crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return crc;
}

static uint32_t bench_run(uint32_t iters) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = c & 1 ? (c >> 1) ^ 0xedb88320u : c >> 1;
    table[i] = c;
  }
  uint32_t s = 3;
  for (uint32_t i = 0; i < LEN; i++) buf[i] = (uint8_t)(lcg(&s) >> 24);
  uint32_t crc = 0xffffffffu;
  for (uint32_t it = 0; it < iters; it++) {
    crc = crc_bitwise(buf, LEN, crc);
    for (int k = 0; k < 4; k++) crc = crc_table(buf, LEN, crc);
    buf[it] ^= (uint8_t)crc;
  }
  return ~crc;
}
