/* vm.c — Sv39 page tables: the kernel's (RAM and devices mapped at their
 * physical addresses, plus the trampoline) and one per process (program
 * at USERBASE, stack below USTACKTOP, trap frame and trampoline at the
 * top). The kernel reaches user memory only through copyin/copyout, which
 * walk the process's table, so the kernel never runs with SUM set. */
#include "defs.h"

extern char etext[];       /* end of kernel code (link.ld) */
extern char trampoline[];  /* trampoline.S */

static pagetable_t kernel_pagetable;

/* The PTE for va in pt; with alloc, create the missing table pages. */
static pte_t *walk(pagetable_t pt, uint64 va, int alloc)
{
  if (va >= MAXVA)
    panic("walk");
  for (int level = 2; level > 0; level--) {
    pte_t *pte = &pt[PX(level, va)];
    if (*pte & PTE_V) {
      pt = (pagetable_t)PTE2PA(*pte);
    } else {
      if (!alloc || (pt = kalloc()) == 0)
        return 0;
      *pte = PA2PTE(pt) | PTE_V;
    }
  }
  return &pt[PX(0, va)];
}

/* A and D are set up front: neither emulator is asked to update them, and
 * rvos never pages anything out. */
int mappages(pagetable_t pt, uint64 va, uint64 size, uint64 pa, int perm)
{
  uint64 a = PGROUNDDOWN(va), last = PGROUNDDOWN(va + size - 1);
  for (;; a += PGSIZE, pa += PGSIZE) {
    pte_t *pte = walk(pt, a, 1);
    if (pte == 0)
      return -1;
    if (*pte & PTE_V)
      panic("mappages: remap");
    *pte = PA2PTE(pa) | perm | PTE_V | PTE_A | PTE_D;
    if (a == last)
      return 0;
  }
}

/* RAM above the kernel's first 2 MiB in 2 MiB superpages: 64 entries
 * instead of 32768, which is most of the boot time saved. */
#define SUPERPAGE (1UL << 21)
static void map_superpages(pagetable_t pt, uint64 start, uint64 end)
{
  for (uint64 a = start; a < end; a += SUPERPAGE) {
    pte_t *l1 = &pt[PX(2, a)];
    if (!(*l1 & PTE_V)) {
      pagetable_t t = kalloc();
      if (t == 0)
        panic("kvminit");
      *l1 = PA2PTE(t) | PTE_V;
    }
    ((pagetable_t)PTE2PA(*l1))[PX(1, a)] = PA2PTE(a) | PTE_R | PTE_W | PTE_V | PTE_A | PTE_D;
  }
}

void kvminit(void)
{
  pagetable_t kpt = kalloc();
  uint64 mid = (KERNBASE + SUPERPAGE) & ~(SUPERPAGE - 1);   /* 0x80400000 */
  if ((uint64)etext > mid)
    panic("kvminit: kernel text beyond its first 2 MiB");
  mappages(kpt, UART0, PGSIZE, UART0, PTE_R | PTE_W);
  mappages(kpt, PLIC, PLIC_SIZE, PLIC, PTE_R | PTE_W);
  mappages(kpt, KERNBASE, (uint64)etext - KERNBASE, KERNBASE, PTE_R | PTE_X);
  mappages(kpt, (uint64)etext, mid - (uint64)etext, (uint64)etext, PTE_R | PTE_W);
  map_superpages(kpt, mid, PHYSTOP);
  mappages(kpt, TRAMPOLINE, PGSIZE, (uint64)trampoline, PTE_R | PTE_X);
  kernel_pagetable = kpt;
}

void kvminithart(void)
{
  sfence_vma();
  csr_write(satp, MAKE_SATP(kernel_pagetable));
  sfence_vma();
}

pagetable_t uvmcreate(void) { return kalloc(); }

/* Free every page a user table maps with PTE_U (the trampoline and trap
 * frame are not the table's to free), then the table pages. */
static void freewalk(pagetable_t pt, int level)
{
  for (int i = 0; i < 512; i++) {
    pte_t pte = pt[i];
    if (!(pte & PTE_V))
      continue;
    if (level > 0 && !(pte & (PTE_R | PTE_W | PTE_X)))
      freewalk((pagetable_t)PTE2PA(pte), level - 1);
    else if (pte & PTE_U)
      kfree((void *)PTE2PA(pte));
  }
  kfree(pt);
}

void uvmfree(pagetable_t pt) { freewalk(pt, 2); }

/* The physical address of a user page, or 0 if not mapped for U mode. */
uint64 walkaddr(pagetable_t pt, uint64 va)
{
  if (va >= MAXVA)
    return 0;
  pte_t *pte = walk(pt, va, 0);
  if (pte == 0 || !(*pte & PTE_V) || !(*pte & PTE_U))
    return 0;
  return PTE2PA(*pte);
}

int copyout(pagetable_t pt, uint64 dstva, const void *src, uint64 len)
{
  const char *s = src;
  while (len > 0) {
    uint64 va0 = PGROUNDDOWN(dstva);
    uint64 pa0 = walkaddr(pt, va0);
    if (pa0 == 0)
      return -1;
    uint64 n = PGSIZE - (dstva - va0);
    if (n > len)
      n = len;
    memmove((void *)(pa0 + (dstva - va0)), s, n);
    len -= n, s += n, dstva = va0 + PGSIZE;
  }
  return 0;
}

int copyin(pagetable_t pt, void *dst, uint64 srcva, uint64 len)
{
  char *d = dst;
  while (len > 0) {
    uint64 va0 = PGROUNDDOWN(srcva);
    uint64 pa0 = walkaddr(pt, va0);
    if (pa0 == 0)
      return -1;
    uint64 n = PGSIZE - (srcva - va0);
    if (n > len)
      n = len;
    memmove(d, (void *)(pa0 + (srcva - va0)), n);
    len -= n, d += n, srcva = va0 + PGSIZE;
  }
  return 0;
}

/* A NUL-terminated string of at most max bytes (terminator included). */
int copyinstr(pagetable_t pt, char *dst, uint64 srcva, uint64 max)
{
  for (uint64 i = 0; i < max; i++) {
    if (copyin(pt, &dst[i], srcva + i, 1) < 0)
      return -1;
    if (dst[i] == 0)
      return 0;
  }
  return -1;
}
