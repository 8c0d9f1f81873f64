/* Loading a raw binary (no headers) at a fixed address. */
#include "elf/raw.h"

#include <stdlib.h>

#include "elf/util.h"

bool raw_load(const char *path, uint64_t addr, image_load_fn fn, void *ctx,
              char *err, size_t errlen)
{
    unsigned char *buf;
    size_t size;
    if (!read_whole_file(path, &buf, &size, err, errlen))
        return false;
    if (size == 0) {
        errf(err, errlen, "%s: empty file (0 bytes), nothing to load", path);
        return false;
    }
    if (size - 1 > UINT64_MAX - addr) {
        errf(err, errlen, "%s: %zu bytes at 0x%llx would wrap around the address space (check --raw ADDR)",
             path, size, (unsigned long long)addr);
        free(buf);
        return false;
    }
    char why[256] = "refused by the loader";
    bool ok = fn(ctx, addr, buf, size, size, why, sizeof why);
    if (!ok) {
        why[sizeof why - 1] = 0;
        errf(err, errlen, "%s: %s", path, why);
    }
    free(buf);
    return ok;
}
