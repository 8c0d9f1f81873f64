/* A small C guest for the monitor tests: calls, a loop with a store, and
 * source lines for breakpoints. */
#include <am.h>
#include <klib.h>

volatile int counter;
int squares[8];

__attribute__((noinline)) int square(int x)
{
    return x * x;
}

__attribute__((noinline)) int sum_to(int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        squares[i & 7] = square(i);     /* MARK: loop body */
        s += squares[i & 7];
        counter = i;
    }
    return s;
}

int main(void)
{
    int s = sum_to(8);
    printf("sum = %d\n", s);
    return s == 140 ? 0 : 1;
}
