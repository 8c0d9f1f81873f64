/* stdlib.c — the few stdlib functions AM's klib offers. */
#include <klib.h>
#include <klib-macros.h>

static unsigned long next_rand = 1;

/* The example generator of the C standard, so sequences are reproducible
 * and identical on RV32 and RV64. */
int rand(void) {
  next_rand = (next_rand * 1103515245 + 12345) & 0xffffffffUL;
  return (int)((next_rand / 65536) % 32768);
}

void srand(unsigned int seed) {
  next_rand = seed;
}

int abs(int x) {
  return x < 0 ? -x : x;
}

int atoi(const char *s) {
  int sign = 1, v = 0;
  while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
  if (*s == '+' || *s == '-') sign = (*s++ == '-') ? -1 : 1;
  while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0');
  return sign * v;
}

/* Bump allocator over `heap`, 16-byte aligned; returns NULL when full. */
static uintptr_t brk;

void *malloc(size_t size) {
  if (!brk) brk = ROUNDUP(heap.start, 16);
  uintptr_t p = brk, end = ROUNDUP(p + size, 16);
  if (end < p || end > (uintptr_t)heap.end) return NULL;
  brk = end;
  return (void *)p;
}

void free(void *ptr) {
  (void)ptr;
}
