/* NS16550A, written from the 16550 data sheet with QEMU's serial device as
 * the behavioural reference (when the interrupt line is re-evaluated).
 *
 * Registers: RBR/THR, IER, IIR/FCR, LCR, MCR, LSR, MSR, SCR and the divisor
 * latch. Transmission is instantaneous: THR is always empty again right
 * after a write, so LSR always shows THRE|TEMT and, with IER.ETBEI, every
 * THR write (and enabling ETBEI) makes a transmitter-empty interrupt
 * pending, which reading IIR (while it reports it) or the next THR write
 * clears.
 *
 * Receive: bytes from stdin (dev/console.c) wait in a host-side buffer that
 * stands for the wire and the receive FIFO; LSR.DR is set while it holds a
 * byte and RBR takes one. With the FIFO enabled, fewer bytes than the
 * trigger level report a character timeout (IIR 0x0c) instead of
 * received-data-available (0x04). A receive-FIFO reset (FCR bit 1) does not
 * drop host input: type-ahead and piped input survive a driver's init.
 * MCR loopback sends THR to the receiver and reflects MCR in MSR.
 *
 * Interrupt: IIR's highest-priority cause (line status, received data or
 * timeout, THR empty, modem status) drives PLIC source 10. Like QEMU, the
 * line is reported to the PLIC whenever the UART re-evaluates it: on
 * receive, RBR reads, IIR reads that acknowledge THR empty, THR and FCR
 * writes, and IER writes that change it. (The PLIC latches a high report
 * as pending, so when reports happen matters; see plic.c.) */
#include "uart16550.h"
#include "console.h"
#include <stdlib.h>
#include <time.h>

#define RX_SIZE 4096
/* Guest time between two looks at stdin while harts run (2 ms). */
#define POLL_TICKS 20000

enum {
    IER_RDI = 0x01, IER_THRI = 0x02, IER_RLSI = 0x04, IER_MSI = 0x08,
    IIR_NONE = 0x01, IIR_MSI = 0x00, IIR_THRI = 0x02, IIR_RDI = 0x04, IIR_RLSI = 0x06,
    IIR_CTI = 0x0c, IIR_FIFO = 0xc0,
    FCR_FE = 0x01, FCR_RFR = 0x02, FCR_XFR = 0x04,
    LCR_DLAB = 0x80,
    MCR_LOOP = 0x10,
    LSR_DR = 0x01, LSR_THRE = 0x20, LSR_TEMT = 0x40,
};

struct uart {
    machine_t *m;
    uint8_t ier, lcr, mcr, scr, fcr, dll, dlm;
    bool    thr_ipending;            /* transmitter-empty interrupt pending */
    uint8_t rx[RX_SIZE];
    unsigned rx_head, rx_count;
    uint64_t last_poll;              /* mtime of the last look at stdin */
};

static void rx_push(struct uart *u, uint8_t b)
{
    if (u->rx_count < RX_SIZE)
        u->rx[(u->rx_head + u->rx_count++) % RX_SIZE] = b;
}

/* The interrupt IIR reports now (priority order of the 16550). */
static uint8_t iir_id(const struct uart *u)
{
    static const uint8_t trigger[4] = { 1, 4, 8, 14 };
    if ((u->ier & IER_RDI) && u->rx_count) {
        if ((u->fcr & FCR_FE) && u->rx_count < trigger[u->fcr >> 6])
            return IIR_CTI;
        return IIR_RDI;
    }
    if ((u->ier & IER_THRI) && u->thr_ipending)
        return IIR_THRI;
    return IIR_NONE;        /* no line errors, no modem status changes */
}

static void update_irq(struct uart *u)
{
    machine_set_irq(u->m, UART_IRQ, iir_id(u) != IIR_NONE);
}

/* Move what stdin has into the receive buffer. */
static void rx_fill(struct uart *u)
{
    uint8_t buf[256];
    unsigned room = RX_SIZE - u->rx_count;
    if (!room)
        return;
    size_t n = console_read(buf, room < sizeof buf ? room : sizeof buf);
    for (size_t i = 0; i < n; i++)
        rx_push(u, buf[i]);
    if (n)
        update_irq(u);
}

static uint8_t msr(const struct uart *u)
{
    if (u->mcr & MCR_LOOP) {    /* RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD */
        uint8_t c = u->mcr;
        return (uint8_t)(((c & 2) << 3) | ((c & 1) << 5) | ((c & 4) << 4) | ((c & 8) << 4));
    }
    return 0xb0;                /* CTS, DSR, DCD: a terminal is connected */
}

static bool uart_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    struct uart *u = opaque;
    if (size != 1)
        return false;
    bool dlab = u->lcr & LCR_DLAB;
    switch (off) {
    case 0:
        if (dlab) {
            *val = u->dll;
            break;
        }
        console_activate();
        *val = 0;
        if (u->rx_count) {
            *val = u->rx[u->rx_head];
            u->rx_head = (u->rx_head + 1) % RX_SIZE;
            u->rx_count--;
        }
        update_irq(u);
        break;
    case 1: *val = dlab ? u->dlm : u->ier; break;
    case 2: {
        uint8_t id = iir_id(u);
        *val = id | ((u->fcr & FCR_FE) ? IIR_FIFO : 0);
        if (id == IIR_THRI) {          /* reading IIR acknowledges THR empty */
            u->thr_ipending = false;
            update_irq(u);
        }
        break;
    }
    case 3: *val = u->lcr; break;
    case 4: *val = u->mcr; break;
    case 5: *val = (u->rx_count ? LSR_DR : 0) | LSR_THRE | LSR_TEMT; break;
    case 6: *val = msr(u); break;
    case 7: *val = u->scr; break;
    default: *val = 0; break;
    }
    return true;
}

static bool uart_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    struct uart *u = opaque;
    if (size != 1)
        return false;
    uint8_t b = (uint8_t)val;
    bool dlab = u->lcr & LCR_DLAB;
    switch (off) {
    case 0:
        if (dlab) {
            u->dll = b;
            break;
        }
        if (u->mcr & MCR_LOOP)
            rx_push(u, b);
        else
            fputc(b, u->m->out);
        u->thr_ipending = true;        /* sent at once: THR is empty again */
        update_irq(u);
        break;
    case 1:
        if (dlab) {
            u->dlm = b;
            break;
        }
        b &= 0x0f;
        if (b & IER_RDI)
            console_activate();
        if (b == u->ier)
            break;                     /* as QEMU: only a change re-evaluates */
        if ((b ^ u->ier) & IER_THRI)   /* THR is always empty */
            u->thr_ipending = b & IER_THRI;
        u->ier = b;
        update_irq(u);
        break;
    case 2:
        u->fcr = b & 0xc9;             /* FIFO enable, DMA mode, trigger level */
        update_irq(u);
        break;
    case 3: u->lcr = b; break;
    case 4: u->mcr = b & 0x1f; break;
    case 7: u->scr = b; break;
    default: break;
    }
    return true;
}

/* Once per round of the run loop: look at stdin now and then. True while
 * input may still come and the guest would be interrupted by it. */
static bool uart_poll(void *opaque)
{
    struct uart *u = opaque;
    if (!console_open())
        return false;
    if (u->m->mtime - u->last_poll >= POLL_TICKS) {
        u->last_poll = u->m->mtime;
        rx_fill(u);
    }
    return console_open() && (u->ier & IER_RDI);
}

uint64_t uart_idle_wait(struct uart *u, uint64_t ticks)
{
    if (ticks != UINT64_MAX && !console_interactive())
        return ticks;
    int ms = 100;
    if (ticks != UINT64_MAX) {
        uint64_t us = ticks / 10;                       /* mtime is 10 MHz */
        if (us < 100000)
            ms = (int)((us + 999) / 1000);
        if (ms == 0)
            return ticks;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    bool ready;
    if (u->rx_count < RX_SIZE) {
        ready = console_wait(ms);
    } else {                        /* no room for input: just let time pass */
        struct timespec d = { ms / 1000, (long)(ms % 1000) * 1000000 };
        nanosleep(&d, NULL);
        ready = false;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    u->last_poll = u->m->mtime;
    rx_fill(u);
    if (ticks == UINT64_MAX)
        return 0;
    if (!ready && (uint64_t)ms * 10000 >= ticks)
        return ticks;               /* slept all the way to the deadline */
    int64_t ns = (int64_t)(t1.tv_sec - t0.tv_sec) * 1000000000 + (t1.tv_nsec - t0.tv_nsec);
    uint64_t waited = ns > 0 ? (uint64_t)ns / 100 : 0;
    return waited < ticks ? waited : ticks;
}

struct uart *uart_new(machine_t *m)
{
    struct uart *u = calloc(1, sizeof *u);
    if (!u)
        return NULL;
    u->m = m;
    device_t d = { .name = "uart", .base = UART_BASE, .size = UART_SIZE, .opaque = u,
                   .read = uart_read, .write = uart_write, .destroy = free, .poll = uart_poll };
    machine_add_device(m, &d);
    m->uart = u;
    return u;
}
