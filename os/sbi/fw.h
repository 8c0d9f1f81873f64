/* fw.h — the firmware's internal interfaces. The firmware runs in M mode
 * with physical addresses, one 4 KiB stack per hart, no locks beyond atomic
 * flags: every SBI call acts on the calling hart's own state, except HSM
 * and IPI, which only set another hart's flags and poke its CLINT msip. */
#ifndef FW_H
#define FW_H
#include "../include/types.h"
#include "../include/riscv.h"
#include "../include/memlayout.h"
#include "../include/sbi.h"

struct fw_regs { uint64 x[32]; };    /* x[10] = a0 ... x[17] = a7 */
#define REG_A(r, n) ((r)->x[10 + (n)])

struct sbiret { long error; long value; };

/* per-hart flags set by other harts (ipi.c, hsm.c) */
struct fw_hart {
  volatile int present;       /* reached the firmware */
  volatile int hsm_state;     /* SBI_HSM_STARTED / STOPPED / START_PENDING */
  volatile uint64 start_addr, start_opaque;
  volatile int ipi_pending;   /* raise SSIP for S mode */
  volatile int fence_vma, fence_i;
};
extern struct fw_hart fw_harts[NHART_MAX];
extern int fw_has_sstc;

/* start.S */
void fw_enter_smode(uint64 hartid, uint64 opaque, uint64 addr) __attribute__((noreturn));

/* console.c */
void fw_uart_init(void);
void fw_putc(int c);
void fw_puts(const char *s);
void fw_puthex(uint64 v);
struct sbiret fw_dbcn(int fid, struct fw_regs *r);

/* probe.c: CSR accesses that may not exist */
int fw_csr_probe_begin(void);
int fw_csr_probe_end(void);       /* 1 if an access in between trapped */
extern volatile int fw_probe_trapped[NHART_MAX];

/* time.c */
void fw_time_init(void);
struct sbiret fw_time(int fid, struct fw_regs *r);
void fw_timer_interrupt(void);

/* ipi.c */
struct sbiret fw_ipi(int fid, struct fw_regs *r);
struct sbiret fw_rfence(int fid, struct fw_regs *r);
void fw_soft_interrupt(void);

/* hsm.c */
void fw_hsm_wait(uint64 hartid) __attribute__((noreturn));
struct sbiret fw_hsm(int fid, struct fw_regs *r);

/* dbtr.c */
void fw_dbtr_init(void);
struct sbiret fw_dbtr(int fid, struct fw_regs *r);

/* srst (trap.c) */
void fw_shutdown(int failure) __attribute__((noreturn));

static inline uint64 fw_hartid(void) { return csr_read(mhartid); }
#endif
