/* param.h — sizes and limits of rvos. */
#define NPROC        32          /* process table size */
#define NCPU         NHART_MAX
#define KSTACKSIZE   8192        /* per-process kernel stack */
#define MAXARG       16          /* spawn: arguments */
#define MAXARGLEN    64          /* spawn: bytes per argument */
#define TICK_HZ      100         /* timer interrupts per second per hart */
#define USERBASE     0x1000UL    /* every program is linked here (user/link.ld) */
#define USTACKTOP    0x40000000UL
#define USTACKPAGES  4
/* The trampoline is the highest page of every address space, kernel and
 * user alike, so the instruction that switches satp keeps running. */
#define TRAMPOLINE   (MAXVA - PGSIZE)
#define TRAPFRAME    (TRAMPOLINE - PGSIZE)
