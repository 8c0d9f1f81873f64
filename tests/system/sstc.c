/* Sstc: with menvcfg.STCE the supervisor timer comes from stimecmp (no M-mode
 * help). S mode arms stimecmp, takes three delegated supervisor timer
 * interrupts and checks each came no earlier than its deadline. */
#include "lib.h"

#define STI_CAUSE ((1UL << (XLEN - 1)) | 5)
#define PERIOD 5000

static volatile int ticks;
static volatile int early;
static uint64_t deadline;

static uint64_t read_time(void)
{
#if XLEN == 32
    uint32_t hi, lo;
    do {
        hi = csrr(timeh);
        lo = csrr(time);
    } while (hi != csrr(timeh));
    return (uint64_t)hi << 32 | lo;
#else
    return csrr(time);
#endif
}

static void set_stimecmp(uint64_t v)
{
#if XLEN == 32
    csrw(stimecmph, 0xffffffffUL);     /* no spurious interrupt in between */
    csrw(stimecmp, (uint32_t)v);
    csrw(stimecmph, (uint32_t)(v >> 32));
#else
    csrw(stimecmp, v);
#endif
}

__attribute__((interrupt("supervisor"), aligned(4))) static void s_trap(void)
{
    if (csrr(scause) != STI_CAUSE) {
        printf("sstc: unexpected scause %lx sepc %lx\n", csrr(scause), csrr(sepc));
        exit(3);
    }
    if (read_time() < deadline)
        early++;
    /* After the third tick the timer is switched off: on QEMU, whose clock
     * is the host's, a late tick can leave the next deadline already past,
     * and the catch-up interrupts would count more ticks than asked for. */
    if (++ticks >= 3) {
        set_stimecmp(~0ULL);         /* also clears STIP */
        return;
    }
    deadline += PERIOD;
    set_stimecmp(deadline);
}

static void s_main(void)
{
    csrw(stvec, (unsigned long)s_trap);
    deadline = read_time() + PERIOD;
    set_stimecmp(deadline);
    csrs(sie, 1UL << 5);             /* STIE */
    csrs(sstatus, MSTATUS_SIE);
    while (ticks < 3)
        asm volatile("wfi");
    csrc(sstatus, MSTATUS_SIE);
    printf("sstc: %d ticks in S mode, %d early\n", ticks, early);
    exit(early ? 1 : 0);
}

int main(void)
{
#if XLEN == 32
    csrs(menvcfgh, 1UL << 31);       /* STCE */
    printf("sstc: STCE %s\n", (csrr(menvcfgh) >> 31) ? "set" : "missing");
#else
    csrs(menvcfg, 1UL << 63);
    printf("sstc: STCE %s\n", (csrr(menvcfg) >> 63) ? "set" : "missing");
#endif
    csrs(mcounteren, 2);             /* TM: S mode may read time */
    csrs(mideleg, 1UL << 5);         /* STI to S mode */
    /* QEMU enforces PMP: allow S mode everything. */
    csrw(pmpaddr0, ~0UL);
    csrw(pmpcfg0, 0x1f);
    unsigned long ms = csrr(mstatus);
    ms = (ms & ~MSTATUS_MPP) | (1UL << 11);
    csrw(mstatus, ms);
    csrw(mepc, (unsigned long)s_main);
    asm volatile("mret");
    return 1;
}
