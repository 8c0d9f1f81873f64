/* NS16550A: the registers a driver touches (THR/RBR, IER, IIR/FCR, LCR,
 * MCR, LSR, MSR, SCR, divisor latch). Transmit is immediate, so LSR always
 * reports an empty transmitter. Receive comes with the interrupt work. */
#include "uart16550.h"
#include <stdlib.h>

struct uart {
    machine_t *m;
    uint8_t ier, lcr, mcr, scr, fcr, dll, dlm;
};

enum { LCR_DLAB = 0x80, LSR_THRE = 0x20, LSR_TEMT = 0x40 };

static bool uart_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    struct uart *u = opaque;
    if (size != 1)
        return false;
    bool dlab = u->lcr & LCR_DLAB;
    switch (off) {
    case 0: *val = dlab ? u->dll : 0; break;
    case 1: *val = dlab ? u->dlm : u->ier; break;
    case 2: *val = (u->fcr & 1 ? 0xc0 : 0) | 0x01; break;   /* no interrupt pending */
    case 3: *val = u->lcr; break;
    case 4: *val = u->mcr; break;
    case 5: *val = LSR_THRE | LSR_TEMT; break;
    case 6: *val = 0xb0; break;   /* CTS, DSR, DCD as QEMU */
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
    case 0: if (dlab) u->dll = b; else fputc(b, u->m->out); break;
    case 1: if (dlab) u->dlm = b; else u->ier = b & 0x0f; break;
    case 2: u->fcr = b; break;
    case 3: u->lcr = b; break;
    case 4: u->mcr = b & 0x1f; break;
    case 7: u->scr = b; break;
    default: break;
    }
    return true;
}

struct uart *uart_new(machine_t *m)
{
    struct uart *u = calloc(1, sizeof *u);
    u->m = m;
    device_t d = { .name = "uart", .base = UART_BASE, .size = UART_SIZE, .opaque = u,
                   .read = uart_read, .write = uart_write };
    machine_add_device(m, &d);
    m->uart = u;
    return u;
}
