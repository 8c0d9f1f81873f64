/* The emulated machine: QEMU virt's memory map, the harts, the devices, and
 * the run loop that interleaves harts deterministically. */
#ifndef RVSCOPE_MACHINE_H
#define RVSCOPE_MACHINE_H
#include "core/hart.h"
#include <stdio.h>

#define MAX_HARTS 8
#define RAM_BASE  0x80000000ull
#define PAGE_SHIFT 12
#define PAGE_SIZE  4096u

/* Per-RAM-page flags: a page with any flag never gets a fast write TLB
 * entry, so its stores reach mem_store_slow. */
enum page_flag {
    PF_CODE  = 1,   /* has decoded instructions to invalidate */
    PF_HTIF  = 2,   /* holds tohost */
};

typedef struct device {
    const char *name;
    uint64_t base, size;
    void *opaque;
    bool (*read)(void *opaque, uint64_t off, unsigned size, uint64_t *val);
    bool (*write)(void *opaque, uint64_t off, unsigned size, uint64_t val);
    /* Optional, called once per round of the run loop (input polling).
     * Returns true while the device may still raise an interrupt by
     * itself (e.g. the UART while stdin is open), so idle harts wait for
     * it instead of the run ending as a deadlock. */
    bool (*poll)(void *opaque);
    /* Optional: release the device's state when the machine is freed. */
    void (*destroy)(void *opaque);
    /* Optional: the mtime at which the device will raise an interrupt by
     * itself (an RTC alarm), UINT64_MAX if none: idle harts sleep until
     * then, and poll() sees that time come. */
    uint64_t (*deadline)(void *opaque);
} device_t;

enum stop_reason {
    STOP_NONE,
    STOP_EXIT,       /* finisher or HTIF: exit_code is set */
    STOP_LIMIT,      /* --max-insns or a step count reached */
    STOP_DEBUG,      /* a breakpoint, watchpoint or trigger asked to stop */
    STOP_INTERRUPT,  /* the user pressed Ctrl-C */
    STOP_DEADLOCK,   /* every hart waits for an interrupt that cannot come */
    STOP_STUCK,      /* a trap handler address faults on itself forever */
    STOP_HALTED,     /* no hart is left running (each is halted by a debugger) */
};

struct dpage;

typedef struct machine {
    int      xlen;
    unsigned nharts;
    hart_t  *harts[MAX_HARTS];

    uint8_t *ram;
    uint64_t ram_size;
    uint8_t *page_flags;          /* one byte per RAM page */
    struct dpage **dpages;        /* decoded instructions per RAM page */

    /* The guest's devices and the front ends' poll hooks (GDB stub, JTAG). */
    device_t devs[12];
    unsigned ndevs;
    struct clint *clint;
    struct uart *uart;
    struct plic *plic;

    uint64_t mtime;               /* at the start of the current round */
    uint64_t round_start[MAX_HARTS];  /* each hart's cycle count then */
    /* A round a debugger stop interrupted: the next machine_run finishes it
     * first, so stops do not shift guest time. */
    bool     in_round, round_idle;
    uint64_t round_q;
    unsigned round_next;
    uint64_t insn_limit;          /* total instructions before STOP_LIMIT; 0 = none */
    uint64_t insns_total;

    bool     has_tohost;
    uint64_t tohost, fromhost;
    /* A write of tohost's low word alone that left it non-zero: RV32 writes
     * the high word next, so it is acted on HTIF_GRACE instructions later
     * of htif_hart (or at once when the high word comes). */
    bool     htif_pending;
    struct hart *htif_hart;
    uint64_t htif_at;             /* htif_hart's cycle count at the write */

    volatile int stop;            /* enum stop_reason; set to end the run */
    int      exit_code;
    bool     step_no_irqs;        /* machine_step without interrupts */
    bool     stepping;            /* in machine_step: an interrupt taken ends a step */
    uint64_t step_irqs;           /* steps of the last machine_step that entered a handler */

    int      broken_insn;         /* --debug-break-insn: id or -1 */
    void   (*broken_real)(struct hart *, const struct insn *);   /* its real handler */
    bool     jit;                 /* compile code to x86-64 (src/jit/; --no-jit) */
    struct jit_state *jit_state;  /* its code buffer and statistics */
    /* The registers whose writers call the debugger from compiled code
     * (the code in the buffer was compiled for this mask; src/jit/). */
    uint64_t jit_hook_mask;

    /* The debugger layer (src/debug/debugger.h): breakpoints, watchpoints,
     * clients, stop records. */
    struct debugger *dbg;
    FILE    *out;                 /* guest console output */
} machine_t;

machine_t *machine_new(int xlen, unsigned nharts, uint64_t ram_size);
/* The extension set of every hart (enum isa_ext bits; all by default). */
void machine_set_isa(machine_t *m, uint32_t isa);
void machine_free(machine_t *m);
void machine_add_device(machine_t *m, const device_t *d);
/* Interrupt source `irq` (PLIC numbering: UART 10, virtio 1) is at `level`.
 * Without a PLIC this does nothing. Implemented in dev/plic.c. */
void machine_set_irq(machine_t *m, unsigned irq, bool level);
/* Whether some hart runs (is not halted by a debugger or in debug mode). */
bool machine_any_running(const machine_t *m);
/* Runs until something stops the machine; returns the stop reason. */
int machine_run(machine_t *m);
void machine_request_stop(machine_t *m, int reason);
/* Current mtime as hart h sees it (it advances inside a slice). */
uint64_t machine_mtime(machine_t *m, const hart_t *h);

/* Physical memory for loaders, devices (DMA) and debuggers. */
static inline bool machine_is_ram(const machine_t *m, uint64_t pa, uint64_t len)
{
    return pa >= RAM_BASE && pa - RAM_BASE < m->ram_size && len <= m->ram_size - (pa - RAM_BASE);
}
bool machine_phys_read(machine_t *m, uint64_t pa, void *buf, uint64_t len);
bool machine_phys_write(machine_t *m, uint64_t pa, const void *buf, uint64_t len);
const device_t *machine_find_device(const machine_t *m, uint64_t pa);
/* A write reached RAM behind the TLB's back: drop decoded instructions
 * covering [pa, pa+len) and react to tohost. */
void machine_ram_written(machine_t *m, hart_t *by, uint64_t pa, uint64_t len);
void machine_set_page_flag(machine_t *m, uint64_t pa, uint8_t flag);
void machine_flush_write_tlbs(machine_t *m);

#endif
