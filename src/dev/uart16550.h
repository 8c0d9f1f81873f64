/* NS16550A UART at 0x1000_0000 (QEMU virt), PLIC source 10. Output goes to
 * the machine's console stream, input comes from stdin (dev/console.h). */
#ifndef RVSCOPE_UART16550_H
#define RVSCOPE_UART16550_H
#include "../machine.h"
#define UART_BASE 0x10000000ull
#define UART_SIZE 0x100ull
#define UART_IRQ  10
struct uart;
struct uart *uart_new(machine_t *m);
/* Every hart waits for an interrupt, the next timer deadline is `ticks`
 * of mtime away (UINT64_MAX: none), and the UART's poll hook said input
 * may still wake a hart. Waits for input on stdin and returns how far
 * mtime should advance:
 *  - no deadline: waits up to 100 ms of host time, returns 0 (time stands
 *    still, so piped input gives the same run every time);
 *  - a deadline, and a person types at a terminal: waits in host time
 *    (10 MHz) until the deadline or a key press, returns the time waited,
 *    so an interactive kernel idling at its prompt costs no host CPU;
 *  - a deadline otherwise: returns `ticks` at once (time jumps ahead).
 * Input that arrived is read into the UART before returning. */
uint64_t uart_idle_wait(struct uart *u, uint64_t ticks);
#endif
