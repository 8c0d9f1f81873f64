/* spinlock.h — a mutual-exclusion lock that spins; held with interrupts
 * off on this hart so an interrupt handler cannot deadlock on it. */
#ifndef SPINLOCK_H
#define SPINLOCK_H
struct spinlock {
  unsigned int locked;
  const char *name;
  struct cpu *cpu;     /* holder, for holding() and panics */
};
#endif
