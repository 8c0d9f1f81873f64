/* Reading guest files and formatting errors. */
#include "elf/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Larger than any RAM rvscope emulates; refusing early beats malloc failing
 * (or the OOM killer) on a wrong path such as a disk image. */
#define MAX_FILE_SIZE ((size_t)1 << 32)

void errf(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static const char *open_hint(int e)
{
    switch (e) {
    case ENOENT: return " (check the path)";
    case EACCES: return " (check the file's permissions)";
    default: return "";
    }
}

bool read_whole_file(const char *path, unsigned char **buf, size_t *size,
                     char *err, size_t errlen)
{
    *buf = NULL;
    *size = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        errf(err, errlen, "%s: cannot open: %s%s", path, strerror(e), open_hint(e));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        errf(err, errlen, "%s: cannot stat: %s", path, strerror(errno));
        close(fd);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        errf(err, errlen, "%s: is a directory, not a file", path);
        close(fd);
        return false;
    }
    /* Read to EOF rather than trusting st_size: pipes and /dev/stdin have
     * none, and a file may change while we read it. */
    size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    if (cap > MAX_FILE_SIZE + 1)
        cap = MAX_FILE_SIZE + 1;
    unsigned char *p = malloc(cap);
    size_t n = 0;
    for (;;) {
        if (!p) {
            errf(err, errlen, "%s: out of memory reading the file", path);
            close(fd);
            return false;
        }
        if (n == cap) {
            if (cap > MAX_FILE_SIZE) {
                errf(err, errlen, "%s: file is larger than 4 GiB (wrong file?)", path);
                free(p);
                close(fd);
                return false;
            }
            unsigned char *q = realloc(p, cap * 2);
            if (!q)
                free(p);
            p = q;
            cap *= 2;
            continue;
        }
        ssize_t r = read(fd, p + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            errf(err, errlen, "%s: read error: %s", path, strerror(errno));
            free(p);
            close(fd);
            return false;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    if (n > MAX_FILE_SIZE) {
        errf(err, errlen, "%s: file is larger than 4 GiB (wrong file?)", path);
        free(p);
        return false;
    }
    if (n == 0) {
        free(p);
        p = NULL;
    }
    *buf = p;
    *size = n;
    return true;
}
