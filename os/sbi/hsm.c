/* hsm.c — SBI Hart State Management. A stopped hart waits in M mode with
 * only the software interrupt enabled; hart_start stores the entry point
 * and pokes its msip. hart_stop puts the calling hart back there. */
#include "fw.h"

void fw_hsm_wait(uint64 hartid)
{
  struct fw_hart *me = &fw_harts[hartid];
  csr_clear(mstatus, MSTATUS_MIE);     /* wfi still wakes on a pending msip */
  for (;;) {
    if (__atomic_load_n(&me->hsm_state, __ATOMIC_ACQUIRE) == SBI_HSM_START_PENDING)
      break;
    asm volatile("wfi");
    *(volatile uint32 *)CLINT_MSIP(hartid) = 0;
  }
  *(volatile uint32 *)CLINT_MSIP(hartid) = 0;
  uint64 addr = me->start_addr, opaque = me->start_opaque;
  csr_clear(mstatus, MSTATUS_MPP_MASK);
  csr_set(mstatus, MSTATUS_MPP_S);
  me->hsm_state = SBI_HSM_STARTED;
  fw_enter_smode(hartid, opaque, addr);
}

struct sbiret fw_hsm(int fid, struct fw_regs *r)
{
  uint64 h = REG_A(r, 0);
  if (fid == SBI_HSM_STOP) {
    fw_harts[fw_hartid()].hsm_state = SBI_HSM_STOPPED;
    fw_hsm_wait(fw_hartid());
  }
  if (h >= NHART_MAX || !fw_harts[h].present)
    return (struct sbiret){SBI_ERR_INVALID_PARAM, 0};
  if (fid == SBI_HSM_STATUS)
    return (struct sbiret){0, fw_harts[h].hsm_state};
  if (fid != SBI_HSM_START)
    return (struct sbiret){SBI_ERR_NOT_SUPPORTED, 0};
  int stopped = SBI_HSM_STOPPED;
  fw_harts[h].start_addr = REG_A(r, 1);
  fw_harts[h].start_opaque = REG_A(r, 2);
  if (!__atomic_compare_exchange_n(&fw_harts[h].hsm_state, &stopped, SBI_HSM_START_PENDING,
                                   0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    return (struct sbiret){SBI_ERR_ALREADY_AVAILABLE, 0};
  *(volatile uint32 *)CLINT_MSIP(h) = 1;
  return (struct sbiret){0, 0};
}
