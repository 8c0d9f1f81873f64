/* bench.h — shared scaffolding of the CPU-bound benchmark guests (bench/).
 *
 * Each guest defines NAME, a default iteration count DEFAULT_ITERS and
 * bench_run(iters), which returns a checksum of everything it computed (so
 * the compiler keeps the work, and rvscope's result can be compared with
 * QEMU's).  Build flags:
 *   -DITERS=N        override the iteration count (short variants)
 *   -DARM_TRIGGERS   arm Sdtrig triggers 0..3 (mcontrol6, load+store, NAPOT
 *                    over one 4 KiB page each) on arrays the program never
 *                    touches, before the timed work: SPEC §7's "armed on
 *                    untouched data" case.
 * Output (UART), one line:
 *   BENCH-RESULT name=NAME iters=N checksum=XXXXXXXX insns=N triggers=N
 * insns is minstret read at the end of the work (instructions retired since
 * reset): exact on rvscope, meaningless on QEMU TCG (host ticks there). */
#ifndef BENCH_H__
#define BENCH_H__
#include <am.h>
#include <klib.h>
#include <stdint.h>

#ifndef ITERS
#define ITERS DEFAULT_ITERS
#endif

#define NOINLINE __attribute__((noinline))

/* A value the compiler cannot see through (keeps loops from being folded). */
static inline uintptr_t opaque(uintptr_t v) { __asm__ volatile("" : "+r"(v)); return v; }

static inline uint64_t rd_instret(void) {
#if __riscv_xlen == 32
  uint32_t hi, lo, hi2;
  do {
    __asm__ volatile("csrr %0, minstreth" : "=r"(hi));
    __asm__ volatile("csrr %0, minstret" : "=r"(lo));
    __asm__ volatile("csrr %0, minstreth" : "=r"(hi2));
  } while (hi != hi2);
  return (uint64_t)hi << 32 | lo;
#else
  uint64_t v;
  __asm__ volatile("csrr %0, minstret" : "=r"(v));
  return v;
#endif
}

/* The plain and the -DARM_TRIGGERS build differ only in this data word, so
 * their code is laid out identically: rvscope's speed depends on where the
 * hot loop sits (see docs/performance.md), and the comparison must not. */
#ifdef ARM_TRIGGERS
#define BENCH_ARM 1
#else
#define BENCH_ARM 0
#endif
static const volatile int bench_arm = BENCH_ARM;

/* Four pages the program never reads or writes: the triggers watch them. */
uint8_t bench_untouched[4][4096] __attribute__((aligned(4096))) = {{1}};

#define MC6_TYPE   ((uintptr_t)6 << (__riscv_xlen - 4))
#define MC6_NAPOT  (1u << 7)            /* match = 1 */
#define MC6_M      (1u << 6)
#define MC6_S      (1u << 4)
#define MC6_U      (1u << 3)
#define MC6_STORE  (1u << 1)
#define MC6_LOAD   (1u << 0)

static int arm_triggers(void) {
  int armed = 0;
  if (!bench_arm)
    return 0;
  for (uintptr_t i = 0; i < 4; i++) {
    uintptr_t sel, t1, want = MC6_TYPE | MC6_NAPOT | MC6_M | MC6_S | MC6_U | MC6_STORE | MC6_LOAD;
    uintptr_t t2 = (uintptr_t)bench_untouched[i] | 0x7ff;   /* NAPOT: 4 KiB */
    __asm__ volatile("csrw tselect, %0" :: "r"(i));
    __asm__ volatile("csrr %0, tselect" : "=r"(sel));
    if (sel != i) break;
    __asm__ volatile("csrw tdata1, zero");
    __asm__ volatile("csrw tdata2, %0" :: "r"(t2));
    __asm__ volatile("csrw tdata1, %0" :: "r"(want));
    __asm__ volatile("csrr %0, tdata1" : "=r"(t1));
    if ((t1 >> (__riscv_xlen - 4)) == 6 && (t1 & (MC6_STORE | MC6_LOAD)) == (MC6_STORE | MC6_LOAD))
      armed++;
  }
  return armed;
}

/* Targets for the monitor-armed variants of `make bench` (bench/run.sh
 * finds them with nm): eight breakpoint sites in code that never runs, on
 * a page of their own, and four pages of data nobody reads or writes. */
__asm__(".pushsection .text.bench_cold, \"ax\", @progbits\n"
        ".option push\n.option norvc\n"
        ".balign 4096\n.globl bench_cold\nbench_cold:\n"
        ".rept 8\naddi a0, a0, 1\nret\n.endr\n"
        ".balign 4096\n.option pop\n.popsection\n");
extern void bench_cold(void);
uintptr_t bench_watch[4][4096 / sizeof(uintptr_t)] __attribute__((aligned(4096))) = {{1}};

static uint32_t bench_run(uint32_t iters);

int main(void) {
  if (opaque(0)) {             /* never taken: keeps the targets linked */
    bench_cold();
    bench_watch[0][0]++;
    bench_untouched[0][0]++;
  }
  int armed = arm_triggers();
  uint32_t sum = bench_run((uint32_t)opaque(ITERS));
  uint64_t n = rd_instret();
  printf("BENCH-RESULT name=%s iters=%u checksum=%08x insns=%llu triggers=%d\n",
         NAME, (unsigned)ITERS, (unsigned)sum, (unsigned long long)n, armed);
  return 0;
}

/* A small LCG and a mixer, for data. */
static inline uint32_t lcg(uint32_t *s) { *s = *s * 1664525u + 1013904223u; return *s; }
#endif
