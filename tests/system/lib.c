/* Support library for the system-test guests (see lib.h). */
#include "lib.h"

void putch(char c)
{
  while (!(rd8(UART + UART_LSR) & 0x20))
    ;
  wr8(UART + UART_THR, (uint8_t)c);
}

void puts_(const char *s)
{
  while (*s)
    putch(*s++);
}

void exit(int code)
{
  wr32(FINISHER, code == 0 ? 0x5555 : ((uint32_t)code << 16) | 0x3333);
  for (;;)
    asm volatile("wfi");
}

void *memset(void *d, int c, size_t n)
{
  uint8_t *p = d;
  while (n--) *p++ = (uint8_t)c;
  return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
  uint8_t *p = d;
  const uint8_t *q = s;
  while (n--) *p++ = *q++;
  return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
  const uint8_t *p = a, *q = b;
  for (; n; n--, p++, q++)
    if (*p != *q) return *p - *q;
  return 0;
}

uint64_t mtime(void)
{
  volatile uint32_t *p = (volatile uint32_t *)(CLINT + 0xbff8);
  uint32_t hi, lo;
  do { hi = p[1]; lo = p[0]; } while (hi != p[1]);
  return (uint64_t)hi << 32 | lo;
}

void set_mtimecmp(unsigned hart, uint64_t v)
{
  volatile uint32_t *p = (volatile uint32_t *)(CLINT + 0x4000 + 8 * hart);
  p[1] = 0xffffffffu;
  p[0] = (uint32_t)v;
  p[1] = (uint32_t)(v >> 32);
}

/* printf: %c %s %d %u %x with l/ll, 0-padding and width; %p. */
static void put_num(unsigned long long v, unsigned base, int width, char pad, bool neg)
{
  char buf[24];
  int n = 0;
  do { buf[n++] = "0123456789abcdef"[v % base]; v /= base; } while (v);
  if (neg) buf[n++] = '-';
  while (n < width) { putch(pad); width--; }
  while (n) putch(buf[--n]);
}

int printf(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  for (; *fmt; fmt++) {
    if (*fmt != '%') { putch(*fmt); continue; }
    fmt++;
    char pad = ' ';
    int width = 0, lng = 0;
    if (*fmt == '0') { pad = '0'; fmt++; }
    while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
    while (*fmt == 'l') { lng++; fmt++; }
    switch (*fmt) {
    case 'c': putch((char)va_arg(ap, int)); break;
    case 's': puts_(va_arg(ap, const char *)); break;
    case 'd': {
      long long v = lng == 2 ? va_arg(ap, long long) : lng ? va_arg(ap, long) : va_arg(ap, int);
      put_num(v < 0 ? -(unsigned long long)v : (unsigned long long)v, 10, width, pad, v < 0);
      break;
    }
    case 'u': case 'x': {
      unsigned long long v = lng == 2 ? va_arg(ap, unsigned long long)
                           : lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
      put_num(v, *fmt == 'x' ? 16 : 10, width, pad, false);
      break;
    }
    case 'p': puts_("0x"); put_num((uintptr_t)va_arg(ap, void *), 16, 0, ' ', false); break;
    case '%': putch('%'); break;
    default: putch('%'); putch(*fmt); break;
    }
  }
  va_end(ap);
  return 0;
}

/* Any trap nobody expected: report it and fail. */
__attribute__((interrupt("machine"), aligned(4))) void default_trap(void)
{
  printf("unexpected trap: mcause=%lx mepc=%lx mtval=%lx\n", csrr(mcause), csrr(mepc), csrr(mtval));
  exit(3);
}

__attribute__((weak)) void secondary_main(unsigned long hartid)
{
  (void)hartid;
  for (;;)
    asm volatile("wfi");
}
