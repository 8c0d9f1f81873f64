/* main.c — what each hart does after start.S: set up M mode the same way
 * on every hart, then hart 0 (the boot hart) enters the kernel and the
 * others wait until the kernel starts them through SBI HSM. */
#include "fw.h"

/* Exceptions S mode handles itself. Breakpoints (3) are delegated so that
 * a trigger with action 0 armed for U mode traps straight to the kernel;
 * the Debug Spec's re-entrancy rule (option 1) then keeps S-mode triggers
 * from firing while sstatus.SIE = 0. ecall from S (9) stays here: it is SBI. */
#define MEDELEG ((1 << 0) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) | \
                 (1 << 6) | (1 << 7) | (1 << 8) | (1 << 12) | (1 << 13) | (1 << 15))
#define MIDELEG ((1 << IRQ_SSI) | (1 << IRQ_STI) | (1 << IRQ_SEI))

struct fw_hart fw_harts[NHART_MAX];

/* The kernel's address: a constant, so the firmware links on its own as
 * well as together with the kernel (os/os.mk builds both ways). */
#define KERNEL_ENTRY KERNBASE

static void hart_setup(void)
{
  csr_write(medeleg, MEDELEG);
  csr_write(mideleg, MIDELEG);
  csr_write(mcounteren, 7);              /* cycle, time, instret readable in S/U */
  /* PMP: one TOR region over everything, so S and U may touch all memory
   * (the kernel's page tables do the protecting). Machines without PMP
   * trap on the CSR; that is fine. */
  fw_csr_probe_begin();
  csr_write(pmpaddr0, ~0UL >> 10);
  csr_write(pmpcfg0, 0x0f);              /* TOR, R W X */
  fw_csr_probe_end();
  fw_time_init();
  fw_dbtr_init();
  csr_set(mie, 1 << IRQ_MSI);            /* IPIs and remote fences */
  csr_clear(mstatus, MSTATUS_MPP_MASK);
  csr_set(mstatus, MSTATUS_MPP_S);
}

void fw_main(uint64 hartid)
{
  fw_harts[hartid].hsm_state = SBI_HSM_STOPPED;
  if (hartid == 0) {
    fw_uart_init();
    fw_puts("rvos-sbi: SBI 3.0 (base time ipi rfence hsm srst dbcn dbtr)\n");
  }
  hart_setup();
  __atomic_store_n(&fw_harts[hartid].present, 1, __ATOMIC_RELEASE);
  if (hartid != 0)
    fw_hsm_wait(hartid);
  fw_harts[0].hsm_state = SBI_HSM_STARTED;
  fw_enter_smode(hartid, 0, KERNEL_ENTRY);
}
