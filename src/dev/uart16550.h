/* NS16550A UART at 0x1000_0000 (QEMU virt); output goes to the console. */
#ifndef RVSCOPE_UART16550_H
#define RVSCOPE_UART16550_H
#include "../machine.h"
#define UART_BASE 0x10000000ull
#define UART_SIZE 0x100ull
struct uart *uart_new(machine_t *m);
#endif
