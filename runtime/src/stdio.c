/* stdio.c — printf and friends, one formatter for all of them.
 * Supports %d %i %u %o %x %X %p %s %c %%, flags "-0+ #", width and
 * precision (digits or *), lengths hh h l ll z j t.  No floating point.
 * Behaviour follows C11 7.21.6.1; %p prints "0x" and lowercase hex. */
#include <klib.h>
#include <stdint.h>

/* Where formatted characters go: the UART (console) or a buffer of cap
 * bytes.  len counts every character produced, even those that did not fit,
 * because snprintf must return the untruncated length. */
typedef struct {
  bool console;
  char *buf;
  size_t cap, len;
} Out;

static void emit(Out *o, char c) {
  if (o->console) putch(c);
  else if (o->len + 1 < o->cap) o->buf[o->len] = c;  /* keep room for NUL */
  o->len++;
}

static void emit_n(Out *o, char c, int n) {
  while (n-- > 0) emit(o, c);
}

enum { F_LEFT = 1, F_ZERO = 2, F_PLUS = 4, F_SPACE = 8, F_ALT = 16 };

/* One integer conversion: sign/prefix, precision zeros, width padding. */
static void fmt_int(Out *o, unsigned long long mag, bool neg, int conv,
                    int flags, int width, int prec) {
  const char *digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
  char tmp[24];  /* 64-bit octal needs 22 digits */
  int nd = 0;
  for (unsigned long long v = mag; v; v /= base) tmp[nd++] = digits[v % base];
  if (mag == 0 && prec != 0) tmp[nd++] = '0';  /* "%.0d" of 0 prints nothing */

  int zeros = prec > nd ? prec - nd : 0;
  if (conv == 'o' && (flags & F_ALT) && zeros == 0 && (nd == 0 || tmp[nd - 1] != '0'))
    zeros = 1;  /* "#o" makes the first digit a 0 */

  char prefix[3] = {0};
  int np = 0;
  if (conv == 'd' || conv == 'i') {
    if (neg) prefix[np++] = '-';
    else if (flags & F_PLUS) prefix[np++] = '+';
    else if (flags & F_SPACE) prefix[np++] = ' ';
  } else if (conv == 'p' || ((conv == 'x' || conv == 'X') && (flags & F_ALT) && mag)) {
    prefix[np++] = '0';
    prefix[np++] = conv == 'X' ? 'X' : 'x';
  }

  int pad = width - (np + zeros + nd);
  /* The 0 flag pads with zeros after the prefix; C ignores it with '-' or
   * with a precision. */
  bool zero_pad = (flags & F_ZERO) && !(flags & F_LEFT) && prec < 0;
  if (!(flags & F_LEFT) && !zero_pad) emit_n(o, ' ', pad);
  for (int i = 0; i < np; i++) emit(o, prefix[i]);
  if (zero_pad) emit_n(o, '0', pad);
  emit_n(o, '0', zeros);
  while (nd) emit(o, tmp[--nd]);
  if (flags & F_LEFT) emit_n(o, ' ', pad);
}

static void fmt_str(Out *o, const char *s, int flags, int width, int prec) {
  if (!s) s = "(null)";
  int n = 0;
  while (s[n] && (prec < 0 || n < prec)) n++;
  if (!(flags & F_LEFT)) emit_n(o, ' ', width - n);
  for (int i = 0; i < n; i++) emit(o, s[i]);
  if (flags & F_LEFT) emit_n(o, ' ', width - n);
}

static int format(Out *o, const char *fmt, va_list ap) {
  for (; *fmt; fmt++) {
    if (*fmt != '%') { emit(o, *fmt); continue; }
    const char *start = fmt++;

    int flags = 0;
    for (;; fmt++) {
      if (*fmt == '-') flags |= F_LEFT;
      else if (*fmt == '0') flags |= F_ZERO;
      else if (*fmt == '+') flags |= F_PLUS;
      else if (*fmt == ' ') flags |= F_SPACE;
      else if (*fmt == '#') flags |= F_ALT;
      else break;
    }

    int width = 0;
    if (*fmt == '*') {
      width = va_arg(ap, int);
      if (width < 0) { flags |= F_LEFT; width = -width; }  /* C: "-" flag */
      fmt++;
    } else {
      while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
    }

    int prec = -1;  /* -1: none given */
    if (*fmt == '.') {
      fmt++;
      if (*fmt == '*') { prec = va_arg(ap, int); if (prec < 0) prec = -1; fmt++; }
      else { prec = 0; while (*fmt >= '0' && *fmt <= '9') prec = prec * 10 + (*fmt++ - '0'); }
    }

    /* Length modifier: how wide the vararg is.  hh/h are passed as int. */
    int len = 0;  /* 0 int, 'H' char, 'h' short, 'l' long, 'L' long long */
    if (*fmt == 'h') { fmt++; len = 'h'; if (*fmt == 'h') { fmt++; len = 'H'; } }
    else if (*fmt == 'l') { fmt++; len = 'l'; if (*fmt == 'l') { fmt++; len = 'L'; } }
    else if (*fmt == 'j') { fmt++; len = 'L'; }
    else if (*fmt == 'z' || *fmt == 't') { fmt++; len = sizeof(size_t) == sizeof(long) ? 'l' : 0; }

    int conv = *fmt;
    switch (conv) {
    case 'd': case 'i': {
      long long v;
      if (len == 'L') v = va_arg(ap, long long);
      else if (len == 'l') v = va_arg(ap, long);
      else v = va_arg(ap, int);
      if (len == 'h') v = (short)v;
      else if (len == 'H') v = (signed char)v;
      /* Negate as unsigned so LLONG_MIN does not overflow. */
      unsigned long long mag = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
      fmt_int(o, mag, v < 0, conv, flags, width, prec);
      break;
    }
    case 'u': case 'o': case 'x': case 'X': {
      unsigned long long v;
      if (len == 'L') v = va_arg(ap, unsigned long long);
      else if (len == 'l') v = va_arg(ap, unsigned long);
      else v = va_arg(ap, unsigned int);
      if (len == 'h') v = (unsigned short)v;
      else if (len == 'H') v = (unsigned char)v;
      fmt_int(o, v, false, conv, flags, width, prec);
      break;
    }
    case 'p':
      fmt_int(o, (uintptr_t)va_arg(ap, void *), false, 'p', flags, width, prec);
      break;
    case 's':
      fmt_str(o, va_arg(ap, const char *), flags, width, prec);
      break;
    case 'c': {
      char c = (char)va_arg(ap, int);
      if (!(flags & F_LEFT)) emit_n(o, ' ', width - 1);
      emit(o, c);
      if (flags & F_LEFT) emit_n(o, ' ', width - 1);
      break;
    }
    case '%':
      emit(o, '%');
      break;
    default:
      /* Unknown conversion (or the string ended): print it as written. */
      for (const char *p = start; p <= fmt && *p; p++) emit(o, *p);
      if (!*fmt) fmt--;
      break;
    }
  }
  return (int)o->len;
}

int vsnprintf(char *out, size_t n, const char *fmt, va_list ap) {
  Out o = { .console = false, .buf = out, .cap = n, .len = 0 };
  int r = format(&o, fmt, ap);
  if (n > 0) out[o.len < n ? o.len : n - 1] = '\0';
  return r;
}

int vsprintf(char *out, const char *fmt, va_list ap) {
  return vsnprintf(out, SIZE_MAX, fmt, ap);
}

int snprintf(char *out, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf(out, n, fmt, ap);
  va_end(ap);
  return r;
}

int sprintf(char *out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf(out, SIZE_MAX, fmt, ap);
  va_end(ap);
  return r;
}

int printf(const char *fmt, ...) {
  Out o = { .console = true };
  va_list ap;
  va_start(ap, fmt);
  int r = format(&o, fmt, ap);
  va_end(ap);
  return r;
}
