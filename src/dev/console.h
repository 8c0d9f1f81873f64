/* The host side of the guest console: rvscope's standard input feeding the
 * UART's receiver.
 *
 * - Input is read without blocking (poll(2), then read(2) of what is
 *   there); end of file means no more input, ever.
 * - When stdin is a terminal (and rvscope runs in the foreground), it is
 *   raw from the start (console_init), as QEMU's -nographic: Ctrl-C goes
 *   to the guest, Ctrl-A x quits rvscope, Ctrl-A Ctrl-A sends one Ctrl-A,
 *   Ctrl-A h lists the commands. Raw mode is restored at exit and on fatal
 *   signals. (It once waited for the guest to read input: Ctrl-A x was dead
 *   for a guest that only prints.)
 * - Input that is not a terminal (a pipe, a file) reaches the guest byte for
 *   byte, without Ctrl-A commands. */
#ifndef RVSCOPE_CONSOLE_H
#define RVSCOPE_CONSOLE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Attach standard input (enable = false: the monitor or a GDB connection on
 * stdio owns it, and the guest gets no input). */
void console_init(bool enable);
/* More input may still come (attached and not at end of file). */
bool console_open(void);
/* Up to max bytes that are available now, after Ctrl-A commands; 0 if
 * none. Never blocks. */
size_t console_read(uint8_t *buf, size_t max);
/* Raw mode if stdin is a terminal (console_init does it; idempotent). */
void console_activate(void);
/* A person types the input: stdin is a terminal in raw mode. */
bool console_interactive(void);
/* Wait up to timeout_ms (-1: no limit) for input to be readable; returns
 * true if it is. Interrupted by signals. */
bool console_wait(int timeout_ms);
/* Ctrl-A c calls fn (which stops the machine so the monitor can open). */
void console_on_monitor(void (*fn)(void *ctx), void *ctx);
/* Give the terminal its settings back (idempotent; also done at exit). */
void console_restore(void);

#endif
