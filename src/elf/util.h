/* Small helpers shared by the ELF and raw loaders. */
#ifndef RVSCOPE_ELF_UTIL_H
#define RVSCOPE_ELF_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* printf into err (if err and errlen are set); always NUL-terminated. */
void errf(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reads the whole file into a malloc'd buffer (*buf = NULL when empty).
 * Errors name the file: missing, unreadable, a directory, too large. */
bool read_whole_file(const char *path, unsigned char **buf, size_t *size,
                     char *err, size_t errlen);

#endif
