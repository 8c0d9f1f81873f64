/* gdbprog.c — the guest tests/gdb/run.sh debugs: a function to finish out
 * of, globals written, read and accessed once each (watch, rwatch,
 * awatch), a compressed and a 32-bit instruction at known labels (stepi),
 * and a loop that spins while GDB asks it to (break-in). */
#include <am.h>
#include <klib.h>

volatile long global = 1;        /* watch: 1 -> 5 */
volatile long rglobal = 7;       /* rwatch */
volatile long aglobal = 3;       /* awatch: read, then 3 -> 8 */
volatile int spin_forever = 0;   /* GDB sets it to 1 for the break-in test */
volatile int want_ebreak = 0;    /* GDB sets it to 1 for the guest-ebreak test */
volatile long spins;

__attribute__((noinline)) long add(long a, long b)
{
  return a + b;
}

/* step_c: a 2-byte instruction, step_w: a 4-byte one, step_end after. */
__attribute__((noinline)) long steps(long v)
{
  register long a0 asm("a0") = v;
  asm volatile(".globl step_c\n"
               "step_c: c.addi a0, 1\n"
               ".option push\n"
               ".option norvc\n"
               ".globl step_w\n"
               "step_w: addi a0, a0, 2\n"
               ".option pop\n"
               ".globl step_end\n"
               "step_end: nop\n"
               : "+r"(a0));
  return a0;
}

int main(void)
{
  long r = add(2, 3);
  global = r;
  long x = rglobal;
  aglobal = aglobal + x - 2;
  r = steps(r);
  if (want_ebreak)
    asm volatile("ebreak");
  while (spin_forever)
    spins++;
  printf("done %ld %ld %ld\n", global, x, r);
  return 0;
}
