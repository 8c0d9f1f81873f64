/* timing.c — a fingerprint of when timer interrupts arrive: a CPU-bound
 * loop takes a machine timer interrupt every PERIOD ticks of mtime and
 * hashes the instruction count (minstret) at each one. Any change in how
 * time advances against instructions changes the hash, so the same hash
 * with and without GDB's break-ins shows they are invisible to the guest
 * (tests/gdb/rsp_test.py, rsp-break-in-invisible). */
#include <am.h>
#include <klib.h>
#include <stdint.h>

#define CLINT_MTIMECMP 0x2004000UL   /* hart 0 */
#define CLINT_MTIME    0x200bff8UL
#define PERIOD         3001
#define ITERS          100000000L

static volatile unsigned long irqs;
static volatile uint32_t hash = 2166136261u;

static uint64_t mtime(void) {
  volatile uint32_t *p = (volatile uint32_t *)CLINT_MTIME;
  uint32_t hi, lo;
  do { hi = p[1]; lo = p[0]; } while (hi != p[1]);
  return (uint64_t)hi << 32 | lo;
}

static void set_mtimecmp(uint64_t v) {
  volatile uint32_t *p = (volatile uint32_t *)CLINT_MTIMECMP;
  p[1] = 0xffffffffu;
  p[0] = (uint32_t)v;
  p[1] = (uint32_t)(v >> 32);
}

static Context *handler(Event ev, Context *c) {
  if (ev.event == EVENT_IRQ_TIMER) {
    unsigned long n;
    asm volatile("csrr %0, minstret" : "=r"(n));
    hash = (hash ^ (uint32_t)n) * 16777619u;
    irqs++;
    set_mtimecmp(mtime() + PERIOD);
  }
  return c;
}

int main(void) {
  cte_init(handler);
  set_mtimecmp(mtime() + PERIOD);
  asm volatile("csrs mie, %0" : : "r"(1UL << 7));
  iset(true);
  unsigned long a = 1, b = 2;
  for (long i = 0; i < ITERS; i++) {
    unsigned long t = a * 3 + (b ^ (unsigned long)i);
    a = b;
    b = t;
  }
  iset(false);
  printf("interrupts %lu, hash %08x, result %lx\n", irqs, (unsigned)hash, a ^ b);
  return 0;
}
