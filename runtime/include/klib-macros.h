/* klib-macros.h — small helpers shared by guest programs (NJU klib compatible). */
#ifndef KLIB_MACROS_H__
#define KLIB_MACROS_H__

#include <am.h>

#define ROUNDUP(a, sz)   ((((uintptr_t)(a)) + (sz) - 1) & ~((uintptr_t)(sz) - 1))
#define ROUNDDOWN(a, sz) (((uintptr_t)(a)) & ~((uintptr_t)(sz) - 1))
#define LENGTH(arr)      (sizeof(arr) / sizeof((arr)[0]))

/* Print a string with putch only, usable before/without printf. */
#define putstr(s) \
  ({ for (const char *p_ = (s); *p_; p_++) putch(*p_); })

/* Print "file:line: panic: msg" and stop with failure code 1. */
#define panic_on(cond, s) \
  ({ if (cond) { \
      putstr(__FILE__ ":" TOSTRING(__LINE__) ": panic: "); putstr(s); \
      putch('\n'); halt(1); \
    } })
#define panic(s) panic_on(1, s)

#define STRINGIFY(s) #s
#define TOSTRING(s)  STRINGIFY(s)

#endif
