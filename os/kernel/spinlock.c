/* spinlock.c — spinlocks, and the per-hart interrupt-disable nesting that
 * keeps a hart from taking an interrupt while it holds one. */
#include "defs.h"
#include "proc.h"

void initlock(struct spinlock *lk, const char *name)
{
  lk->name = name;
  lk->locked = 0;
  lk->cpu = 0;
}

void acquire(struct spinlock *lk)
{
  push_off();
  if (holding(lk))
    panic(lk->name);
  while (__sync_lock_test_and_set(&lk->locked, 1) != 0)
    ;
  __sync_synchronize();   /* the critical section's accesses stay after this */
  lk->cpu = mycpu();
}

void release(struct spinlock *lk)
{
  if (!holding(lk))
    panic("release");
  lk->cpu = 0;
  __sync_synchronize();
  __sync_lock_release(&lk->locked);
  pop_off();
}

int holding(struct spinlock *lk)
{
  return lk->locked && lk->cpu == mycpu();
}

/* push_off/pop_off nest like braces; the outermost pop_off restores the
 * interrupt state the outermost push_off found. */
void push_off(void)
{
  int old = (csr_read(sstatus) & SSTATUS_SIE) != 0;
  csr_clear(sstatus, SSTATUS_SIE);
  struct cpu *c = mycpu();
  if (c->noff == 0)
    c->intena = old;
  c->noff++;
}

void pop_off(void)
{
  struct cpu *c = mycpu();
  if (csr_read(sstatus) & SSTATUS_SIE)
    panic("pop_off: interruptible");
  if (c->noff < 1)
    panic("pop_off");
  c->noff--;
  if (c->noff == 0 && c->intena)
    csr_set(sstatus, SSTATUS_SIE);
}
