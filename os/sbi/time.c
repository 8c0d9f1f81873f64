/* time.c — SBI TIME. With Sstc (menvcfg.STCE sticks) the deadline goes
 * straight into stimecmp and the hart raises STIP itself; without it the
 * firmware uses the CLINT's mtimecmp and forwards the M timer interrupt to
 * S mode by setting mip.STIP. */
#include "fw.h"

int fw_has_sstc;

void fw_time_init(void)
{
  fw_csr_probe_begin();
  csr_set(menvcfg, MENVCFG_STCE);
  uint64 v = csr_read(menvcfg);
  int trapped = fw_csr_probe_end();
  if (!trapped && (v & MENVCFG_STCE)) {
    /* STCE can stick without stimecmp existing (QEMU 7.2 with
     * -cpu rv64,sstc=false): try the CSR itself too. */
    fw_csr_probe_begin();
    csr_write(0x14d, ~0UL);            /* stimecmp: no deadline yet */
    trapped = fw_csr_probe_end();
    if (trapped)
      csr_clear(menvcfg, MENVCFG_STCE);
  } else {
    trapped = 1;
  }
  /* every hart probes; they are identical, so the last answer stands */
  fw_has_sstc = !trapped;
  if (!fw_has_sstc)
    *(volatile uint64 *)CLINT_MTIMECMP(fw_hartid()) = ~0UL;
}

struct sbiret fw_time(int fid, struct fw_regs *r)
{
  struct sbiret ret = {0, 0};
  if (fid != 0) {
    ret.error = SBI_ERR_NOT_SUPPORTED;
    return ret;
  }
  uint64 when = REG_A(r, 0);
  if (fw_has_sstc) {
    csr_write(0x14d, when);
  } else {
    *(volatile uint64 *)CLINT_MTIMECMP(fw_hartid()) = when;
    csr_clear(mip, 1 << IRQ_STI);
    csr_set(mie, 1 << IRQ_MTI);
  }
  return ret;
}

/* Only without Sstc: the deadline passed; hand it to S mode and stop
 * listening until the kernel sets the next one. */
void fw_timer_interrupt(void)
{
  csr_clear(mie, 1 << IRQ_MTI);
  csr_set(mip, 1 << IRQ_STI);
}
