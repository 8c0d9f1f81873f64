/* PLIC: not built yet (full-system issue). Interrupt sources are dropped. */
#include "plic.h"

void machine_set_irq(machine_t *m, unsigned irq, bool level)
{
    (void)m; (void)irq; (void)level;
}
