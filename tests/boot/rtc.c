/* rtc — the goldfish RTC at 0x101000 (PLIC source 11): the date is after
 * 2020, reading TIME_LOW latches TIME_HIGH, the clock advances with the
 * machine's time (1 ms of mtime is at least 1 ms of RTC time), and an
 * armed alarm raises source 11 (M context of hart 0), shows in
 * ALARM_STATUS until it fires, and CLEAR_INTERRUPT lowers the line.
 * Linked with tests/system's crt.S and lib.c; runs the same on QEMU.
 * expected exit status: 0 */
#include "lib.h"

#define RTC 0x101000UL
enum { TIME_LOW = 0x00, TIME_HIGH = 0x04, ALARM_LOW = 0x08, ALARM_HIGH = 0x0c, IRQ_ENABLED = 0x10,
       CLEAR_ALARM = 0x14, ALARM_STATUS = 0x18, CLEAR_INTERRUPT = 0x1c };
#define RTC_IRQ 11

static uint64_t now_ns(void)
{
  uint32_t lo = rd32(RTC + TIME_LOW);
  return (uint64_t)rd32(RTC + TIME_HIGH) << 32 | lo;
}

static volatile int irqs;
static volatile uint32_t claimed;

__attribute__((interrupt("machine"), aligned(4))) static void m_trap(void)
{
  unsigned long cause = csrr(mcause);
  if (cause != ((1UL << (XLEN - 1)) | 11)) {
    printf("unexpected trap: mcause=%lx\n", cause);
    exit(9);
  }
  claimed = rd32(PLIC_CLAIM(0));
  wr32(RTC + CLEAR_INTERRUPT, 1);
  wr32(PLIC_CLAIM(0), claimed);
  irqs++;
}

static void check(int n, int ok, const char *what)
{
  if (!ok) {
    printf("rtc: case %d failed: %s\n", n, what);
    exit(n);
  }
}

int main(void)
{
  uint64_t t0 = now_ns();
  check(1, t0 > 1577836800ULL * 1000000000ULL, "the date is before 2020");
  uint64_t m0 = mtime();
  while (mtime() - m0 < 10000)            /* 1 ms at 10 MHz */
    ;
  uint64_t t1 = now_ns();
  check(2, t1 - t0 >= 1000000, "1 ms of mtime moved the RTC by less than 1 ms");
  check(3, t1 - t0 < 60ULL * 1000000000ULL, "the RTC jumped by a minute");

  csrw(mtvec, (uintptr_t)m_trap);
  wr32(PLIC_PRIO(RTC_IRQ), 1);
  wr32(PLIC_ENABLE(0, 0), 1u << RTC_IRQ);
  wr32(PLIC_THRESHOLD(0), 0);
  csrs(mie, MIP_MEIP);
  csrs(mstatus, MSTATUS_MIE);
  wr32(RTC + IRQ_ENABLED, 1);
  uint64_t alarm = now_ns() + 2000000;    /* 2 ms from now */
  wr32(RTC + ALARM_HIGH, (uint32_t)(alarm >> 32));
  wr32(RTC + ALARM_LOW, (uint32_t)alarm);
  check(4, rd32(RTC + ALARM_STATUS) == 1, "ALARM_STATUS is not 1 once armed");
  check(5, irqs == 0, "the alarm fired at once");
  while (!irqs)
    asm volatile("wfi");
  check(6, claimed == RTC_IRQ, "the claim was not source 11");
  check(7, now_ns() >= alarm, "the alarm fired early");
  check(8, rd32(RTC + ALARM_STATUS) == 0, "ALARM_STATUS stayed 1 after the alarm");
  check(9, !(rd32(PLIC_PENDING(0)) & (1u << RTC_IRQ)), "source 11 still pending after CLEAR_INTERRUPT");
  printf("rtc: ok\n");
  return 0;
}
