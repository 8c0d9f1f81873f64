/* Guest of the debugger-layer tests: every hart counts in its own slot of
 * counters[] forever. Hart 1 calls hit() every 1024 counts (a breakpoint
 * there stops hart 1 alone in non-stop mode); hart 2 executes an ebreak
 * in debug_point() once the debugger sets want_ebreak (with dcsr.ebreakm
 * set, that enters debug mode). Built -O0 so the variables are in memory
 * at every step. */
#include "../system/lib.h"

volatile unsigned long counters[8];
volatile unsigned long hits;
volatile int want_ebreak;

void __attribute__((noinline)) hit(void)
{
    hits++;
}

void __attribute__((noinline)) debug_point(void)
{
    /* A 4-byte ebreak, so the debugger can step over it with pc += 4. */
    asm volatile(".option push\n.option norvc\nebreak\n.option pop");
}

static void count(unsigned id)
{
    for (;;) {
        counters[id]++;
        if (id == 1 && (counters[id] & 1023) == 0)
            hit();
        if (id == 2 && want_ebreak) {
            want_ebreak = 0;
            debug_point();
        }
    }
}

int main(unsigned id)
{
    count(id);
    return 0;
}

void secondary_main(unsigned id)
{
    count(id);
}
