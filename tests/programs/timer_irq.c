/* timer_irq.c — a machine timer interrupt through CTE: program the CLINT's
 * mtimecmp, enable mie.MTIE and mstatus.MIE, and wait with WFI until three
 * EVENT_IRQ_TIMER events arrived.  The wait loop checks with interrupts
 * off, so an interrupt between the check and WFI cannot be lost (WFI wakes
 * on a pending interrupt even with MIE = 0). */
#include <am.h>
#include <klib.h>
#include <stdint.h>

#define CLINT_MTIMECMP 0x2004000UL   /* hart 0 */
#define CLINT_MTIME    0x200bff8UL
#define MIE_MTIE       (1UL << 7)

static volatile int ticks;

static uint64_t mtime(void) {
  volatile uint32_t *p = (volatile uint32_t *)CLINT_MTIME;
  uint32_t hi, lo;
  do { hi = p[1]; lo = p[0]; } while (hi != p[1]);  /* RV32-safe 64-bit read */
  return (uint64_t)hi << 32 | lo;
}

/* Write high word last-but-one so no transient value is below the target. */
static void set_mtimecmp(uint64_t v) {
  volatile uint32_t *p = (volatile uint32_t *)CLINT_MTIMECMP;
  p[1] = 0xffffffffu;
  p[0] = (uint32_t)v;
  p[1] = (uint32_t)(v >> 32);
}

static Context *handler(Event ev, Context *c) {
  if (ev.event != EVENT_IRQ_TIMER) {
    printf("unexpected event %d cause %lx\n", ev.event, (unsigned long)ev.cause);
    halt(3);
  }
  ticks++;
  printf("tick %d: interrupt=%d code=%d\n", ticks,
         (int)(ev.cause >> (__riscv_xlen - 1)), (int)(ev.cause & 0xff));
  set_mtimecmp(ticks < 3 ? mtime() + 1000 : ~0ULL);  /* 0.1 ms at 10 MHz */
  return c;
}

int main(void) {
  cte_init(handler);
  printf("interrupts enabled: %d\n", ienabled());
  /* Nothing is printed from here until the last tick but by the handler. */
  uint64_t t0 = mtime();
  set_mtimecmp(t0 + 1000);
  asm volatile("csrs mie, %0" : : "r"(MIE_MTIE));
  iset(true);
  while (ticks < 3) {
    iset(false);
    if (ticks < 3) asm volatile("wfi");
    iset(true);
  }
  iset(false);
  asm volatile("csrc mie, %0" : : "r"(MIE_MTIE));
  printf("done after %d ticks, mtime advanced: %d, interrupts enabled: %d\n",
         ticks, mtime() > t0 + 3000, ienabled());
  return 0;
}
