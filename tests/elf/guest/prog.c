/* Loader test guest: a sized global function, a static one with the same
 * name as one in other.c, a weak function, data, rodata and bss objects, a
 * loop, and lines without code for FILE:LINE resolution. */
volatile unsigned long tohost;
int counter;
int table[16] = {1, 2, 3};
static const char msg[] = "hello";

int other(int x);

static __attribute__((noinline)) int helper(int x)
{
    return x * 3 + msg[x & 3];
}

__attribute__((weak, noinline)) int weak_fn(int x)
{
    return x + 2;
}

int compute(int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += helper(i) + table[i & 15];

    /* the blank line above and this comment have no code */
    return s;
}

int main(void)
{
    counter = compute(10) + other(3) + weak_fn(1);
    tohost = 1;
    for (;;)
        ;
}
