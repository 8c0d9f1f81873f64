/* Placeholder until the monitor REPL lands (issue 4). */
#include "../session.h"
#include <stdio.h>
int monitor_main(session_t *s)
{
    (void)s;
    fprintf(stderr, "rvscope: the monitor is not built yet\n");
    return 2;
}
