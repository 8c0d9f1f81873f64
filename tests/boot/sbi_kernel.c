/* A small S-mode kernel started by OpenSBI (--bios fw_jump.elf/fw_dynamic.elf
 * --kernel sbi_kernel.elf, 2 harts). It uses the SBI calls a teaching
 * kernel uses and checks what they did: console output, the base
 * extension, timer interrupts, HSM hart start/status/stop, IPIs, PMP
 * (OpenSBI's own memory must fault for S mode), the goldfish RTC, and
 * system reset. Prints "sbi: ..." lines (compared with sbi_kernel.expected
 * and with QEMU's run); hart ids are not printed, since on QEMU fw_jump's
 * boot hart is whichever wins its lottery. */
#include <stdint.h>

#define EXT_BASE 0x10
#define EXT_TIME 0x54494D45
#define EXT_IPI  0x735049
#define EXT_HSM  0x48534D
#define EXT_SRST 0x53525354
#define EXT_RFNC 0x52464E43
#define HSM_STARTED 0
#define HSM_STOPPED 1

struct sbiret { long error, value; };

static struct sbiret sbi(long ext, long fid, long a0, long a1, long a2)
{
    register long r0 asm("a0") = a0, r1 asm("a1") = a1, r2 asm("a2") = a2;
    register long r6 asm("a6") = fid, r7 asm("a7") = ext;
    asm volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
    return (struct sbiret){ r0, r1 };
}

static void putc_(char c) { sbi(1, 0, c, 0, 0); }     /* legacy console putchar */
static void puts_(const char *s) { while (*s) putc_(*s++); }
static void say(const char *what, int ok)
{
    puts_("sbi: ");
    puts_(what);
    puts_(ok ? ": ok\n" : ": FAIL\n");
}

static inline uint64_t rdtime(void) { uint64_t t; asm volatile("rdtime %0" : "=r"(t)); return t; }
#define csr_set(r, v) asm volatile("csrs " #r ", %0" :: "r"(v))
#define csr_clear(r, v) asm volatile("csrc " #r ", %0" :: "r"(v))

static volatile long timer_irqs, soft_irqs, exc_cause = -1, exc_tval;
static volatile long sec_hart = -1, sec_opaque, sec_ipi;

void __attribute__((interrupt("supervisor"), aligned(4))) strap(void)
{
    long cause, tval, epc;
    asm volatile("csrr %0, scause; csrr %1, stval; csrr %2, sepc" : "=r"(cause), "=r"(tval), "=r"(epc));
    if (cause == (long)(1ul << 63 | 5)) {
        timer_irqs++;
        sbi(EXT_TIME, 0, -1, 0, 0);              /* no next deadline */
    } else if (cause == (long)(1ul << 63 | 1)) {
        soft_irqs++;
        csr_clear(sip, 2);
    } else {
        exc_cause = cause;
        exc_tval = tval;
        asm volatile("csrw sepc, %0" :: "r"(epc + 4));   /* the faulting load is 4 bytes */
    }
}

/* The second hart, started by hart_start: reports, waits for an IPI, stops. */
void secondary(long hartid, long opaque)
{
    csr_set(sie, 2);                             /* SSIE */
    csr_set(sstatus, 2);                         /* SIE */
    sec_opaque = opaque;
    sec_hart = hartid;
    while (!soft_irqs)
        asm volatile("wfi");
    sec_ipi = 1;
    sbi(EXT_HSM, 1, 0, 0, 0);                    /* hart_stop: does not return */
    puts_("sbi: hart_stop returned: FAIL\n");
}

static long load_word(uintptr_t a)
{
    long v;
    asm volatile(".option push; .option norvc; lw %0, 0(%1); .option pop" : "=r"(v) : "r"(a));
    return v;
}

void kmain(long hartid, long dtb)
{
    puts_("sbi: hello from S mode\n");
    struct sbiret r = sbi(EXT_BASE, 0, 0, 0, 0);
    say("base: spec version >= 0.2", !r.error && r.value >= 2);
    say("base: device tree in a1", dtb && *(volatile uint32_t *)dtb == 0xedfe0dd0);
    long exts[] = { EXT_TIME, EXT_IPI, EXT_HSM, EXT_SRST, EXT_RFNC };
    const char *names[] = { "base: probe TIME", "base: probe IPI", "base: probe HSM",
                            "base: probe SRST", "base: probe RFENCE" };
    for (int i = 0; i < 5; i++) {
        r = sbi(EXT_BASE, 3, exts[i], 0, 0);
        say(names[i], !r.error && r.value != 0);
    }
    r = sbi(EXT_BASE, 3, 0x12345678, 0, 0);
    say("base: probe of an unknown extension is 0", !r.error && r.value == 0);

    /* Timer: one interrupt, not before the deadline (10 ms). STIE only
     * after set_timer: with Sstc, stimecmp is 0 until then and the timer
     * is pending from the start. */
    uint64_t t0 = rdtime(), deadline = t0 + 100000;
    r = sbi(EXT_TIME, 0, (long)deadline, 0, 0);
    csr_set(sie, 1 << 5);
    csr_set(sstatus, 2);
    while (!timer_irqs)
        asm volatile("wfi");
    say("timer: set_timer returned 0", !r.error);
    say("timer: one interrupt at or after the deadline", timer_irqs == 1 && rdtime() >= deadline);

    /* HSM: start the other hart, send it an IPI, see it stop. */
    long other = hartid ^ 1;
    r = sbi(EXT_HSM, 2, other, 0, 0);
    say("hsm: the other hart is stopped", !r.error && r.value == HSM_STOPPED);
    extern char secondary_entry[];
    r = sbi(EXT_HSM, 0, other, (long)secondary_entry, 0x1234);
    say("hsm: hart_start returned 0", !r.error);
    while (sec_hart < 0)
        ;
    say("hsm: the hart runs with a0 = its id and a1 = opaque", sec_hart == other && sec_opaque == 0x1234);
    r = sbi(EXT_HSM, 2, other, 0, 0);
    say("hsm: its status is started", !r.error && r.value == HSM_STARTED);
    r = sbi(EXT_IPI, 0, 1, other, 0);
    say("ipi: send_ipi returned 0", !r.error);
    while (!sec_ipi)
        ;
    say("ipi: the other hart took a supervisor software interrupt", 1);
    do
        r = sbi(EXT_HSM, 2, other, 0, 0);
    while (!r.error && r.value != HSM_STOPPED);
    say("hsm: hart_stop stopped it", !r.error && r.value == HSM_STOPPED);
    r = sbi(EXT_HSM, 0, hartid, (long)secondary_entry, 0);
    say("hsm: starting a running hart fails", r.error != 0);

    /* PMP: OpenSBI protects its own memory from S mode. */
    load_word(0x80200000);
    say("pmp: the kernel's own memory reads", exc_cause == -1);
    load_word(0x80000000);
    say("pmp: OpenSBI's memory faults (load access fault)", exc_cause == 5 && exc_tval == 0x80000000);

    /* Goldfish RTC: reading the low half latches the high half. */
    volatile uint32_t *rtc = (volatile uint32_t *)0x101000;
    uint64_t lo = rtc[0], ns = (uint64_t)rtc[1] << 32 | lo;
    say("rtc: the date is after 2020", ns > 1577836800ull * 1000000000ull);

    puts_("sbi: system reset (shutdown)\n");
    sbi(EXT_SRST, 0, 0, 0, 0);
    puts_("sbi: system_reset returned: FAIL\n");
}
