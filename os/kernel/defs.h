/* defs.h — the kernel's functions, by file. */
#ifndef DEFS_H
#define DEFS_H
#include "../include/types.h"
#include "../include/riscv.h"
#include "../include/memlayout.h"
#include "param.h"
#include "spinlock.h"

struct proc;
struct cpu;
struct context;
struct dbgevent;
struct watchinfo;

/* sbi.c */
struct sbiret { long error; long value; };
struct sbiret sbi_call(long eid, long fid, long a0, long a1, long a2);
void sbi_set_timer(uint64 when);
long sbi_hart_start(uint64 hartid, uint64 addr, uint64 opaque);
void sbi_shutdown(int failure) __attribute__((noreturn));
void sbi_console_puts(const char *s);

/* printf.c */
void printf(const char *fmt, ...);
void panic(const char *s) __attribute__((noreturn));
void printfinit(void);
void printf_lock(int on);

/* string.c */
void *memset(void *dst, int c, uint64 n);
void *memmove(void *dst, const void *src, uint64 n);
void *memcpy(void *dst, const void *src, uint64 n);
int strncmp(const char *p, const char *q, uint64 n);
int strlen(const char *s);
char *safestrcpy(char *dst, const char *src, int n);

/* spinlock.c */
void initlock(struct spinlock *lk, const char *name);
void acquire(struct spinlock *lk);
void release(struct spinlock *lk);
int holding(struct spinlock *lk);
void push_off(void);
void pop_off(void);

/* uart.c */
void uartinit(void);
void uartputc_sync(int c);
void uartintr(void);

/* console.c */
void consoleinit(void);
void consputc(int c);
void consoleintr(int c);
int consolewrite(uint64 src, int n);
int consoleread(uint64 dst, int n);

/* plic.c */
void plicinit(void);
void plicinithart(void);
int plic_claim(void);
void plic_complete(int irq);

/* kalloc.c */
void kinit(void);
void *kalloc(void);
void kfree(void *pa);

/* vm.c */
void kvminit(void);
void kvminithart(void);
pagetable_t uvmcreate(void);
int mappages(pagetable_t pt, uint64 va, uint64 size, uint64 pa, int perm);
void uvmfree(pagetable_t pt);
uint64 walkaddr(pagetable_t pt, uint64 va);
int copyout(pagetable_t pt, uint64 dstva, const void *src, uint64 len);
int copyin(pagetable_t pt, void *dst, uint64 srcva, uint64 len);
int copyinstr(pagetable_t pt, char *dst, uint64 srcva, uint64 max);

/* proc.c */
struct cpu *mycpu(void);
struct proc *myproc(void);
int cpuid(void);
void procinit(void);
void userinit(void);
void scheduler(void) __attribute__((noreturn));
void sched(void);
void yield(void);
void sleep(void *chan, struct spinlock *lk);
void wakeup(void *chan);
void exit(int status) __attribute__((noreturn));
int wait(int pid, uint64 status_addr);
int kill(int pid);
int killed(struct proc *p);
void setkilled(struct proc *p);
struct proc *allocproc(void);
void freeproc(struct proc *p);
int procinfo(uint64 dst, int max);
extern struct spinlock wait_lock;


/* spawn.c */
int spawn(const char *name, char **argv, int flags);

/* programs.S / programs.c */
const uint8 *program_image(const char *name, uint64 *size);

/* trap.c */
void trapinit(void);
void trapinithart(void);
void usertrapret(void) __attribute__((noreturn));
extern volatile uint64 ticks;
extern struct spinlock tickslock;

/* syscall.c */
void syscall(void);
int argint(int n);
uint64 argaddr(int n);
int argstr(int n, char *buf, int max);

/* watch.c: per-process hardware triggers */
void watchinithart(void);
int watch_ntrig(void);
int watch_set(struct proc *p, uint64 addr, int size, int kind);
int watch_clear(struct proc *p, int slot);
int watch_list(struct proc *p, struct watchinfo *out, int max);
void watch_clear_all(struct proc *p);
void watch_load(struct proc *p);
void watch_unload(void);
int watch_hit(struct proc *p, uint64 epc, uint64 addr, struct dbgevent *ev);
void watch_resync(struct proc *p);
int watch_step_done(struct proc *p);

/* debug.c: the debugger relationship */
void debug_stop(struct proc *p);
void debug_trap(struct proc *p, uint64 epc, uint64 tval);
struct proc *debug_child(int pid);
int debug_wait(int pid, uint64 evaddr);
int debug_cont(int pid);
int debug_peek(int pid, uint64 addr, uint64 dst, int n);
void debug_release(struct proc *p);

/* fault.c */
void user_fault(struct proc *p, uint64 scause, uint64 sepc, uint64 stval);

#define NELEM(x) (sizeof(x) / sizeof((x)[0]))
#endif
