/* kalloc.c — physical pages for page tables, user memory and trap frames:
 * a free list threaded through the free pages themselves, from the end of
 * the kernel image to the top of RAM. */
#include "defs.h"

extern char end[];     /* first address after the kernel (link.ld) */

struct run { struct run *next; };

static struct {
  struct spinlock lock;
  struct run *free;
} kmem;

void kinit(void)
{
  initlock(&kmem.lock, "kmem");
  for (uint64 p = PGROUNDUP((uint64)end); p + PGSIZE <= PHYSTOP; p += PGSIZE)
    kfree((void *)p);
}

void kfree(void *pa)
{
  if ((uint64)pa % PGSIZE || (char *)pa < end || (uint64)pa >= PHYSTOP)
    panic("kfree");
  struct run *r = pa;
  acquire(&kmem.lock);
  r->next = kmem.free;
  kmem.free = r;
  release(&kmem.lock);
}

void *kalloc(void)
{
  acquire(&kmem.lock);
  struct run *r = kmem.free;
  if (r)
    kmem.free = r->next;
  release(&kmem.lock);
  if (r)
    memset(r, 0, PGSIZE);
  return r;
}
