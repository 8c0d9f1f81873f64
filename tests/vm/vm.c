/* Page-walk tests for Sv39 (RV64) and Sv32 (RV32): the cases run in S mode
 * under a page table built here; the M-mode handler records each fault's
 * cause and tval and skips the faulting instruction. Every line printed is
 * checked against vm.expected and against QEMU. */
#include <am.h>
#include <klib.h>
#include <klib-macros.h>

#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_A 0x40
#define PTE_D 0x80
#define MSTATUS_SUM (1ul << 18)
#define MSTATUS_MXR (1ul << 19)

#if __riscv_xlen == 64
typedef uint64_t pte_t;
#define LEVELS 3
#define NPTE 512
#define SATP_MODE (8ul << 60)
#define SUPER_OFF(p) ((uintptr_t)(p) & 0x1ffffful)   /* offset in a 2 MiB page */
#else
typedef uint32_t pte_t;
#define LEVELS 2
#define NPTE 1024
#define SATP_MODE (1ul << 31)
#define SUPER_OFF(p) ((uintptr_t)(p) & 0x3ffffful)   /* offset in a 4 MiB page */
#endif

static pte_t root[NPTE] __attribute__((aligned(4096)));
static pte_t mid[NPTE] __attribute__((aligned(4096), unused));   /* Sv39 only */
static pte_t leaf[NPTE] __attribute__((aligned(4096)));
static uint8_t pages[8][4096] __attribute__((aligned(4096)));

#define TEST_VA 0x40000000ul
#define PAGE(i) (TEST_VA + (i) * 4096ul)

static pte_t pte(uintptr_t pa, unsigned flags) { return (pte_t)((pa >> 12) << 10) | flags; }

static volatile uintptr_t last_cause, last_tval;
static volatile int faults;
static int failures;

static unsigned insn_len(uintptr_t pc) { return (*(volatile uint16_t *)pc & 3) == 3 ? 4 : 2; }

static Context *handler(Event ev, Context *c)
{
    if (c->mcause == 9) {                  /* ecall from S: the cases are done */
        printf("vm: %d failure(s)\n", failures);
        halt(failures);
    }
    last_cause = c->mcause;
    last_tval = ev.ref;
    faults++;
    if (c->mcause == 12)
        c->mepc = c->gpr[1];               /* fetch fault: return to the caller */
    else
        c->mepc += insn_len(c->mepc);
    (void)ev;
    return c;
}

/* Expect a fault with this cause at this address (cause 0 = no fault). */
static void expect(int n, const char *what, uintptr_t cause, uintptr_t tval)
{
    bool ok = cause ? (faults == 1 && last_cause == cause && last_tval == tval) : faults == 0;
    printf("case %d %s: %s\n", n, what, ok ? "ok" : "FAIL");
    if (!ok) {
        printf("  faults=%d cause=%d tval=%p\n", faults, (int)last_cause, (void *)last_tval);
        failures++;
    }
    faults = 0;
    last_cause = last_tval = 0;
}

static uintptr_t rd(uintptr_t va) { return *(volatile uintptr_t *)va; }
static void wr(uintptr_t va, uintptr_t v) { *(volatile uintptr_t *)va = v; }
static void set_sstatus(uintptr_t bits) { asm volatile("csrs sstatus, %0" :: "r"(bits)); }
static void clr_sstatus(uintptr_t bits) { asm volatile("csrc sstatus, %0" :: "r"(bits)); }

static void s_mode_cases(void)
{
    pte_t *p0 = &leaf[0];
    wr(PAGE(0), 0x1234);
    expect(1, "write through a RW page", 0, 0);
    expect(2, "read it back", rd(PAGE(0)) == 0x1234 && rd((uintptr_t)pages[0]) == 0x1234 ? 0 : 99, 0);
    expect(3, "hardware set A and D", (*p0 & (PTE_A | PTE_D)) == (PTE_A | PTE_D) ? 0 : 99, 0);
    (void)rd(PAGE(1));
    expect(4, "read-only page: read", 0, 0);
    expect(5, "read-only page: A set, D clear", (leaf[1] & (PTE_A | PTE_D)) == PTE_A ? 0 : 99, 0);
    wr(PAGE(1), 1);
    expect(6, "read-only page: write faults", 15, PAGE(1));
    (void)rd(PAGE(2) + 8);
    expect(7, "invalid PTE: load page fault", 13, PAGE(2) + 8);
    (void)rd(PAGE(3));
    expect(8, "U page from S without SUM", 13, PAGE(3));
    set_sstatus(MSTATUS_SUM);
    (void)rd(PAGE(3));
    expect(9, "U page from S with SUM", 0, 0);
    clr_sstatus(MSTATUS_SUM);
    (void)rd(PAGE(4));
    expect(10, "execute-only page: read without MXR", 13, PAGE(4));
    set_sstatus(MSTATUS_MXR);
    (void)rd(PAGE(4));
    expect(11, "execute-only page: read with MXR", 0, 0);
    clr_sstatus(MSTATUS_MXR);
    ((void (*)(void))PAGE(5))();
    expect(12, "fetch from a page without X", 12, PAGE(5));
    ((void (*)(void))PAGE(4))();
    expect(13, "fetch from an execute-only page", 0, 0);
    (void)rd(TEST_VA + 0x400000ul + 0x10);
    expect(14, "misaligned superpage leaf", 13, TEST_VA + 0x400000ul + 0x10);
    expect(15, "aligned superpage maps like identity",
           rd(TEST_VA + 0x800000ul + SUPER_OFF(pages)) == 0x1234 ? 0 : 99, 0);
#if __riscv_xlen == 64
    (void)rd(0x0000008000000000ul);
    expect(16, "non-canonical Sv39 address", 13, 0x0000008000000000ul);
#endif
    wr(PAGE(6), 5);
    expect(17, "write to a page with only W (reserved)", 15, PAGE(6));
    asm volatile("ecall");
}

int main(void)
{
    cte_init(handler);
    uintptr_t ram = 0x80000000ul;
#if __riscv_xlen == 64
    root[0] = pte(0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D);                      /* devices, 1 GiB */
    root[2] = pte(ram, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D);            /* RAM, 1 GiB */
    root[1] = pte((uintptr_t)mid, PTE_V);                                         /* test region */
    mid[0] = pte((uintptr_t)leaf, PTE_V);
    mid[2] = pte(ram + 4096, PTE_V | PTE_R | PTE_A);                              /* 2 MiB leaf, misaligned */
    mid[4] = pte(((uintptr_t)pages) & ~0x1ffffful, PTE_V | PTE_R | PTE_A);        /* 2 MiB leaf */
#else
    root[0] = pte(0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D);                      /* finisher */
    root[0x40] = pte(0x10000000ul, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D);        /* UART */
    for (int i = 0; i < 32; i++)                                                  /* RAM, 4 MiB pages */
        root[0x200 + i] = pte(ram + i * 0x400000ul, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D);
    root[0x100] = pte((uintptr_t)leaf, PTE_V);
    root[0x101] = pte(ram + 4096, PTE_V | PTE_R | PTE_A);                         /* 4 MiB leaf, misaligned */
    root[0x102] = pte(((uintptr_t)pages) & ~0x3ffffful, PTE_V | PTE_R | PTE_A);   /* 4 MiB leaf */
#endif
    leaf[0] = pte((uintptr_t)pages[0], PTE_V | PTE_R | PTE_W);
    leaf[1] = pte((uintptr_t)pages[1], PTE_V | PTE_R);
    leaf[2] = 0;
    leaf[3] = pte((uintptr_t)pages[3], PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D);
    leaf[4] = pte((uintptr_t)pages[4], PTE_V | PTE_X | PTE_A);
    leaf[5] = pte((uintptr_t)pages[5], PTE_V | PTE_R | PTE_W | PTE_A | PTE_D);
    leaf[6] = pte((uintptr_t)pages[6], PTE_V | PTE_W | PTE_A | PTE_D);
    /* pages[4] and pages[5] hold a `ret` so fetching from them returns. */
    *(uint16_t *)pages[4] = 0x8082;
    *(uint16_t *)pages[5] = 0x8082;
    asm volatile(".option push; .option arch, +zifencei; fence.i; .option pop");
    printf("vm: Sv%d, superpage offset of pages = %s\n", __riscv_xlen == 64 ? 39 : 32,
           SUPER_OFF(pages) ? "nonzero" : "zero");

    /* QEMU enforces PMP: with no entry S mode may touch nothing. One NAPOT
     * entry over all of memory (rvscope allows everything anyway). */
    asm volatile("csrw pmpaddr0, %0; csrw pmpcfg0, %1" :: "r"(~0ul), "r"(0x1ful));
    asm volatile("csrw satp, %0; sfence.vma" :: "r"(SATP_MODE | ((uintptr_t)root >> 12)));
    /* Enter S mode at s_mode_cases with interrupts off. */
    uintptr_t ms;
    asm volatile("csrr %0, mstatus" : "=r"(ms));
    ms = (ms & ~(3ul << 11)) | (1ul << 11);
    asm volatile("csrw mstatus, %0; csrw mepc, %1; mret" :: "r"(ms), "r"((uintptr_t)s_mode_cases));
    return 1;
}
