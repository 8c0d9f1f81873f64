/* printf_fmt.c — every conversion, flag, width/precision form and length
 * modifier klib's printf family supports, each bracketed so padding shows;
 * plus snprintf truncation and the return values.  Output is the same on
 * RV32 and RV64 (64-bit values use ll). */
#include <am.h>
#include <klib.h>
#include <limits.h>

/* Some lines use flag combinations C defines but GCC warns about
 * ("0 flag ignored with precision"): they are the point of the test. */
#pragma GCC diagnostic ignored "-Wformat"

static int my_vsnprintf(char *buf, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf(buf, n, fmt, ap);
  va_end(ap);
  return r;
}

int main(void) {
  printf("[%d] [%i] [%u]\n", 0, -1, 4294967295u);
  printf("[%d] [%d]\n", INT_MAX, INT_MIN);
  printf("[%x] [%X] [%o]\n", 0xdeadbeefu, 0xdeadbeefu, 8u);
  printf("[%5d] [%-5d] [%05d] [%-05d]\n", 42, 42, 42, 42);
  printf("[%05d] [%+d] [% d] [%+05d] [%+d]\n", -42, 42, 42, 42, -42);
  printf("[%.3d] [%8.3d] [%-8.3d] [%08.3d]\n", 7, 7, 7, 7);
  printf("[%.0d] [%5.0d] [%.0x]\n", 0, 0, 0);
  printf("[%#x] [%#X] [%#o] [%#x] [%#o]\n", 255, 255, 8, 0, 0);
  printf("[%#010x] [%010x] [%-#8x]\n", 255, 255, 255);
  printf("[%s] [%10s] [%-10s] [%.3s] [%10.2s]\n", "abc", "abc", "abc", "abcdef", "abcdef");
  printf("[%c] [%3c] [%-3c]\n", 'x', 'y', 'z');
  printf("[%%] [100%%]\n");
  printf("[%*d] [%-*d] [%.*d] [%*d]\n", 6, 1, 6, 2, 4, 3, -6, 4);
  printf("[%ld] [%lu] [%lx] [%li]\n", -123456789L, 123456789UL, 0xabcdefUL, 0L);
  printf("[%lld] [%llu] [%llx]\n", LLONG_MIN, ULLONG_MAX, 0x0123456789abcdefULL);
  printf("[%lld] [%llX] [%010lld] [%lli]\n", 1234567890123LL, 0xfedcba9876543210ULL, -42LL, LLONG_MAX);
  printf("[%hd] [%hu] [%hhd] [%hhu] [%hx]\n", (short)-2, (unsigned short)65535,
         (signed char)-3, (unsigned char)255, 0x12345);
  printf("[%zu] [%zx] [%jd]\n", sizeof(int), (size_t)0x1234, (long long)-5);
  printf("[%p] [%p] [%12p]\n", (void *)0x1234, (void *)0, (void *)0xabc);

  char buf[16];
  int n = snprintf(buf, sizeof buf, "%s-%d", "truncate-me-please", 12345);
  printf("snprintf: n=%d buf=[%s]\n", n, buf);
  buf[0] = 'Q';
  n = snprintf(buf, 0, "abc");
  printf("snprintf size 0: n=%d buf[0]=%c\n", n, buf[0]);
  n = snprintf(buf, 1, "abc");
  printf("snprintf size 1: n=%d buf=[%s]\n", n, buf);
  n = sprintf(buf, "%d:%x", -1, -1);
  printf("sprintf: n=%d buf=[%s]\n", n, buf);
  n = my_vsnprintf(buf, 8, "%05d|%s", 77, "tail");
  printf("vsnprintf: n=%d buf=[%s]\n", n, buf);
  n = printf("12345\n");
  printf("printf returned %d\n", n);
  return 0;
}
