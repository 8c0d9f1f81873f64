/* stdint.h for guests compiled with -fhosted (the seed 001 programs, see
 * guest.mk).  In hosted mode GCC's <stdint.h> defers to the C library's,
 * and this toolchain ships none; GCC's own freestanding definitions are
 * the right ones for our runtime anyway. */
#ifndef RT_HOSTED_STDINT_H
#define RT_HOSTED_STDINT_H
#include <stdint-gcc.h>
#endif
