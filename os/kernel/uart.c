/* uart.c — the NS16550A: output polled (the console writes a byte when the
 * transmitter is empty), input by interrupt (PLIC source 10) into the
 * console's line buffer. Polled output keeps kernel messages and user
 * output in program order on every hart; input must be interrupt-driven so
 * a hart waiting for a command line can sleep. */
#include "defs.h"

#define REG(r) ((volatile uint8 *)(UART0 + (r)))
#define RHR 0
#define THR 0
#define IER 1
#define IER_RX 0x01
#define FCR 2
#define LCR 3
#define LSR 5
#define LSR_RX_READY 0x01
#define LSR_TX_IDLE 0x20

static struct spinlock uart_tx_lock;

void uartinit(void)
{
  initlock(&uart_tx_lock, "uart");
  *REG(IER) = 0;
  *REG(LCR) = 0x03;          /* 8 data bits, no parity, one stop bit */
  *REG(FCR) = 0x07;          /* enable and clear the FIFOs */
  *REG(IER) = IER_RX;
}

void uartputc_sync(int c)
{
  push_off();
  while (!(*REG(LSR) & LSR_TX_IDLE))
    ;
  *REG(THR) = (uint8)c;
  pop_off();
}

int console_has_room(void);

/* The receive interrupt: hand waiting bytes to the console while it has
 * room; the rest stay in the UART (see uart_rx_pause). */
void uartintr(void)
{
  while ((*REG(LSR) & LSR_RX_READY) && console_has_room())
    consoleintr(*REG(RHR));
}

/* The console's buffer is full (1) or has room again (0). With bytes left
 * in the UART, a level-triggered receive interrupt would fire forever; so
 * it is switched off until the console can take more. */
void uart_rx_pause(int pause)
{
  *REG(IER) = pause ? 0 : IER_RX;
}
