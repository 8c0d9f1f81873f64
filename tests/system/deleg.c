/* Trap delegation: with medeleg, ecalls and illegal instructions from U mode
 * go to the S-mode handler (scause, sepc, stval, sstatus.SPP/SPIE); a cause
 * that is not delegated (ebreak) still goes to M mode, from U. */
#include "lib.h"

static volatile unsigned long s_cause[4], s_tval[4], s_spp[4];
static volatile int s_traps;
static volatile unsigned long m_cause, m_mpp;

/* Called from the third S-mode trap (the last ecall): print what happened. */
static void report(void)
{
    const char *name[] = { "ecall from U", "illegal instruction", "ecall from U" };
    for (int i = 0; i < 3; i++)
        printf("deleg: S trap %d: scause %lu (%s), SPP %lu%s\n", i, s_cause[i], name[i], s_spp[i],
               i == 1 ? (s_tval[i] == 0xffffffffUL ? ", stval = the instruction" : ", stval WRONG") : "");
    printf("deleg: M trap: mcause %lu (breakpoint), from mode %lu\n", m_cause, m_mpp);
    int ok = s_cause[0] == 8 && s_cause[1] == 2 && s_cause[2] == 8 && s_tval[1] == 0xffffffffUL &&
             !s_spp[0] && !s_spp[1] && m_cause == 3 && m_mpp == 0;
    exit(ok ? 0 : 1);
}

__attribute__((interrupt("supervisor"), aligned(4))) static void s_trap(void)
{
    int i = s_traps++;
    if (i < 4) {
        s_cause[i] = csrr(scause);
        s_tval[i] = csrr(stval);
        s_spp[i] = (csrr(sstatus) >> 8) & 1;
    }
    if (i == 2)
        report();
    unsigned long epc = csrr(sepc);
    csrw(sepc, epc + ((*(volatile uint16_t *)epc & 3) == 3 ? 4 : 2));
}

__attribute__((interrupt("machine"), aligned(4))) static void m_trap(void)
{
    m_cause = csrr(mcause);
    m_mpp = (csrr(mstatus) >> 11) & 3;
    unsigned long epc = csrr(mepc);
    csrw(mepc, epc + ((*(volatile uint16_t *)epc & 3) == 3 ? 4 : 2));
}

static void u_main(void)
{
    asm volatile("li a7, 1; ecall" ::: "a7");
    asm volatile(".word 0xffffffff");          /* illegal */
    asm volatile(".option push; .option norvc; ebreak; .option pop");
    asm volatile("li a7, 2; ecall" ::: "a7");   /* back to S, which ends the test */
    for (;;) ;
}

static void s_main(void)
{
    csrw(stvec, (unsigned long)s_trap);
    unsigned long ss = csrr(sstatus);
    csrw(sstatus, ss & ~(1UL << 8));            /* SPP = U */
    csrw(sepc, (unsigned long)u_main);
    asm volatile("sret");
}

int main(void)
{
    csrw(mtvec, (unsigned long)m_trap);
    csrw(medeleg, (1UL << 8) | (1UL << 2));    /* ecall from U, illegal instruction */
    csrw(pmpaddr0, ~0UL);                      /* QEMU enforces PMP */
    csrw(pmpcfg0, 0x1f);
    printf("deleg: medeleg = %lx\n", csrr(medeleg) & 0x104);
    unsigned long ms = (csrr(mstatus) & ~MSTATUS_MPP) | (1UL << 11);
    csrw(mstatus, ms);
    csrw(mepc, (unsigned long)s_main);
    asm volatile("mret");                      /* to S; the test ends in report() */
    return 1;
}
