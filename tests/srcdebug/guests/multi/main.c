/* make guest with two sources and CFLAGS (tests/srcdebug/run.sh): LEVEL
 * comes from -DLEVEL=3, twice() from util.c. */
#include <klib.h>
int twice(int);
int main(const char *a) { (void)a; printf("twice %d level %d\n", twice(21), LEVEL); return 0; }
