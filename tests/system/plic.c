/* plic — the PLIC's registers and semantics with two real sources: the
 * UART's transmitter-empty interrupt (source 10, IER.ETBEI) and the virtio
 * block device (source 1, a completed request). Needs a disk (--disk).
 * Covers priority and threshold WARL, pending bits, priority 0, threshold,
 * claim/complete (a claimed source does not interrupt again until it is
 * completed), claim order (priority, then the lower id), M and S contexts
 * of hart 0 (mip.MEIP / mip.SEIP), and interrupts taken in M mode and,
 * delegated, in S mode.
 * Note: every character printed is a THR write, which re-reports the UART
 * line while IER.ETBEI is set, so values are read before printing.
 * expected exit status: 0 */
#include "virtio.h"

static uint8_t sector[512];

static int pend(unsigned i) { return (rd32(PLIC_PENDING(i / 32)) >> (i % 32)) & 1; }
static int meip(void) { return (csrr(mip) & MIP_MEIP) != 0; }
static int seip(void) { return (csrr(mip) & MIP_SEIP) != 0; }
static uint32_t claim(unsigned ctx) { return rd32(PLIC_CLAIM(ctx)); }
static void complete(unsigned ctx, uint32_t id) { wr32(PLIC_CLAIM(ctx), id); }

/* Raise source 1: a completed virtio request (InterruptStatus bit 0). */
static void raise_virtio(void)
{
  wr32(VR(V_INT_ACK), rd32(VR(V_INT_STATUS)));
  if (vio_rw(T_IN, 0, sector, sizeof sector, NULL) != 0) {
    printf("virtio request failed\n");
    exit(6);
  }
}

/* Raise source 10 afresh: ETBEI off (line low), then on (THR empty). */
static void raise_uart(void)
{
  wr8(UART + UART_IER, 0);
  wr8(UART + UART_IER, 0x02);
}

static volatile int m_irqs, s_irqs;
static volatile uint32_t m_claimed, s_claimed;
static volatile unsigned long m_cause, s_cause;

__attribute__((interrupt("supervisor"), aligned(4))) static void s_trap(void)
{
  s_cause = csrr(scause);
  s_claimed = claim(1);
  wr8(UART + UART_IER, 0);            /* the device lowers its line */
  complete(1, s_claimed);
  s_irqs++;
}

static void s_mode(void)
{
  csrw(stvec, (uintptr_t)s_trap);
  csrs(sie, MIP_SEIP);
  csrs(sstatus, MSTATUS_SIE);
  wr8(UART + UART_IER, 0x02);          /* source 10 rises: S context */
  while (!s_irqs)
    asm volatile("wfi");
  asm volatile("ecall");               /* back to M mode: the end */
  for (;;)
    ;
}

__attribute__((interrupt("machine"), aligned(4))) static void m_trap(void)
{
  unsigned long cause = csrr(mcause);
  if (cause == 9) {                    /* ecall from S mode */
    printf("S-mode interrupt: scause interrupt=%d code=%d, claimed %u\n",
           (int)(s_cause >> (XLEN - 1)), (int)(s_cause & 0xff), s_claimed);
    printf("mip: meip=%d seip=%d\n", meip(), seip());
    printf("plic: done\n");
    exit(0);
  }
  if (cause >> (XLEN - 1) && (cause & 0xff) == 11) {
    m_cause = cause;
    m_claimed = claim(0);
    wr32(VR(V_INT_ACK), rd32(VR(V_INT_STATUS)));   /* the device lowers its line */
    complete(0, m_claimed);
    m_irqs++;
    return;
  }
  printf("unexpected trap: mcause=%lx mepc=%lx\n", cause, csrr(mepc));
  exit(3);
}

int main(void)
{
  printf("plic: start\n");
  int e = vio_init(F_VERSION_1);
  if (e) {
    printf("virtio setup failed at step %d (run with a disk)\n", e);
    return 5;
  }

  /* WARL: 3 priority bits */
  wr32(PLIC_PRIO(10), 0xffffffff);
  wr32(PLIC_THRESHOLD(0), 0xffffffff);
  uint32_t p = rd32(PLIC_PRIO(10)), t = rd32(PLIC_THRESHOLD(0));
  printf("priority reads %u, threshold reads %u\n", p, t);
  wr32(PLIC_PRIO(10), 0);
  wr32(PLIC_THRESHOLD(0), 0);

  /* One source, M context */
  wr8(UART + UART_IER, 0x02);
  int a = pend(10), b = meip();
  printf("uart line up, priority 0, not enabled: pending=%d meip=%d\n", a, b);
  wr32(PLIC_ENABLE(0, 0), 1u << 10);
  a = meip();
  wr32(PLIC_PRIO(10), 1);
  b = meip();
  int c = seip();
  wr32(PLIC_THRESHOLD(0), 1);
  int d = meip();
  wr32(PLIC_THRESHOLD(0), 0);
  int f = meip();
  printf("enabled: priority 0 meip=%d; priority 1 meip=%d seip=%d; threshold 1 meip=%d; "
         "threshold 0 meip=%d\n", a, b, c, d, f);

  raise_uart();
  uint32_t id = claim(0), id2 = claim(0);
  a = pend(10), b = meip();
  printf("claim %u, claim again %u, then pending=%d meip=%d\n", id, id2, a, b);
  a = pend(10), b = meip();           /* the output above re-reported the line */
  printf("reported again while claimed: pending=%d meip=%d\n", a, b);
  complete(0, id);
  a = meip();
  wr8(UART + UART_IER, 0);
  b = pend(10), c = meip();
  printf("completed: meip=%d; line down: pending=%d meip=%d\n", a, b, c);

  /* S context of hart 0 */
  wr32(PLIC_ENABLE(0, 0), 0);
  wr32(PLIC_ENABLE(1, 0), 1u << 10);
  raise_uart();
  a = meip(), b = seip();
  id = claim(0);
  id2 = claim(1);
  c = seip();
  wr8(UART + UART_IER, 0);
  complete(1, id2);
  d = seip();
  printf("S context: meip=%d seip=%d, M claim %u, S claim %u, then seip=%d, completed seip=%d\n",
         a, b, id, id2, c, d);
  wr32(PLIC_ENABLE(1, 0), 0);

  /* Two sources: the order of claims */
  static const struct { uint32_t p1, p10, thr; } cases[] = {
    { 1, 2, 0 }, { 2, 1, 0 }, { 3, 3, 0 }, { 5, 2, 4 }, { 5, 2, 5 },
  };
  wr32(PLIC_ENABLE(0, 0), (1u << 1) | (1u << 10));
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    wr32(PLIC_PRIO(1), cases[i].p1);
    wr32(PLIC_PRIO(10), cases[i].p10);
    wr32(PLIC_THRESHOLD(0), cases[i].thr);
    raise_virtio();
    raise_uart();
    a = pend(1), b = pend(10);
    uint32_t c1 = claim(0), c2 = claim(0), c3 = claim(0);
    wr8(UART + UART_IER, 0);
    wr32(VR(V_INT_ACK), rd32(VR(V_INT_STATUS)));
    complete(0, c1);
    complete(0, c2);
    printf("priorities 1:%u 10:%u threshold %u: pending %d%d, claims %u %u %u\n",
           cases[i].p1, cases[i].p10, cases[i].thr, a, b, c1, c2, c3);
  }
  wr32(PLIC_THRESHOLD(0), 0);
  a = pend(1), b = pend(10), c = meip();
  printf("all quiet: pending %d%d meip=%d\n", a, b, c);

  /* An M-mode external interrupt, taken */
  wr32(PLIC_ENABLE(0, 0), 1u << 1);
  wr32(PLIC_PRIO(1), 1);
  csrw(mtvec, (uintptr_t)m_trap);
  csrs(mie, MIP_MEIP);
  csrs(mstatus, MSTATUS_MIE);
  raise_virtio();
  for (long spins = 0; !m_irqs && spins < 100000000L; spins++)
    ;
  csrc(mstatus, MSTATUS_MIE);
  printf("M-mode interrupts: %d, mcause interrupt=%d code=%d, claimed %u\n", m_irqs,
         (int)(m_cause >> (XLEN - 1)), (int)(m_cause & 0xff), m_claimed);
  wr32(PLIC_ENABLE(0, 0), 0);

  /* An S-mode external interrupt: SEI delegated, S context enabled */
  wr32(PLIC_ENABLE(1, 0), 1u << 10);
  wr32(PLIC_PRIO(10), 1);
  csrw(mideleg, MIP_SEIP);
  csrw(pmpaddr0, ~0UL);                 /* S mode may access everything */
  csrw(pmpcfg0, 0x0f);
  csrc(mstatus, MSTATUS_MPP);
  csrs(mstatus, 1UL << 11);             /* MPP = S */
  csrw(mepc, (uintptr_t)s_mode);
  asm volatile("mret");
  return 7;
}
