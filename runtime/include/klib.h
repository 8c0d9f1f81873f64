/* klib.h — the small C library guests link against (NJU klib compatible).
 * Freestanding: no locale, no floating point in printf, no FILE. */
#ifndef KLIB_H__
#define KLIB_H__

#include <am.h>
#include <stddef.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

/* string.h */
void  *memset(void *s, int c, size_t n);
void  *memcpy(void *dst, const void *src, size_t n);
void  *memmove(void *dst, const void *src, size_t n);
int    memcmp(const void *s1, const void *s2, size_t n);
size_t strlen(const char *s);
char  *strcat(char *dst, const char *src);
char  *strcpy(char *dst, const char *src);
char  *strncpy(char *dst, const char *src, size_t n);
int    strcmp(const char *s1, const char *s2);
int    strncmp(const char *s1, const char *s2, size_t n);

/* stdlib.h */
void   srand(unsigned int seed);
int    rand(void);
void  *malloc(size_t size);  /* bump allocator over `heap`; free is a no-op */
void   free(void *ptr);
int    abs(int x);
int    atoi(const char *nptr);

/* stdio.h — conversions: d i u o x X p s c %; flags - 0 + space #;
 * width and precision (also *); length hh h l ll z j t. */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int sprintf(char *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *out, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsprintf(char *out, const char *fmt, va_list ap);
int vsnprintf(char *out, size_t n, const char *fmt, va_list ap);

/* assert.h */
#ifdef NDEBUG
  #define assert(ignore) ((void)0)
#else
  #define assert(cond) \
    do { \
      if (!(cond)) { \
        printf("%s:%d: Assertion failed: %s\n", __FILE__, __LINE__, #cond); \
        halt(1); \
      } \
    } while (0)
#endif

#ifdef __cplusplus
}
#endif

#endif
