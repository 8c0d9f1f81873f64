/* memlayout.h — the physical machine (QEMU virt's map, which rvscope shares)
 * and the split of RAM between the firmware and the kernel. */
#ifndef MEMLAYOUT_H
#define MEMLAYOUT_H

#define FINISHER   0x100000UL    /* sifive_test: write 0x5555 to power off */
#define CLINT      0x2000000UL
#define CLINT_MSIP(h)     (CLINT + 4 * (h))
#define CLINT_MTIMECMP(h) (CLINT + 0x4000 + 8 * (h))
#define CLINT_MTIME       (CLINT + 0xbff8)
#define PLIC       0xc000000UL
#define PLIC_SIZE  0x400000UL
#define PLIC_PRIORITY(irq)   (PLIC + 4 * (irq))
#define PLIC_SENABLE(h)      (PLIC + 0x2080 + (h) * 0x100)   /* context 2h+1 */
#define PLIC_STHRESHOLD(h)   (PLIC + 0x201000 + (h) * 0x2000)
#define PLIC_SCLAIM(h)       (PLIC + 0x201004 + (h) * 0x2000)
#define UART0      0x10000000UL
#define UART0_IRQ  10

#define RAMBASE    0x80000000UL  /* the firmware lives in the first 2 MiB */
#define KERNBASE   0x80200000UL  /* where the firmware jumps to, S mode */
#define PHYSTOP    (RAMBASE + 128 * 1024 * 1024)

#define NHART_MAX  4
#define TIMEBASE_HZ 10000000UL   /* mtime ticks per second on both machines */
#endif
