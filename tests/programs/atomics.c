/* atomics.c — the A extension: GCC's __atomic/__sync builtins (AMOs and
 * LR/SC loops), explicit amomin/amomax with signed and unsigned order, and
 * LR/SC reservation rules.  64-bit AMOs only exist on RV64, so that part
 * of the output differs per XLEN. */
#include <am.h>
#include <klib.h>
#include <stdint.h>

static volatile int w;

#define AMO(op, addr, val) ({ int old_; \
  asm volatile(op " %0, %2, (%1)" : "=r"(old_) : "r"(addr), "r"(val) : "memory"); old_; })

int main(void) {
  w = 10;
  int old = __atomic_fetch_add(&w, 5, __ATOMIC_SEQ_CST);
  printf("fetch_add: old %d new %d\n", old, w);
  old = __atomic_fetch_sub(&w, 20, __ATOMIC_SEQ_CST);
  printf("fetch_sub: old %d new %d\n", old, w);
  w = 0xf0f0;
  old = __atomic_fetch_and(&w, 0xff00, __ATOMIC_ACQUIRE);
  printf("fetch_and: old %x new %x\n", old, w);
  old = __atomic_fetch_or(&w, 0x000f, __ATOMIC_RELEASE);
  printf("fetch_or: old %x new %x\n", old, w);
  old = __atomic_fetch_xor(&w, 0xffff, __ATOMIC_RELAXED);
  printf("fetch_xor: old %x new %x\n", old, w);
  old = __atomic_exchange_n(&w, 1234, __ATOMIC_ACQ_REL);
  printf("exchange: old %x new %d\n", old, w);

  int expect = 1234;
  int ok = __atomic_compare_exchange_n(&w, &expect, 99, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  printf("cas hit: ok %d value %d\n", ok, w);
  expect = 5;
  ok = __atomic_compare_exchange_n(&w, &expect, 77, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  printf("cas miss: ok %d value %d expected now %d\n", ok, w, expect);
  old = __sync_fetch_and_add(&w, 1);
  ok = __sync_bool_compare_and_swap(&w, 100, 0);
  printf("sync_fetch_and_add: old %d, bool_cas: %d, load: %d\n", old, ok,
         __atomic_load_n(&w, __ATOMIC_SEQ_CST));
  __sync_synchronize();

  /* amomin/amomax compare signed, amominu/amomaxu unsigned: -5 vs 3. */
  int *p = (int *)&w;
  w = -5; old = AMO("amomax.w", p, 3);  printf("amomax: old %d new %d\n", old, w);
  w = -5; old = AMO("amomaxu.w", p, 3); printf("amomaxu: old %d new %d\n", old, w);
  w = -5; old = AMO("amomin.w", p, 3);  printf("amomin: old %d new %d\n", old, w);
  w = -5; old = AMO("amominu.w", p, 3); printf("amominu: old %d new %d\n", old, w);

  /* LR/SC: a store-conditional after a matching load-reserved succeeds
   * (writes 0 to rd); a second one without a new reservation must fail. */
  int sc1, sc2, v;
  w = 40;
  asm volatile("lr.w %0, (%3)\n addi %0, %0, 2\n sc.w %1, %0, (%3)\n sc.w %2, %0, (%3)"
               : "=&r"(v), "=&r"(sc1), "=&r"(sc2) : "r"(p) : "memory");
  printf("lr/sc: value %d, first sc %s, second sc %s\n", w, sc1 ? "failed" : "ok",
         sc2 ? "failed" : "ok");

  /* Counter incremented by a loop of AMOs. */
  w = 0;
  for (int i = 0; i < 1000; i++) __atomic_fetch_add(&w, i, __ATOMIC_RELAXED);
  printf("sum by amoadd: %d\n", w);

#if __riscv_xlen == 64
  static volatile int64_t d = 0x100000000LL;
  int64_t o = __atomic_fetch_add(&d, 0x100000001LL, __ATOMIC_SEQ_CST);
  printf("64-bit fetch_add: old %llx new %llx\n", (long long)o, (long long)d);
  int64_t e64 = 0x200000001LL;
  ok = __atomic_compare_exchange_n(&d, &e64, -1LL, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  printf("64-bit cas: ok %d value %lld\n", ok, (long long)d);
#else
  printf("64-bit atomics: not on RV32\n");
#endif
  return 0;
}
