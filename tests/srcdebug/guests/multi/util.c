/* The second source of the make guest test (multi/main.c). */
int twice(int x) { return 2 * x; }
