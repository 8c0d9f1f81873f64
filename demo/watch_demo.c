/* watch_demo.c — a guest that watches one of its own variables with a
 * hardware trigger, the way seed 001 task 3 does: trigger 0 becomes an
 * mcontrol6 store trigger on &balance with action 0 (breakpoint
 * exception), and the CTE handler reports every store that hits it.
 *
 * On rvscope the trigger fires immediately after the store (hit = 3,
 * mepc = the next instruction, mtval = the address written), never while
 * the handler runs (mstatus.MIE = 0 there), and writing 0 to tdata1
 * disarms it.  Exit status 0 when every watched store was reported. */
#include <am.h>
#include <klib.h>

#define MCONTROL6_TYPE   (6UL << (__riscv_xlen - 4))
#define MCONTROL6_M      (1UL << 6)   /* fire in M mode */
#define MCONTROL6_STORE  (1UL << 1)
#define MCONTROL6_HIT(x) ((((x) >> 24) & 2) | (((x) >> 22) & 1))
#define MSTATUS_MIE      (1UL << 3)

static volatile int balance, neighbour;
static int hits;
static uintptr_t last_epc;

static Context *handler(Event ev, Context *c) {
  if (ev.event != EVENT_BREAKPOINT) {
    printf("unexpected event %d (mcause %d)\n", ev.event, (int)ev.cause);
    halt(1);
  }
  hits++;
  printf("  >> trigger hit #%d: balance = %d, store to %p, resuming at %p, hit = %d\n",
         hits, balance, (void *)ev.ref, (void *)c->mepc, (int)MCONTROL6_HIT(c->mcontrol6));
  /* A machine that fires *before* the store (QEMU 7.2) would return to the
   * store and fire again forever: disarm the trigger if that happens (also
   * by moving tdata2 away, since QEMU 7.2 ignores tdata1 = 0). */
  if (c->mepc == last_epc) {
    printf("  >> fired twice at the same pc: this machine fires before the store; disarming\n");
    c->mcontrol6 = 0;
    c->tdata2 = 0;
  }
  last_epc = c->mepc;
  c->mcontrol6 &= ~(3UL << 24 | 1UL << 22);  /* clear hit for the next one */
  return c;
}

static void deposit(int amount) {
  printf("deposit %d\n", amount);
  balance += amount;
  last_epc = 0;
}

int main(void) {
  cte_init(handler);
  uintptr_t tdata1 = MCONTROL6_TYPE | MCONTROL6_M | MCONTROL6_STORE;  /* action 0, match 0 */
  printf("watch_demo: watching &balance = %p with trigger 0 (mcontrol6 = %p)\n",
         (void *)&balance, (void *)tdata1);
  /* Debug Spec's safe sequence: disable, set the address, then enable. */
  asm volatile("csrw tselect, zero\n"
               "csrw tdata1, zero\n"
               "csrw tdata2, %1\n"
               "csrw tdata1, %0" : : "r"(tdata1), "r"(&balance) : "memory");
  /* Action-0 triggers only fire in M mode while mstatus.MIE = 1. */
  asm volatile("csrs mstatus, %0" : : "r"(MSTATUS_MIE));

  deposit(100);
  deposit(250);
  printf("neighbour = 7 (a store next to balance: no hit)\n");
  neighbour = 7;
  printf("withdraw 75\n");
  balance -= 75;
  last_epc = 0;

  asm volatile("csrw tdata1, zero" : : : "memory");
  printf("trigger disarmed; deposit 5 (no hit)\n");
  balance += 5;

  printf("balance = %d after 4 stores; %d trigger hits for the 3 watched ones: %s\n",
         balance, hits, hits == 3 ? "PASS" : "FAIL");
  return hits == 3 ? 0 : 1;
}
