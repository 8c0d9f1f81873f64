/* printf.c — the kernel's formatted output to the console: %d %u %x %p %s
 * %c, with an optional 'l'. One lock so lines from different harts do not
 * interleave mid-line. */
#include <stdarg.h>
#include "defs.h"

static struct spinlock pr_lock;
static volatile int panicked;

void printfinit(void) { initlock(&pr_lock, "pr"); }

/* For console writes from user programs: the same lock as printf. */
void printf_lock(int on)
{
  if (panicked)
    return;
  if (on)
    acquire(&pr_lock);
  else
    release(&pr_lock);
}

static void printnum(uint64 x, int base, int neg)
{
  char buf[24];
  int i = 0;
  do
    buf[i++] = "0123456789abcdef"[x % base];
  while ((x /= base) != 0);
  if (neg)
    buf[i++] = '-';
  while (--i >= 0)
    consputc(buf[i]);
}

static void vprintf(const char *fmt, va_list ap)
{
  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      consputc(*fmt);
      continue;
    }
    int lng = 0;
    if (*++fmt == 'l')
      lng = 1, fmt++;
    switch (*fmt) {
    case 'd': {
      int64 v = lng ? va_arg(ap, int64) : va_arg(ap, int);
      printnum(v < 0 ? -(uint64)v : (uint64)v, 10, v < 0);
      break;
    }
    case 'u': printnum(lng ? va_arg(ap, uint64) : va_arg(ap, uint32), 10, 0); break;
    case 'x': printnum(lng ? va_arg(ap, uint64) : va_arg(ap, uint32), 16, 0); break;
    case 'p': consputc('0'); consputc('x'); printnum(va_arg(ap, uint64), 16, 0); break;
    case 'c': consputc(va_arg(ap, int)); break;
    case 's': {
      const char *s = va_arg(ap, const char *);
      for (s = s ? s : "(null)"; *s; s++)
        consputc(*s);
      break;
    }
    case 0: return;
    default: consputc('%'); consputc(*fmt); break;
    }
  }
}

void printf(const char *fmt, ...)
{
  va_list ap;
  int locking = !panicked;
  if (locking)
    acquire(&pr_lock);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  if (locking)
    release(&pr_lock);
}

void panic(const char *s)
{
  panicked = 1;
  printf("rvos: panic: %s\n", s);
  sbi_shutdown(1);
}
