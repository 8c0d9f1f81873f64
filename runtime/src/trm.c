/* trm.c — the "Turing machine" part of AM: console output, exit, heap.
 * Devices are those of QEMU virt (SPEC §1): NS16550A UART and sifive_test. */
#include <am.h>

#define UART_BASE   0x10000000UL
#define UART_THR    0        /* transmit holding register (write) */
#define UART_LSR    5        /* line status register */
#define UART_LSR_THRE 0x20   /* THR empty: ready for the next byte */

#define FINISHER    0x100000UL
#define FINISHER_PASS 0x5555
#define FINISHER_FAIL 0x3333 /* | code << 16 */

extern char _heap_start, _heap_end;  /* from linker.ld */
int main(void);

Area heap = RANGE(&_heap_start, &_heap_end);

static inline void mmio_write8(uintptr_t addr, uint8_t v) { *(volatile uint8_t *)addr = v; }
static inline uint8_t mmio_read8(uintptr_t addr) { return *(volatile uint8_t *)addr; }

void putch(char ch) {
  while (!(mmio_read8(UART_BASE + UART_LSR) & UART_LSR_THRE))
    ;
  mmio_write8(UART_BASE + UART_THR, (uint8_t)ch);
}

void halt(int code) {
  uint32_t v = code == 0 ? FINISHER_PASS : ((uint32_t)code << 16) | FINISHER_FAIL;
  *(volatile uint32_t *)FINISHER = v;
  for (;;)  /* only reached if the machine has no finisher */
    ;
}

/* Called by _start once sp and .bss are ready. */
void _trm_init(void) {
  halt(main());
}
