/* ulib.c — the user C library: formatted output, strings, line input. */
#include <stdarg.h>
#include "user.h"

int strlen(const char *s)
{
  int n = 0;
  while (s[n])
    n++;
  return n;
}

int strcmp(const char *a, const char *b)
{
  while (*a && *a == *b)
    a++, b++;
  return (unsigned char)*a - (unsigned char)*b;
}

char *strchr(const char *s, int c)
{
  for (; *s; s++)
    if (*s == c)
      return (char *)s;
  return 0;
}

void *memset(void *d, int c, unsigned long n)
{
  char *p = d;
  while (n--)
    *p++ = (char)c;
  return d;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
  char *p = d;
  const char *q = s;
  while (n--)
    *p++ = *q++;
  return d;
}

unsigned long strtoul(const char *s, char **end, int base)
{
  unsigned long v = 0;
  if (base == 0) {
    base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
      base = 16, s += 2;
  }
  for (;; s++) {
    int d;
    if (*s >= '0' && *s <= '9') d = *s - '0';
    else if (*s >= 'a' && *s <= 'f') d = *s - 'a' + 10;
    else if (*s >= 'A' && *s <= 'F') d = *s - 'A' + 10;
    else break;
    if (d >= base)
      break;
    v = v * base + d;
  }
  if (end)
    *end = (char *)s;
  return v;
}

int atoi(const char *s)
{
  int neg = *s == '-';
  return neg ? -(int)strtoul(s + 1, 0, 10) : (int)strtoul(s, 0, 10);
}

/* One line from the console, NUL-terminated, newline kept. */
char *gets(char *buf, int max)
{
  int i = 0;
  while (i + 1 < max) {
    char c;
    if (read(0, &c, 1) < 1)
      break;
    buf[i++] = c;
    if (c == '\n')
      break;
  }
  buf[i] = 0;
  return buf;
}

/* printf builds the whole line in a buffer and writes it with one system
 * call, so lines of processes running at once do not mix mid-line. */
struct out { int fd, n; char buf[256]; };

static void put(struct out *o, char c)
{
  if (o->n == sizeof o->buf) {
    write(o->fd, o->buf, o->n);
    o->n = 0;
  }
  o->buf[o->n++] = c;
}

static void putnum(struct out *o, unsigned long x, int base, int neg, int width, char pad)
{
  char tmp[24];
  int i = 0;
  do
    tmp[i++] = "0123456789abcdef"[x % base];
  while ((x /= base) != 0);
  if (neg)
    tmp[i++] = '-';
  for (int k = i; k < width; k++)
    put(o, pad);
  while (--i >= 0)
    put(o, tmp[i]);
}

static int vfmt(int fd, const char *fmt, va_list ap)
{
  struct out o = {fd, 0, {0}};
  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      put(&o, *fmt);
      continue;
    }
    fmt++;
    char pad = ' ';
    int width = 0, lng = 0;
    if (*fmt == '0')
      pad = '0', fmt++;
    while (*fmt >= '0' && *fmt <= '9')
      width = width * 10 + *fmt++ - '0';
    if (*fmt == 'l')
      lng = 1, fmt++;
    switch (*fmt) {
    case 'd': {
      long v = lng ? va_arg(ap, long) : va_arg(ap, int);
      putnum(&o, v < 0 ? -(unsigned long)v : (unsigned long)v, 10, v < 0, width, pad);
      break;
    }
    case 'u': putnum(&o, lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 10, 0, width, pad); break;
    case 'x': putnum(&o, lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 16, 0, width, pad); break;
    case 'p': put(&o, '0'); put(&o, 'x'); putnum(&o, va_arg(ap, unsigned long), 16, 0, 0, ' '); break;
    case 'c': put(&o, (char)va_arg(ap, int)); break;
    case 's': {
      const char *s = va_arg(ap, const char *);
      int len = 0;
      for (s = s ? s : "(null)"; s[len]; len++)
        ;
      for (int k = len; k < width; k++)
        put(&o, ' ');
      while (*s)
        put(&o, *s++);
      break;
    }
    case 0: fmt--; break;
    default: put(&o, '%'); put(&o, *fmt); break;
    }
  }
  if (o.n)
    write(fd, o.buf, o.n);
  return 0;
}

int printf(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int r = vfmt(1, fmt, ap);
  va_end(ap);
  return r;
}

int fprintf(int fd, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int r = vfmt(fd, fmt, ap);
  va_end(ap);
  return r;
}
