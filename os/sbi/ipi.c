/* ipi.c — SBI IPI and RFENCE. Both set a flag for each target hart and
 * write its CLINT msip; the target's M software interrupt (fw_soft_interrupt)
 * then raises SSIP or fences. Remote fences do not wait for the targets:
 * rvos never needs them to (each process runs on one hart at a time and its
 * page table is switched, with sfence.vma, on every return to user mode). */
#include "fw.h"

typedef void (*mark_fn)(uint64 hart);

static void mark_ipi(uint64 h) { fw_harts[h].ipi_pending = 1; }
static void mark_vma(uint64 h) { fw_harts[h].fence_vma = 1; }
static void mark_i(uint64 h) { fw_harts[h].fence_i = 1; }

/* hart_mask/hart_mask_base as in the SBI spec: base -1 means every hart. */
static struct sbiret send(uint64 mask, uint64 base, mark_fn mark)
{
  struct sbiret ret = {0, 0};
  for (uint64 h = 0; h < NHART_MAX; h++) {
    int want = base == ~0UL ? 1 : (h >= base && h - base < 64 && ((mask >> (h - base)) & 1));
    if (!want || !fw_harts[h].present)
      continue;
    mark(h);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    *(volatile uint32 *)CLINT_MSIP(h) = 1;
  }
  return ret;
}

struct sbiret fw_ipi(int fid, struct fw_regs *r)
{
  if (fid != 0)
    return (struct sbiret){SBI_ERR_NOT_SUPPORTED, 0};
  return send(REG_A(r, 0), REG_A(r, 1), mark_ipi);
}

struct sbiret fw_rfence(int fid, struct fw_regs *r)
{
  if (fid == SBI_RFNC_FENCE_I)
    return send(REG_A(r, 0), REG_A(r, 1), mark_i);
  if (fid == SBI_RFNC_SFENCE_VMA || fid == SBI_RFNC_SFENCE_VMA_ASID)
    return send(REG_A(r, 0), REG_A(r, 1), mark_vma);   /* whole TLB: simple */
  return (struct sbiret){SBI_ERR_NOT_SUPPORTED, 0};
}

void fw_soft_interrupt(void)
{
  struct fw_hart *me = &fw_harts[fw_hartid()];
  *(volatile uint32 *)CLINT_MSIP(fw_hartid()) = 0;
  __atomic_thread_fence(__ATOMIC_ACQUIRE);
  if (me->fence_vma) {
    me->fence_vma = 0;
    sfence_vma();
  }
  if (me->fence_i) {
    me->fence_i = 0;
    asm volatile("fence.i");
  }
  if (me->ipi_pending) {
    me->ipi_pending = 0;
    csr_set(mip, 1 << IRQ_SSI);
  }
}
