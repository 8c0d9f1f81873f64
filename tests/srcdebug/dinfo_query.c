/* The DWARF module's queries for an OS-aware layer (src/dwarf/dwarf.h),
 * from the command line, for tests/srcdebug/run.sh to hold against
 * gdb-multiarch:
 *   dinfo_query ELF XLEN member STRUCT MEMBER   -> "OFFSET SIZE"
 *   dinfo_query ELF XLEN global NAME            -> "0xADDR SIZE"
 *   dinfo_query ELF XLEN type NAME              -> "SIZE"
 * Prints "none" when the DWARF has no such thing. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dwarf/dwarf.h"

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: dinfo_query ELF XLEN member|global|type NAME [MEMBER]\n");
        return 2;
    }
    char err[256];
    dinfo_t *d = dinfo_open(argv[1], atoi(argv[2]), err, sizeof err);
    if (!d) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    uint64_t a, b;
    const dtype_t *t;
    if (!strcmp(argv[3], "member") && argc == 6) {
        if (dinfo_member(d, argv[4], argv[5], &a, &b))
            printf("%" PRIu64 " %" PRIu64 "\n", a, b);
        else
            printf("none\n");
    } else if (!strcmp(argv[3], "global")) {
        if (dinfo_global(d, argv[4], &a, &t))
            printf("0x%" PRIx64 " %" PRIu64 "\n", a, t->size);
        else
            printf("none\n");
    } else if (!strcmp(argv[3], "type")) {
        t = dinfo_type(d, argv[4]);
        if (t)
            printf("%" PRIu64 "\n", dtype_strip(t)->size);
        else
            printf("none\n");
    } else {
        fprintf(stderr, "dinfo_query: unknown query '%s'\n", argv[3]);
        dinfo_close(d);
        return 2;
    }
    dinfo_close(d);
    return 0;
}
