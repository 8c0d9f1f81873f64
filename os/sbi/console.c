/* console.c — the NS16550A UART, polled, for the firmware's own messages and
 * the SBI debug console (DBCN). The kernel has its own interrupt-driven
 * driver; both write the transmit register only when it is empty. */
#include "fw.h"

#define UREG(r) ((volatile uint8 *)(UART0 + (r)))
#define THR 0
#define RBR 0
#define LSR 5
#define LSR_RX_READY 0x01
#define LSR_TX_IDLE  0x20

void fw_uart_init(void)
{
  *UREG(3) = 0x03;     /* LCR: 8 bits, no parity */
  *UREG(2) = 0x07;     /* FCR: FIFOs on and cleared */
}

void fw_putc(int c)
{
  while (!(*UREG(LSR) & LSR_TX_IDLE))
    ;
  *UREG(THR) = (uint8)c;
}

void fw_puts(const char *s)
{
  while (*s)                /* '\n' alone, as the kernel's console does */
    fw_putc(*s++);
}

void fw_puthex(uint64 v)
{
  fw_puts("0x");
  for (int i = 60; i >= 0; i -= 4)
    fw_putc("0123456789abcdef"[(v >> i) & 15]);
}

/* DBCN: write (num_bytes, base_lo, base_hi), read (same), write_byte (byte).
 * Addresses are physical; rvos's kernel maps RAM 1:1 so it passes its own
 * pointers. */
struct sbiret fw_dbcn(int fid, struct fw_regs *r)
{
  struct sbiret ret = {0, 0};
  uint64 n = REG_A(r, 0), base = REG_A(r, 1);
  if (fid == SBI_DBCN_WRITE_BYTE) {
    fw_putc((int)(REG_A(r, 0) & 0xff));
  } else if ((fid == SBI_DBCN_WRITE || fid == SBI_DBCN_READ) && REG_A(r, 2) != 0) {
    ret.error = SBI_ERR_INVALID_ADDRESS;     /* base_hi is 0 on RV64 */
  } else if (fid == SBI_DBCN_WRITE) {
    for (uint64 i = 0; i < n; i++)
      fw_putc(((volatile char *)base)[i]);
    ret.value = (long)n;
  } else if (fid == SBI_DBCN_READ) {
    uint64 i = 0;
    while (i < n && (*UREG(LSR) & LSR_RX_READY))
      ((volatile char *)base)[i++] = (char)*UREG(RBR);
    ret.value = (long)i;
  } else {
    ret.error = SBI_ERR_NOT_SUPPORTED;
  }
  return ret;
}
