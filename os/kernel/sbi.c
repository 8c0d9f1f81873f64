/* sbi.c — calls into the firmware. The kernel touches no M-mode state
 * itself: timers, other harts, power off and the trigger module all go
 * through these, so it runs under any SBI implementation that has them. */
#include "defs.h"
#include "../include/sbi.h"

struct sbiret sbi_call(long eid, long fid, long a0, long a1, long a2)
{
  register long r0 asm("a0") = a0;
  register long r1 asm("a1") = a1;
  register long r2 asm("a2") = a2;
  register long r6 asm("a6") = fid;
  register long r7 asm("a7") = eid;
  asm volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
  return (struct sbiret){r0, r1};
}

void sbi_set_timer(uint64 when) { sbi_call(SBI_EXT_TIME, 0, (long)when, 0, 0); }

long sbi_hart_start(uint64 hartid, uint64 addr, uint64 opaque)
{
  return sbi_call(SBI_EXT_HSM, SBI_HSM_START, (long)hartid, (long)addr, (long)opaque).error;
}

void sbi_shutdown(int failure)
{
  sbi_call(SBI_EXT_SRST, 0, SBI_SRST_SHUTDOWN,
           failure ? SBI_SRST_REASON_FAILURE : SBI_SRST_REASON_NONE, 0);
  for (;;)
    ;
}

/* Before the UART driver is up (and in panics) print through DBCN. */
void sbi_console_puts(const char *s)
{
  for (; *s; s++)
    sbi_call(SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, *s, 0, 0);
}
