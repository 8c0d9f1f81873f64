/* uart_rx — UART receive through the PLIC: the receive interrupt (IER.ERBFI,
 * PLIC source 10, hart 0's M context) is the only way input is read. Each
 * line received is printed back in upper case ("echo: ..."); bytes outside
 * printable ASCII are shown as <xx>; '.' ends the program. Extra commands
 * for the terminal test: 'T' starts a 10 ms periodic timer, '?' prints how
 * many ticks it counted.
 * expected exit status: 0 */
#include "lib.h"

static volatile int done, ticks, timer_on;
static char line[128];
static int len;

static void flush_line(void)
{
  line[len] = 0;
  printf("echo: %s\n", line);
  len = 0;
}

static void add(char c)
{
  if (len < (int)sizeof line - 6)
    line[len++] = c;
}

static void got(uint8_t c)
{
  if (c == '.') {
    if (len) flush_line();
    done = 1;
  } else if (c == '\n' || c == '\r') {
    flush_line();
  } else if (c == 'T') {
    timer_on = 1;
    set_mtimecmp(0, mtime() + 100000);
    csrs(mie, 1UL << 7);
  } else if (c == '?') {
    printf("ticks: %d\n", ticks);
  } else if (c >= 'a' && c <= 'z') {
    add((char)(c - 'a' + 'A'));
  } else if (c >= 0x20 && c < 0x7f) {
    add((char)c);
  } else {
    add('<'); add("0123456789abcdef"[c >> 4]); add("0123456789abcdef"[c & 15]); add('>');
  }
}

__attribute__((interrupt("machine"), aligned(4))) static void on_trap(void)
{
  unsigned long cause = csrr(mcause);
  unsigned long code = cause & 0xff;
  if (!(cause >> (XLEN - 1)) || (code != 11 && code != 7)) {
    printf("unexpected trap: mcause=%lx mepc=%lx\n", cause, csrr(mepc));
    exit(3);
  }
  if (code == 7) {                         /* timer */
    ticks++;
    set_mtimecmp(0, mtime() + 100000);
    return;
  }
  uint32_t irq = rd32(PLIC_CLAIM(0));
  if (irq != 10) {
    printf("claimed source %u, want 10\n", irq);
    exit(4);
  }
  /* Received data (0x04), a character timeout (0x0c), or nothing: the
   * previous interrupt may already have read what raised this one. */
  uint8_t iir = rd8(UART + UART_IIR) & 0x0f;
  if (iir != 0x04 && iir != 0x0c && iir != 0x01) {
    printf("IIR %x does not report received data\n", iir);
    exit(5);
  }
  while (rd8(UART + UART_LSR) & 1)
    got(rd8(UART + UART_RBR));
  wr32(PLIC_CLAIM(0), irq);
}

int main(void)
{
  wr8(UART + UART_FCR, 0x07);              /* FIFO on and cleared, trigger 1 */
  wr8(UART + UART_LCR, 0x03);              /* 8N1 */
  printf("uart_rx: iir=%x lsr=%x\n", rd8(UART + UART_IIR), rd8(UART + UART_LSR));
  wr32(PLIC_PRIO(10), 1);
  wr32(PLIC_ENABLE(0, 0), 1u << 10);
  wr32(PLIC_THRESHOLD(0), 0);
  csrw(mtvec, (uintptr_t)on_trap);
  csrs(mie, MIP_MEIP);
  wr8(UART + UART_IER, 0x01);              /* receive interrupt only */
  printf("ready\n");
  csrs(mstatus, MSTATUS_MIE);
  for (;;) {                               /* sleep with a race-free check */
    csrc(mstatus, MSTATUS_MIE);
    if (done)
      break;
    asm volatile("wfi");
    csrs(mstatus, MSTATUS_MIE);
  }
  wr8(UART + UART_IER, 0);
  printf("done\n");
  return 0;
}
