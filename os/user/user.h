/* user.h — what user programs can call: the system calls (usys.S) and a
 * small C library (ulib.c). */
#ifndef USER_H
#define USER_H
#include "../include/types.h"
#include "../include/syscall.h"

/* system calls */
void exit(int status) __attribute__((noreturn));
int wait(int pid, int *status);
int getpid(void);
int write(int fd, const void *buf, int n);
int read(int fd, void *buf, int n);
int sleep(int ticks);
int kill(int pid);
int spawn(const char *name, char **argv, int flags);
int uptime(void);
void halt(int code) __attribute__((noreturn));
int ps(struct procinfo *out, int max);
int ntrig(void);
int watch(int pid, unsigned long addr, int size, int kind);
int unwatch(int pid, int slot);
int watches(int pid, struct watchinfo *out, int max);
int dbgwait(int pid, struct dbgevent *ev);
int dbgcont(int pid);
int peek(int pid, unsigned long addr, void *buf, int n);

/* ulib.c */
int printf(const char *fmt, ...);
int fprintf(int fd, const char *fmt, ...);
int strlen(const char *s);
int strcmp(const char *a, const char *b);
char *strchr(const char *s, int c);
int atoi(const char *s);
unsigned long strtoul(const char *s, char **end, int base);
void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);
char *gets(char *buf, int max);
#endif
