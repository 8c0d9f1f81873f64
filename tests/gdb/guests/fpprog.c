/* A guest built as the toolchains build courses' kernels, -march=rv64gc
 * -mabi=lp64d (rv32gc/ilp32d): its ELF says "double-float ABI", which GDB
 * only accepts from a target whose description has FLEN 8. No runtime
 * (that is built soft-float): its own start enables the FPU (mstatus.FS). */
__attribute__((naked, section(".text.entry"))) void _start(void)
{
    __asm__ volatile(
        "la sp, stack_top + 4096\n"
        "li t0, 0x2000\n"           /* mstatus.FS = Initial */
        "csrs mstatus, t0\n"
        "call main\n"
        "1: j 1b\n");
}

char stack_top[4096] __attribute__((aligned(16)));

volatile double result;

/* Called with a = 1.5 in fa0 and b = 2.25f (NaN-boxed) in fa1. */
__attribute__((noinline)) void stop_here(double a, float b)
{
    result = a * b;
}

int main(void)
{
    stop_here(1.5, 2.25f);
    stop_here(result, -0.5f);
    for (;;)
        ;
}
