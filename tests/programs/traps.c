/* traps.c — CTE: every synchronous trap the runtime turns into an Event.
 * yield() -> EVENT_YIELD (runtime advances mepc), ecall -> EVENT_SYSCALL
 * (handler advances mepc and returns a value in a0), ebreak/c.ebreak ->
 * EVENT_BREAKPOINT, illegal instructions (16-bit 0x0000 and a write to the
 * read-only cycle CSR) -> EVENT_ERROR; then two kcontext threads switched
 * by returning another Context from the handler on yield. */
#include <am.h>
#include <klib.h>
#include <klib-macros.h>

static int nyield, nsys, nbrk, nerr;
static Context *main_ctx, *thread_ctx[2];
static int cur = -1, finished;  /* cur: running thread, -1 = main */

/* Length of the instruction at pc: 16-bit unless the low bits are 11. */
static int insn_len(uintptr_t pc) {
  return (*(volatile uint16_t *)pc & 3) == 3 ? 4 : 2;
}

static Context *handler(Event ev, Context *c) {
  switch (ev.event) {
  case EVENT_YIELD:
    nyield++;
    if (cur == -1 && thread_ctx[0] && !finished) {  /* main starts the threads */
      main_ctx = c;
      cur = 0;
      return thread_ctx[0];
    }
    if (cur >= 0) {
      thread_ctx[cur] = c;
      if (finished == 2) { cur = -1; return main_ctx; }
      cur ^= 1;
      return thread_ctx[cur];
    }
    printf("yield: cause=%d a7=%d\n", (int)ev.cause, (int)c->GPR1);
    break;
  case EVENT_SYSCALL:
    nsys++;
    printf("syscall %d(%d, %d): cause=%d\n", (int)c->GPR1, (int)c->GPR2, (int)c->GPR3, (int)ev.cause);
    c->GPRx = c->GPR2 * c->GPR3;
    c->mepc += 4;
    break;
  case EVENT_BREAKPOINT:
    nbrk++;
    printf("breakpoint: cause=%d, %d-byte ebreak\n", (int)ev.cause, insn_len(c->mepc));
    c->mepc += insn_len(c->mepc);
    break;
  case EVENT_ERROR:
    nerr++;
    printf("error: cause=%d, %d-byte instruction\n", (int)ev.cause, insn_len(c->mepc));
    c->mepc += insn_len(c->mepc);
    break;
  default:
    printf("unexpected event %d cause %d\n", ev.event, (int)ev.cause);
    halt(3);
  }
  return c;
}

static long syscall2(long n, long a, long b) {
  register long a7 asm("a7") = n, a0 asm("a0") = a, a1 asm("a1") = b;
  asm volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1) : "memory");
  return a0;
}

static void thread(void *arg) {
  for (int i = 0; i < 3; i++) {
    printf("thread %s step %d\n", (const char *)arg, i);
    yield();
  }
  finished++;
  for (;;) yield();  /* the last one to finish hands control back to main */
}

int main(void) {
  cte_init(handler);

  yield();
  yield();
  printf("after 2 yields: %d\n", nyield);

  long r = syscall2(7, 6, 7);
  printf("syscall returned %ld\n", r);
  r = syscall2(1, -3, 5);
  printf("syscall returned %ld\n", r);

  asm volatile("ebreak");            /* the assembler emits c.ebreak with RVC */
  asm volatile(".option push\n.option norvc\nebreak\n.option pop");

  asm volatile(".2byte 0");          /* all-zero: defined illegal */
  asm volatile("csrw cycle, zero");  /* cycle is read-only */

  uintptr_t v;
  asm volatile("csrw mscratch, %1\ncsrr %0, mscratch" : "=r"(v) : "r"((uintptr_t)0x5a5a));
  printf("mscratch = %x\n", (unsigned)v);

  static char stacks[2][4096] __attribute__((aligned(16)));
  thread_ctx[0] = kcontext(RANGE(stacks[0], stacks[0] + 4096), thread, "A");
  thread_ctx[1] = kcontext(RANGE(stacks[1], stacks[1] + 4096), thread, "B");
  nyield = 0;
  yield();
  printf("back in main after %d yields\n", nyield);
  printf("counts: yield %d, syscall %d, breakpoint %d, error %d\n", nyield, nsys, nbrk, nerr);
  return 0;
}
