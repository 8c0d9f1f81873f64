/* smp — four harts (run with --harts 4; QEMU -smp 4). Every hart enters
 * _start with a0 = hartid. Harts 1-3 sleep in WFI until hart 0 wakes each
 * with an IPI (CLINT msip, a machine software interrupt). Then all four
 * increment shared counters: with amoadd.w, with an LR/SC loop, and under
 * a spinlock made of amoswap.w.aq / amoswap.w.rl (a plain load and store
 * inside). Finally hart 3 sends hart 0 an IPI and hart 0 prints the totals.
 * expected exit status: 0 */
#include "lib.h"

#define NHARTS 4
#define ROUNDS 20000

static volatile uint32_t amo_count, lrsc_count, locked_count, lock;
static volatile uint32_t arrived, finished;
static volatile unsigned long a0_seen[NHARTS], mhartid_seen[NHARTS], cause_seen[NHARTS];
static volatile int woken[NHARTS];

static void msip(unsigned hart, uint32_t v) { wr32(CLINT + 4 * hart, v); }

__attribute__((interrupt("machine"), aligned(4))) static void on_trap(void)
{
  unsigned long cause = csrr(mcause), me = csrr(mhartid);
  if (cause >> (XLEN - 1) && (cause & 0xff) == 3) {
    msip(me, 0);                       /* acknowledge the IPI */
    cause_seen[me] = cause;
    woken[me] = 1;
    return;
  }
  printf("hart %lu: unexpected trap mcause=%lx mepc=%lx\n", me, cause, csrr(mepc));
  exit(3);
}

static void wait_for_ipi(unsigned long me)
{
  csrw(mtvec, (uintptr_t)on_trap);
  csrs(mie, MIP_MSIP);
  for (;;) {
    csrc(mstatus, MSTATUS_MIE);
    if (woken[me])
      break;
    asm volatile("wfi");
    csrs(mstatus, MSTATUS_MIE);       /* take the interrupt */
  }
  csrc(mie, MIP_MSIP);
}

static void work(void)
{
  for (int i = 0; i < ROUNDS; i++) {
    __atomic_fetch_add(&amo_count, 1, __ATOMIC_RELAXED);   /* amoadd.w */
    uint32_t old, fail;
    /* A wide LR..SC window (a constrained loop allows 16 instructions), so
     * that another hart's turn often falls inside it. */
    asm volatile("1: lr.w %0, (%2)\n"
                 "   addi %0, %0, 3\n   addi %0, %0, -1\n   addi %0, %0, 2\n"
                 "   addi %0, %0, -1\n  addi %0, %0, -2\n   addi %0, %0, 4\n"
                 "   addi %0, %0, -3\n  addi %0, %0, 1\n    addi %0, %0, -2\n"
                 "   sc.w %1, %0, (%2)\n"
                 "   bnez %1, 1b"
                 : "=&r"(old), "=&r"(fail) : "r"(&lrsc_count) : "memory");
    while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE))  /* amoswap.w.aq */
      ;
    locked_count = locked_count + 1;                         /* plain lw / sw */
    __atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
  }
}

void secondary_main(unsigned long a0)
{
  unsigned long me = csrr(mhartid);
  a0_seen[me] = a0;
  mhartid_seen[me] = me;
  __atomic_fetch_add(&arrived, 1, __ATOMIC_SEQ_CST);
  wait_for_ipi(me);
  work();
  __atomic_fetch_add(&finished, 1, __ATOMIC_SEQ_CST);
  if (me == NHARTS - 1) {
    while (__atomic_load_n(&finished, __ATOMIC_SEQ_CST) != NHARTS - 1)
      ;
    msip(0, 1);                        /* tell hart 0 everyone is done */
  }
  for (;;)
    asm volatile("wfi");
}

int main(unsigned long a0)
{
  a0_seen[0] = a0;
  mhartid_seen[0] = csrr(mhartid);
  printf("smp: hart 0 up\n");
  while (__atomic_load_n(&arrived, __ATOMIC_SEQ_CST) != NHARTS - 1)
    ;
  printf("harts arrived: %u\n", arrived);
  for (unsigned h = 1; h < NHARTS; h++)
    msip(h, 1);
  work();
  wait_for_ipi(0);                     /* hart 3's IPI: all done */
  for (unsigned h = 0; h < NHARTS; h++)
    printf("hart %u: a0=%lu mhartid=%lu ipi mcause interrupt=%d code=%d\n", h, a0_seen[h],
           mhartid_seen[h], (int)(cause_seen[h] >> (XLEN - 1)), (int)(cause_seen[h] & 0xff));
  printf("amoadd: %u (want %u)\n", amo_count, NHARTS * ROUNDS);
  printf("lr/sc: %u (want %u)\n", lrsc_count, NHARTS * ROUNDS);
  printf("spinlock: %u (want %u)\n", locked_count, NHARTS * ROUNDS);
  int ok = amo_count == NHARTS * ROUNDS && lrsc_count == NHARTS * ROUNDS &&
           locked_count == NHARTS * ROUNDS;
  printf("smp: %s\n", ok ? "done" : "FAILED");
  return ok ? 0 : 1;
}
