/* Placeholder until the GDB stub lands (issue 6). */
#include "../session.h"
#include <stdio.h>
int gdb_main(session_t *s)
{
    (void)s;
    fprintf(stderr, "rvscope: the GDB stub is not built yet\n");
    return 2;
}
