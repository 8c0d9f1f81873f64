/* probe.c — touching a CSR that may not exist (pmp*, menvcfg, tselect...).
 * While a probe is open, an illegal-instruction trap from M mode is noted
 * and the instruction skipped (fw_trap calls fw_probe_trap), instead of
 * being a firmware crash. */
#include "fw.h"

volatile int fw_probe_trapped[NHART_MAX];
static volatile int probing[NHART_MAX];

int fw_csr_probe_begin(void)
{
  uint64 h = fw_hartid();
  fw_probe_trapped[h] = 0;
  probing[h] = 1;
  return 0;
}

int fw_csr_probe_end(void)
{
  uint64 h = fw_hartid();
  probing[h] = 0;
  return fw_probe_trapped[h];
}

/* Called for an exception taken from M mode; 1 if it was a probe. */
int fw_probe_trap(uint64 cause)
{
  uint64 h = fw_hartid();
  if (!probing[h] || cause != CAUSE_ILLEGAL)
    return 0;
  fw_probe_trapped[h] = 1;
  /* skip the CSR instruction: always 4 bytes (no compressed CSR forms) */
  csr_write(mepc, csr_read(mepc) + 4);
  return 1;
}
