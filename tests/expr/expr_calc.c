/* expr_calc --xlen 32|64: evaluates each line of stdin as a numbers-only
 * expression and prints its value in decimal, or "error: MSG (col N)".
 * The random-expression test (gen.py) compares this with the host C
 * compiler's arithmetic. */
#include "monitor/expr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3 || strcmp(argv[1], "--xlen") != 0 ||
        (strcmp(argv[2], "32") != 0 && strcmp(argv[2], "64") != 0)) {
        fprintf(stderr, "usage: %s --xlen 32|64 < expressions\n", argv[0]);
        return 2;
    }
    expr_env_t env = {.xlen = atoi(argv[2])};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            line[n - 1] = '\0';
        expr_error_t err;
        uint64_t v;
        expr_t *e = expr_parse(line, &env, &err);
        if (e && expr_eval(e, &env, &v, &err))
            printf("%llu\n", (unsigned long long)v);
        else
            printf("error: %s (col %d)\n", err.msg, err.col);
        expr_free(e);
    }
    free(line);
    return 0;
}
