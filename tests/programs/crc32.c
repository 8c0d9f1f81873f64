/* crc32.c — checksums over strings and a 4 KiB buffer: CRC-32 (the zlib /
 * Ethernet polynomial, reflected) bit by bit and table driven, and
 * Adler-32.  Exercises shifts, xor, byte loads and table lookups. */
#include <am.h>
#include <klib.h>
#include <stdint.h>

static unsigned crc32_bitwise(const unsigned char *p, size_t n) {
  unsigned crc = 0xffffffffu;
  while (n--) {
    crc ^= *p++;
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
  }
  return ~crc;
}

static unsigned table[256];

static void crc32_init(void) {
  for (unsigned i = 0; i < 256; i++) {
    unsigned c = i;
    for (int k = 0; k < 8; k++) c = c & 1 ? (c >> 1) ^ 0xedb88320u : c >> 1;
    table[i] = c;
  }
}

static unsigned crc32_table(const unsigned char *p, size_t n) {
  unsigned crc = 0xffffffffu;
  while (n--) crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

static unsigned adler32(const unsigned char *p, size_t n) {
  unsigned a = 1, b = 0;
  while (n--) { a = (a + *p++) % 65521; b = (b + a) % 65521; }
  return b << 16 | a;
}

int main(void) {
  crc32_init();
  printf("table[1] = %08x, table[255] = %08x\n", table[1], table[255]);
  const char *tests[] = { "", "a", "abc", "123456789",
                          "The quick brown fox jumps over the lazy dog" };
  for (int i = 0; i < 5; i++) {
    const unsigned char *s = (const unsigned char *)tests[i];
    size_t n = strlen(tests[i]);
    printf("crc32(\"%s\") = %08x %08x\n", tests[i], crc32_bitwise(s, n), crc32_table(s, n));
  }
  static unsigned char buf[4096];
  for (int i = 0; i < 4096; i++) buf[i] = (unsigned char)(i * 7 + 3);
  printf("crc32(buf) = %08x %08x\n", crc32_bitwise(buf, sizeof buf), crc32_table(buf, sizeof buf));
  printf("adler32(\"Wikipedia\") = %08x\n", adler32((const unsigned char *)"Wikipedia", 9));
  printf("adler32(buf) = %08x\n", adler32(buf, sizeof buf));
  return 0;
}
