/* Second unit of the loader test guest: another "helper", and a function
 * nothing calls, which --gc-sections removes but whose line rows stay. */
static __attribute__((noinline)) int helper(int x)
{
    return x - 1;
}

int unused_fn(int x)
{
    return x * 7;
}

int other(int x)
{
    return helper(x) * 2;
}
