/* trap.c — traps from user mode (system calls, faults, triggers, device
 * and timer interrupts) and from the kernel (interrupts only), and the
 * way back to user mode through the trampoline. */
#include "defs.h"
#include "proc.h"

struct spinlock tickslock;
volatile uint64 ticks;

extern char trampoline[], uservec[], userret[];
extern void kernelvec(void);

void usertrap(void);

void trapinit(void) { initlock(&tickslock, "time"); }

static uint64 now(void) { return csr_read(time); }

void trapinithart(void)
{
  csr_write(stvec, (uint64)kernelvec);
  csr_set(sie, (1 << IRQ_SEI) | (1 << IRQ_STI) | (1 << IRQ_SSI));
  sbi_set_timer(now() + TIMEBASE_HZ / TICK_HZ);
}

/* 2 for a timer interrupt, 1 for another interrupt, 0 if not one. */
static int devintr(uint64 scause)
{
  if (scause == (CAUSE_INTERRUPT | IRQ_SEI)) {
    int irq = plic_claim();
    if (irq == UART0_IRQ)
      uartintr();
    if (irq)
      plic_complete(irq);
    return 1;
  }
  if (scause == (CAUSE_INTERRUPT | IRQ_STI)) {
    if (cpuid() == 0) {
      acquire(&tickslock);
      ticks++;
      wakeup((void *)&ticks);
      release(&tickslock);
    }
    sbi_set_timer(now() + TIMEBASE_HZ / TICK_HZ);   /* also clears STIP */
    return 2;
  }
  if (scause == (CAUSE_INTERRUPT | IRQ_SSI)) {       /* SBI IPI: nothing to do */
    csr_clear(sip, 1 << IRQ_SSI);
    return 1;
  }
  return 0;
}

/* From uservec (trampoline.S), on the kernel page table and stack. */
void usertrap(void)
{
  if (csr_read(sstatus) & SSTATUS_SPP)
    panic("usertrap: not from user mode");
  csr_write(stvec, (uint64)kernelvec);
  struct proc *p = myproc();
  uint64 scause = csr_read(scause);
  p->trapframe->epc = csr_read(sepc);
  int which = 0;

  if (scause == CAUSE_ECALL_U) {
    if (killed(p))
      exit(-1);
    p->trapframe->epc += 4;
    csr_set(sstatus, SSTATUS_SIE);     /* system calls may take a while */
    syscall();
  } else if ((which = devintr(scause)) != 0) {
    /* handled */
  } else if (scause == CAUSE_BREAKPOINT) {
    debug_trap(p, p->trapframe->epc, csr_read(stval));   /* a watchpoint, or ebreak */
  } else {
    user_fault(p, scause, p->trapframe->epc, csr_read(stval));
  }
  if (killed(p))
    exit(-1);
  if (which == 2)
    yield();                           /* preemption: the time slice is over */
  usertrapret();
}

void usertrapret(void)
{
  struct proc *p = myproc();
  csr_clear(sstatus, SSTATUS_SIE);     /* until sret, traps would go to uservec */
  csr_write(stvec, TRAMPOLINE + (uservec - trampoline));
  p->trapframe->kernel_satp = csr_read(satp);
  p->trapframe->kernel_sp = (uint64)p->kstack + KSTACKSIZE;
  p->trapframe->kernel_trap = (uint64)usertrap;
  p->trapframe->kernel_hartid = cpuid();
  uint64 s = csr_read(sstatus);
  s &= ~SSTATUS_SPP;                   /* sret to U mode */
  s |= SSTATUS_SPIE;                   /* with interrupts on */
  csr_write(sstatus, s);
  csr_write(sepc, p->trapframe->epc);
  void (*ret)(uint64) = (void (*)(uint64))(TRAMPOLINE + (userret - trampoline));
  ret(MAKE_SATP(p->pagetable));
  __builtin_unreachable();
}

/* From kernelvec: an interrupt while the kernel ran. */
void kerneltrap(void)
{
  uint64 sepc = csr_read(sepc), sstatus = csr_read(sstatus), scause = csr_read(scause);
  if (!(sstatus & SSTATUS_SPP))
    panic("kerneltrap: not from S mode");
  int which = devintr(scause);
  if (which == 0) {
    printf("rvos: kernel trap scause %lx sepc %lx stval %lx on hart %d\n", scause, sepc,
           csr_read(stval), cpuid());
    panic("kerneltrap");
  }
  if (which == 2 && myproc() != 0 && myproc()->state == RUNNING)
    yield();
  /* yield() may have run other traps: restore what sret needs */
  csr_write(sepc, sepc);
  csr_write(sstatus, sstatus);
}
