/* plic.c — the platform interrupt controller: the UART is the only device
 * rvos uses. Every hart's S-mode context takes it; whichever claims first
 * reads the bytes. */
#include "defs.h"

#define W(a) (*(volatile uint32 *)(a))

void plicinit(void)
{
  W(PLIC_PRIORITY(UART0_IRQ)) = 1;
}

void plicinithart(void)
{
  int h = cpuid();
  W(PLIC_SENABLE(h)) = 1 << UART0_IRQ;
  W(PLIC_STHRESHOLD(h)) = 0;
}

int plic_claim(void) { return (int)W(PLIC_SCLAIM(cpuid())); }

void plic_complete(int irq) { W(PLIC_SCLAIM(cpuid())) = (uint32)irq; }
