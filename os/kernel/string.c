/* string.c — the few string functions the kernel needs (no libc). */
#include "defs.h"

void *memset(void *dst, int c, uint64 n)
{
  char *d = dst;
  uint64 i = 0;
  if ((uint64)d % 8 == 0) {          /* whole pages are the common case */
    uint64 w = (uint8)c * 0x0101010101010101UL;
    for (; i + 8 <= n; i += 8)
      *(uint64 *)(d + i) = w;
  }
  for (; i < n; i++)
    d[i] = (char)c;
  return dst;
}

void *memmove(void *dst, const void *src, uint64 n)
{
  const char *s = src;
  char *d = dst;
  if (s < d && s + n > d) {
    while (n-- > 0)
      d[n] = s[n];
  } else {
    for (uint64 i = 0; i < n; i++)
      d[i] = s[i];
  }
  return dst;
}

/* GCC may emit calls to memcpy for structure copies. */
void *memcpy(void *dst, const void *src, uint64 n) { return memmove(dst, src, n); }

int strncmp(const char *p, const char *q, uint64 n)
{
  while (n > 0 && *p && *p == *q)
    n--, p++, q++;
  return n == 0 ? 0 : (uint8)*p - (uint8)*q;
}

int strlen(const char *s)
{
  int n = 0;
  while (s[n])
    n++;
  return n;
}

char *safestrcpy(char *dst, const char *src, int n)
{
  char *d = dst;
  if (n <= 0)
    return dst;
  while (--n > 0 && (*d++ = *src++) != 0)
    ;
  *d = 0;
  return dst;
}
