/* sbitest — the rvos firmware's SBI calls, checked from S mode against the
 * SBI specification: every DBTR function with its error cases, an S-mode
 * trigger firing through the delegated breakpoint (and not firing while
 * sstatus.SIE = 0: the Debug Spec's re-entrancy rule), disable/enable,
 * BASE, TIME, IPI, RFENCE, HSM, DBCN, and SRST to end. It prints one line
 * per fact; tests/os/sbitest.expected is what the specifications say it
 * must print on rvscope --harts 2 (4 triggers per hart). */
#include "../../../os/include/types.h"
#include "../../../os/include/riscv.h"
#include "../../../os/include/sbi.h"

struct ret { long error, value; };

static struct ret sbi(long eid, long fid, long a0, long a1, long a2)
{
  register long r0 asm("a0") = a0, r1 asm("a1") = a1, r2 asm("a2") = a2;
  register long r6 asm("a6") = fid, r7 asm("a7") = eid;
  asm volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
  return (struct ret){r0, r1};
}

static void putc_(char c) { sbi(SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, c, 0, 0); }
static void puts_(const char *s) { while (*s) putc_(*s++); }
static void hex(uint64 v)
{
  puts_("0x");
  int i = 60;
  while (i > 0 && !((v >> i) & 15))
    i -= 4;
  for (; i >= 0; i -= 4)
    putc_("0123456789abcdef"[(v >> i) & 15]);
}
static void dec(long v)
{
  char b[24];
  int i = 0;
  uint64 u = v < 0 ? -(uint64)v : (uint64)v;
  do b[i++] = '0' + u % 10; while ((u /= 10) != 0);
  if (v < 0) putc_('-');
  while (i--) putc_(b[i]);
}
/* "what: error E value V" */
static void show(const char *what, struct ret r)
{
  puts_(what);
  puts_(": error ");
  dec(r.error);
  puts_(" value ");
  dec(r.value);
  putc_('\n');
}

static volatile uint64 traps, last_cause, last_tval, ssi, sti;
static volatile uint32 watched, other;

void strap(void)
{
  uint64 c = csr_read(scause);
  if (c == (CAUSE_INTERRUPT | IRQ_SSI)) {
    ssi++;
    csr_clear(sip, 1 << IRQ_SSI);
    return;
  }
  if (c == (CAUSE_INTERRUPT | IRQ_STI)) {
    sti++;
    sbi(SBI_EXT_TIME, 0, -1, 0, 0);           /* no next deadline: clears STIP */
    return;
  }
  traps++;
  last_cause = c;
  last_tval = csr_read(stval);
  if (c != CAUSE_BREAKPOINT) {               /* anything else is a test bug */
    puts_("unexpected trap ");
    hex(c);
    puts_(" at ");
    hex(csr_read(sepc));
    putc_('\n');
    sbi(SBI_EXT_SRST, 0, 0, 1, 0);
  }
  /* store triggers fire after the store: sepc is already the next insn */
}

static void store_and_report(const char *what)
{
  uint64 before = traps;
  watched = watched + 1;
  puts_(what);
  if (traps == before) {
    puts_(": no trap\n");
  } else {
    puts_(": breakpoint, cause ");
    dec((long)last_cause);
    puts_(", tval is &watched: ");
    puts_(last_tval == (uint64)&watched ? "yes\n" : "no\n");
  }
}

static volatile int hart1_ran;
static volatile uint64 hart1_opaque;

void hart1_main(uint64 hartid, uint64 opaque)
{
  hart1_opaque = opaque + hartid;
  __atomic_store_n(&hart1_ran, 1, __ATOMIC_RELEASE);
  sbi(SBI_EXT_HSM, SBI_HSM_STOP, 0, 0, 0);
}
extern char hart1_entry[], trapvec[];

static struct sbi_dbtr_entry shm[8] __attribute__((aligned(64)));

#define STORE_S (MC6_TYPE | MC6_S | MC6_STORE | (1UL << 7))   /* NAPOT, any size */

int main(void)
{
  csr_write(stvec, (uint64)trapvec);
  puts_("sbitest\n");

  /* BASE */
  show("spec version", sbi(SBI_EXT_BASE, SBI_BASE_SPEC_VERSION, 0, 0, 0));
  long exts[] = {SBI_EXT_TIME, SBI_EXT_IPI, SBI_EXT_RFNC, SBI_EXT_HSM, SBI_EXT_SRST,
                 SBI_EXT_DBCN, SBI_EXT_DBTR, 0x12345};
  puts_("probe:");
  for (int i = 0; i < 8; i++) {
    putc_(' ');
    dec(sbi(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, exts[i], 0, 0).value);
  }
  putc_('\n');
  show("unknown extension", sbi(0x0abcdef, 0, 0, 0, 0));

  /* DBTR: counting */
  show("num_triggers(0)", sbi(SBI_EXT_DBTR, SBI_DBTR_NUM_TRIGGERS, 0, 0, 0));
  show("num_triggers(store, s)", sbi(SBI_EXT_DBTR, SBI_DBTR_NUM_TRIGGERS, STORE_S, 0, 0));
  show("num_triggers(m bit)", sbi(SBI_EXT_DBTR, SBI_DBTR_NUM_TRIGGERS, STORE_S | MC6_M, 0, 0));
  show("num_triggers(chain)", sbi(SBI_EXT_DBTR, SBI_DBTR_NUM_TRIGGERS, STORE_S | (1UL << 11), 0, 0));
  /* icount keeps u at bit 6, where mcontrol6 keeps m: still a valid request */
  show("num_triggers(icount, u)", sbi(SBI_EXT_DBTR, SBI_DBTR_NUM_TRIGGERS,
                                      (3UL << 60) | (1UL << 10) | (1UL << 6), 0, 0));
  show("num_triggers(icount, m)", sbi(SBI_EXT_DBTR, SBI_DBTR_NUM_TRIGGERS,
                                      (3UL << 60) | (1UL << 10) | (1UL << 9), 0, 0));

  /* shared memory */
  show("read without shmem", sbi(SBI_EXT_DBTR, SBI_DBTR_READ, 0, 1, 0));
  show("install without shmem", sbi(SBI_EXT_DBTR, SBI_DBTR_INSTALL, 1, 0, 0));
  show("set_shmem misaligned", sbi(SBI_EXT_DBTR, SBI_DBTR_SET_SHMEM, (long)shm + 4, 0, 0));
  show("set_shmem flags", sbi(SBI_EXT_DBTR, SBI_DBTR_SET_SHMEM, (long)shm, 0, 1));
  show("set_shmem high half", sbi(SBI_EXT_DBTR, SBI_DBTR_SET_SHMEM, (long)shm, 1, 0));
  show("set_shmem", sbi(SBI_EXT_DBTR, SBI_DBTR_SET_SHMEM, (long)shm, 0, 0));

  /* install two, read them back */
  shm[0] = (struct sbi_dbtr_entry){99, STORE_S, (uint64)&watched | 1, 0};
  shm[1] = (struct sbi_dbtr_entry){99, MC6_TYPE | MC6_U | MC6_LOAD, (uint64)&other, 0};
  show("install 2", sbi(SBI_EXT_DBTR, SBI_DBTR_INSTALL, 2, 0, 0));
  puts_("indexes: ");
  dec((long)shm[0].word0);
  putc_(' ');
  dec((long)shm[1].word0);
  putc_('\n');
  show("read 0..1", sbi(SBI_EXT_DBTR, SBI_DBTR_READ, 0, 2, 0));
  puts_("state 0: ");
  hex(shm[0].word0);
  puts_(", tdata1 0 as installed: ");
  puts_((shm[0].tdata1 & ~(MC6_HIT1 | MC6_HIT0)) == STORE_S ? "yes" : "no");
  puts_(", tdata2 0: ");
  puts_(shm[0].tdata2 == ((uint64)&watched | 1) ? "yes\n" : "no\n");
  puts_("state 1: ");
  hex(shm[1].word0);
  putc_('\n');
  show("read 2..4 (beyond)", sbi(SBI_EXT_DBTR, SBI_DBTR_READ, 2, 3, 0));
  show("read 4 (beyond)", sbi(SBI_EXT_DBTR, SBI_DBTR_READ, 4, 1, 0));

  /* the S-mode trigger fires, delegated, only while SIE = 1 */
  csr_set(sstatus, SSTATUS_SIE);
  store_and_report("store, SIE=1");
  csr_clear(sstatus, SSTATUS_SIE);
  store_and_report("store, SIE=0");
  csr_set(sstatus, SSTATUS_SIE);
  show("disable 0", sbi(SBI_EXT_DBTR, SBI_DBTR_DISABLE, 0, 1, 0));
  store_and_report("store, disabled");
  sbi(SBI_EXT_DBTR, SBI_DBTR_READ, 0, 1, 0);
  puts_("disabled tdata1 has s: ");
  puts_(shm[0].tdata1 & MC6_S ? "yes\n" : "no\n");
  show("enable 0", sbi(SBI_EXT_DBTR, SBI_DBTR_ENABLE, 0, 1, 0));
  store_and_report("store, enabled");
  /* hit bits: the Debug Spec's "immediately after" for a store */
  sbi(SBI_EXT_DBTR, SBI_DBTR_READ, 0, 1, 0);
  puts_("hit1:hit0 = ");
  dec(((shm[0].tdata1 & MC6_HIT1) ? 2 : 0) | ((shm[0].tdata1 & MC6_HIT0) ? 1 : 0));
  putc_('\n');

  /* update */
  shm[0] = (struct sbi_dbtr_entry){0, STORE_S, (uint64)&other | 1, 0};
  show("update 0 to &other", sbi(SBI_EXT_DBTR, SBI_DBTR_UPDATE, 1, 0, 0));
  store_and_report("store to watched after update");
  shm[0] = (struct sbi_dbtr_entry){0, (2UL << 60) | MC6_S | MC6_STORE, (uint64)&other, 0};
  show("update 0 with another type", sbi(SBI_EXT_DBTR, SBI_DBTR_UPDATE, 1, 0, 0));
  shm[0] = (struct sbi_dbtr_entry){3, STORE_S, (uint64)&other, 0};
  show("update 3 (not installed)", sbi(SBI_EXT_DBTR, SBI_DBTR_UPDATE, 1, 0, 0));
  shm[0] = (struct sbi_dbtr_entry){7, STORE_S, (uint64)&other, 0};
  show("update 7 (no such)", sbi(SBI_EXT_DBTR, SBI_DBTR_UPDATE, 1, 0, 0));

  /* uninstall */
  show("uninstall 0,1", sbi(SBI_EXT_DBTR, SBI_DBTR_UNINSTALL, 0, 3, 0));
  show("uninstall 0 again", sbi(SBI_EXT_DBTR, SBI_DBTR_UNINSTALL, 0, 1, 0));
  show("enable 0 (not installed)", sbi(SBI_EXT_DBTR, SBI_DBTR_ENABLE, 0, 1, 0));
  sbi(SBI_EXT_DBTR, SBI_DBTR_READ, 0, 1, 0);
  puts_("after uninstall: state ");
  hex(shm[0].word0);
  puts_(", tdata1 type ");
  dec((long)(shm[0].tdata1 >> 60));
  putc_('\n');
  store_and_report("store after uninstall");

  /* install errors */
  for (int i = 0; i < 5; i++)
    shm[i] = (struct sbi_dbtr_entry){0, STORE_S, (uint64)&other, 0};
  show("install 5 of 4", sbi(SBI_EXT_DBTR, SBI_DBTR_INSTALL, 5, 0, 0));
  shm[1].tdata1 |= MC6_M;
  show("install with m at 1", sbi(SBI_EXT_DBTR, SBI_DBTR_INSTALL, 2, 0, 0));
  sbi(SBI_EXT_DBTR, SBI_DBTR_UNINSTALL, 0, 1, 0);   /* what index 0 got */
  for (int i = 0; i < 4; i++)
    shm[i] = (struct sbi_dbtr_entry){0, STORE_S, (uint64)&other, 0};
  show("install 4 of 4", sbi(SBI_EXT_DBTR, SBI_DBTR_INSTALL, 4, 0, 0));
  show("install 1 more", sbi(SBI_EXT_DBTR, SBI_DBTR_INSTALL, 1, 0, 0));
  show("uninstall all", sbi(SBI_EXT_DBTR, SBI_DBTR_UNINSTALL, 0, 15, 0));
  show("set_shmem off", sbi(SBI_EXT_DBTR, SBI_DBTR_SET_SHMEM, -1, -1, 0));
  show("read with shmem off", sbi(SBI_EXT_DBTR, SBI_DBTR_READ, 0, 1, 0));

  /* TIME: a deadline 1000 ticks ahead interrupts */
  csr_set(sie, (1 << IRQ_STI) | (1 << IRQ_SSI));
  show("set_timer", sbi(SBI_EXT_TIME, 0, (long)(csr_read(time) + 1000), 0, 0));
  while (sti == 0)
    ;
  puts_("timer interrupt: ");
  dec((long)sti);
  putc_('\n');

  /* IPI to this hart, remote fences */
  show("send_ipi self", sbi(SBI_EXT_IPI, 0, 1, 0, 0));
  while (ssi == 0)
    ;
  puts_("software interrupt: ");
  dec((long)ssi);
  putc_('\n');
  show("remote sfence.vma", sbi(SBI_EXT_RFNC, SBI_RFNC_SFENCE_VMA, 3, 0, 0));
  show("remote fence.i", sbi(SBI_EXT_RFNC, SBI_RFNC_FENCE_I, -1, -1, 0));

  /* HSM */
  show("status 0", sbi(SBI_EXT_HSM, SBI_HSM_STATUS, 0, 0, 0));
  show("status 1", sbi(SBI_EXT_HSM, SBI_HSM_STATUS, 1, 0, 0));
  show("status 2 (absent)", sbi(SBI_EXT_HSM, SBI_HSM_STATUS, 2, 0, 0));
  show("start 1", sbi(SBI_EXT_HSM, SBI_HSM_START, 1, (long)hart1_entry, 41));
  while (!__atomic_load_n(&hart1_ran, __ATOMIC_ACQUIRE))
    ;
  puts_("hart 1 ran, opaque + hartid = ");
  dec((long)hart1_opaque);
  putc_('\n');
  while (sbi(SBI_EXT_HSM, SBI_HSM_STATUS, 1, 0, 0).value != SBI_HSM_STOPPED)
    ;
  puts_("hart 1 stopped again\n");
  show("start 0 (running)", sbi(SBI_EXT_HSM, SBI_HSM_START, 0, (long)hart1_entry, 0));

  /* DBCN */
  static const char msg[] = "dbcn write\n";
  show("dbcn write", sbi(SBI_EXT_DBCN, SBI_DBCN_WRITE, sizeof msg - 1, (long)msg, 0));
  show("dbcn write high", sbi(SBI_EXT_DBCN, SBI_DBCN_WRITE, 1, (long)msg, 1));

  /* SRST: power off with "no reason": exit status 0 */
  puts_("reset\n");
  sbi(SBI_EXT_SRST, 0, SBI_SRST_SHUTDOWN, SBI_SRST_REASON_NONE, 0);
  puts_("still running after reset\n");
  return 0;
}
