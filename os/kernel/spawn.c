/* spawn.c — create a process running a program from programs.S: a fresh
 * address space with the ELF's segments at their link addresses (every
 * program at USERBASE, so two processes of one program use the same
 * virtual addresses), a stack under USTACKTOP with argv on it, and a
 * trap frame that starts it at the ELF entry point with a0 = argc and
 * a1 = argv. rvos has spawn rather than fork + exec: it is all the shell
 * and the debugger need, and it keeps address spaces independent. */
#include "defs.h"
#include "proc.h"
#include "elf.h"

struct program { const char *name; const uint8 *start, *end; };
extern struct program program_table[];

const uint8 *program_image(const char *name, uint64 *size)
{
  for (struct program *pr = program_table; pr->name; pr++)
    if (strncmp(pr->name, name, 32) == 0) {
      *size = pr->end - pr->start;
      return pr->start;
    }
  return 0;
}

/* Map fresh pages for [va, va+memsz) and copy filesz bytes of image there. */
static int load_segment(pagetable_t pt, uint64 va, const uint8 *src, uint64 filesz,
                        uint64 memsz, int perm)
{
  for (uint64 a = PGROUNDDOWN(va); a < va + memsz; a += PGSIZE) {
    char *mem = kalloc();
    if (mem == 0 || mappages(pt, a, PGSIZE, (uint64)mem, perm | PTE_U) < 0) {
      if (mem)
        kfree(mem);
      return -1;
    }
    /* the part of the file that lands in this page */
    uint64 lo = a > va ? a : va, hi = a + PGSIZE < va + filesz ? a + PGSIZE : va + filesz;
    if (lo < hi)
      memmove(mem + (lo - a), src + (lo - va), hi - lo);
  }
  return 0;
}

static int load_elf(struct proc *p, const uint8 *img, uint64 size)
{
  const struct elfhdr *eh = (const struct elfhdr *)img;
  if (size < sizeof *eh || eh->magic != ELF_MAGIC || eh->phoff + eh->phnum * sizeof(struct proghdr) > size)
    return -1;
  for (int i = 0; i < eh->phnum; i++) {
    const struct proghdr *ph = (const struct proghdr *)(img + eh->phoff) + i;
    if (ph->type != ELF_PROG_LOAD || ph->memsz == 0)
      continue;
    if (ph->vaddr < USERBASE || ph->vaddr + ph->memsz >= USTACKTOP - USTACKPAGES * PGSIZE - PGSIZE ||
        ph->filesz > ph->memsz || ph->off + ph->filesz > size)
      return -1;
    int perm = ((ph->flags & ELF_PROG_FLAG_READ) ? PTE_R : 0) |
               ((ph->flags & ELF_PROG_FLAG_WRITE) ? PTE_W : 0) |
               ((ph->flags & ELF_PROG_FLAG_EXEC) ? PTE_X : 0);
    if (load_segment(p->pagetable, ph->vaddr, img + ph->off, ph->filesz, ph->memsz, perm) < 0)
      return -1;
  }
  p->trapframe->epc = eh->entry;
  return 0;
}

/* The stack: USTACKPAGES pages; the page below them stays unmapped, so an
 * overflow is a page fault, not a silent overwrite. */
static int setup_stack(struct proc *p, char **argv)
{
  uint64 sp = USTACKTOP, ustack[MAXARG + 1];
  int argc;
  if (load_segment(p->pagetable, USTACKTOP - USTACKPAGES * PGSIZE, 0, 0, USTACKPAGES * PGSIZE,
                   PTE_R | PTE_W) < 0)
    return -1;
  for (argc = 0; argv[argc]; argc++) {
    if (argc >= MAXARG)
      return -1;
    sp -= strlen(argv[argc]) + 1;
    sp &= ~15UL;
    if (copyout(p->pagetable, sp, argv[argc], strlen(argv[argc]) + 1) < 0)
      return -1;
    ustack[argc] = sp;
  }
  ustack[argc] = 0;
  sp -= (argc + 1) * sizeof(uint64);
  sp &= ~15UL;
  if (copyout(p->pagetable, sp, ustack, (argc + 1) * sizeof(uint64)) < 0)
    return -1;
  p->trapframe->x[REG_SP] = sp;
  p->trapframe->x[REG_A0] = argc;
  p->trapframe->x[REG_A0 + 1] = sp;
  return 0;
}

/* argv: kernel strings. Returns the child's pid, or -1. */
int spawn(const char *name, char **argv, int flags)
{
  uint64 size;
  const uint8 *img = program_image(name, &size);
  if (img == 0)
    return -1;
  struct proc *p = allocproc();
  if (p == 0)
    return -1;
  if (load_elf(p, img, size) < 0 || setup_stack(p, argv) < 0) {
    freeproc(p);
    release(&p->lock);
    return -1;
  }
  safestrcpy(p->name, name, sizeof p->name);
  int pid = p->pid;
  release(&p->lock);

  acquire(&wait_lock);
  p->parent = myproc();
  if (flags & SPAWN_STOPPED) {
    p->stopped = 1;         /* forkret waits in debug_stop() for dbgcont */
    p->reported = 1;        /* nothing for dbgwait to say yet */
  }
  release(&wait_lock);

  acquire(&p->lock);
  p->state = RUNNABLE;
  release(&p->lock);
  return pid;
}
