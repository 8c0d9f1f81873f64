/* trap.c — every trap the firmware takes: SBI calls (ecall from S mode),
 * the M timer and software interrupts, and CSR probes. Anything else is a
 * firmware bug or a trap the firmware forgot to delegate: say so and stop
 * the machine with a failure status rather than loop. Also the BASE and
 * SRST extensions, which need no state of their own. */
#include "fw.h"

int fw_probe_trap(uint64 cause);

void fw_shutdown(int failure)
{
  /* sifive_test: 0x5555 = pass, (code << 16) | 0x3333 = fail with code */
  *(volatile uint32 *)FINISHER = failure ? ((uint32)failure << 16) | 0x3333 : 0x5555;
  for (;;)
    asm volatile("wfi");
}

static int known_ext(uint64 eid)
{
  return eid == SBI_EXT_BASE || eid == SBI_EXT_TIME || eid == SBI_EXT_IPI || eid == SBI_EXT_RFNC ||
         eid == SBI_EXT_HSM || eid == SBI_EXT_SRST || eid == SBI_EXT_DBCN || eid == SBI_EXT_DBTR;
}

static struct sbiret base(int fid, struct fw_regs *r)
{
  switch (fid) {
  case SBI_BASE_SPEC_VERSION: return (struct sbiret){0, 3L << 24};   /* 3.0: DBTR */
  case SBI_BASE_IMPL_ID:      return (struct sbiret){0, 0x7276};    /* "rv": unregistered */
  case SBI_BASE_IMPL_VERSION: return (struct sbiret){0, 1};
  case SBI_BASE_PROBE_EXT:    return (struct sbiret){0, known_ext(REG_A(r, 0))};
  case SBI_BASE_MVENDORID:    return (struct sbiret){0, (long)csr_read(mvendorid)};
  case SBI_BASE_MARCHID:      return (struct sbiret){0, (long)csr_read(marchid)};
  case SBI_BASE_MIMPID:       return (struct sbiret){0, (long)csr_read(mimpid)};
  }
  return (struct sbiret){SBI_ERR_NOT_SUPPORTED, 0};
}

static struct sbiret srst(int fid, struct fw_regs *r)
{
  if (fid != 0)
    return (struct sbiret){SBI_ERR_NOT_SUPPORTED, 0};
  /* Every reset type ends the machine: neither emulator can reboot a guest
   * in place (rvscope treats the finisher's reset code as an exit). */
  fw_shutdown(REG_A(r, 1) == SBI_SRST_REASON_NONE ? 0 : 1);
}

static struct sbiret ecall(struct fw_regs *r)
{
  uint64 eid = REG_A(r, 7);
  int fid = (int)REG_A(r, 6);
  switch (eid) {
  case SBI_EXT_BASE: return base(fid, r);
  case SBI_EXT_TIME: return fw_time(fid, r);
  case SBI_EXT_IPI:  return fw_ipi(fid, r);
  case SBI_EXT_RFNC: return fw_rfence(fid, r);
  case SBI_EXT_HSM:  return fw_hsm(fid, r);
  case SBI_EXT_SRST: return srst(fid, r);
  case SBI_EXT_DBCN: return fw_dbcn(fid, r);
  case SBI_EXT_DBTR: return fw_dbtr(fid, r);
  }
  return (struct sbiret){SBI_ERR_NOT_SUPPORTED, 0};
}

void fw_trap(struct fw_regs *r)
{
  uint64 cause = csr_read(mcause);
  if (cause & CAUSE_INTERRUPT) {
    uint64 code = cause & ~CAUSE_INTERRUPT;
    if (code == IRQ_MTI) {
      fw_timer_interrupt();
      return;
    }
    if (code == IRQ_MSI) {
      fw_soft_interrupt();
      return;
    }
  } else if (cause == CAUSE_ECALL_S) {
    struct sbiret ret = ecall(r);
    REG_A(r, 0) = ret.error;
    REG_A(r, 1) = ret.value;
    csr_write(mepc, csr_read(mepc) + 4);
    return;
  } else if (fw_probe_trap(cause)) {
    return;
  }
  fw_puts("rvos-sbi: unexpected trap on hart ");
  fw_puthex(fw_hartid());
  fw_puts(": mcause ");
  fw_puthex(cause);
  fw_puts(" mepc ");
  fw_puthex(csr_read(mepc));
  fw_puts(" mtval ");
  fw_puthex(csr_read(mtval));
  fw_puts("\n");
  fw_shutdown(1);
}
