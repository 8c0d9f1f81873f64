/* kalloc.c — physical pages for page tables, user memory and trap frames,
 * from the end of the kernel image to the top of RAM.
 *
 * Pages never used yet are handed out from a watermark (kmem.next); pages
 * given back go onto a free list threaded through the pages themselves.
 * Unlike a list of all of RAM built at boot, this touches a page only when
 * it is first needed: booting does not write to all 128 MiB, which on an
 * emulator means the host does not have to provide them either. */
#include "defs.h"

extern char end[];     /* first address after the kernel (link.ld) */

struct run { struct run *next; };

static struct {
  struct spinlock lock;
  struct run *free;    /* pages given back */
  uint64 next;         /* first page never handed out */
} kmem;

void kinit(void)
{
  initlock(&kmem.lock, "kmem");
  kmem.next = PGROUNDUP((uint64)end);
}

void kfree(void *pa)
{
  if ((uint64)pa % PGSIZE || (char *)pa < end || (uint64)pa >= kmem.next)
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
  if (r) {
    kmem.free = r->next;
  } else if (kmem.next + PGSIZE <= PHYSTOP) {
    r = (struct run *)kmem.next;
    kmem.next += PGSIZE;
  }
  release(&kmem.lock);
  if (r)
    memset(r, 0, PGSIZE);
  return r;
}
