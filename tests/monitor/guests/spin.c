/* CPU-bound guest for the watchpoint cost measurement: integer work in
 * registers and memory, calls (s1 is saved and restored by callees, so a
 * watch on it is re-evaluated now and then under the precise policy). */
#include <am.h>
#include <klib.h>

static unsigned table[256];
unsigned watched;      /* never written: the memory-watch case of watch_cost.sh */

__attribute__((noinline)) unsigned mix(unsigned h, unsigned v)
{
    h ^= v;
    h *= 0x01000193u;
    return h ^ (h >> 13);
}

int main(void)
{
    unsigned h = 2166136261u;
    for (unsigned i = 0; i < 256; i++)
        table[i] = i * 2654435761u;
    for (unsigned r = 1; r < 280000; r += 7)   /* never 0x1234 */
        for (unsigned i = 0; i < 256; i += 4) {
            h = mix(h, table[i] + r);
            table[(i + h) & 255] ^= h;
        }
    printf("h = %08x %u\n", h, watched);
    return 0;
}
