/* string.c — mem* and str* for guests.  Byte loops: guests are small and
 * these must be obviously right more than fast.  guest.mk compiles the
 * runtime with -fno-tree-loop-distribute-patterns so GCC cannot turn these
 * loops back into calls to themselves. */
#include <klib.h>

void *memset(void *s, int c, size_t n) {
  unsigned char *p = s;
  while (n--) *p++ = (unsigned char)c;
  return s;
}

void *memcpy(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--) *d++ = *s++;
  return dst;
}

/* Copies as if through a temporary: backwards when dst overlaps src's tail. */
void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (d < s || d >= s + n) {
    while (n--) *d++ = *s++;
  } else {
    d += n; s += n;
    while (n--) *--d = *--s;
  }
  return dst;
}

int memcmp(const void *s1, const void *s2, size_t n) {
  const unsigned char *a = s1, *b = s2;
  for (; n; n--, a++, b++)
    if (*a != *b) return *a - *b;
  return 0;
}

size_t strlen(const char *s) {
  const char *p = s;
  while (*p) p++;
  return (size_t)(p - s);
}

char *strcpy(char *dst, const char *src) {
  char *d = dst;
  while ((*d++ = *src++))
    ;
  return dst;
}

/* C semantics: pads with NULs up to n, and does not terminate if src is
 * n bytes or longer. */
char *strncpy(char *dst, const char *src, size_t n) {
  size_t i = 0;
  for (; i < n && src[i]; i++) dst[i] = src[i];
  for (; i < n; i++) dst[i] = '\0';
  return dst;
}

char *strcat(char *dst, const char *src) {
  strcpy(dst + strlen(dst), src);
  return dst;
}

/* Compares as unsigned char, as C requires. */
int strcmp(const char *s1, const char *s2) {
  const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;
  while (*a && *a == *b) a++, b++;
  return *a - *b;
}

int strncmp(const char *s1, const char *s2, size_t n) {
  const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;
  for (; n; n--, a++, b++) {
    if (*a != *b) return *a - *b;
    if (!*a) return 0;
  }
  return 0;
}
