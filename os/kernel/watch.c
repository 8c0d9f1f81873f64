/* watch.c — per-process hardware watchpoints on the Sdtrig trigger module,
 * through SBI DBTR (the trigger CSRs are M-mode only).
 *
 * A process's watchpoints live in p->watch[] as ready-made mcontrol6
 * values. The scheduler installs them on the hart right before it switches
 * to the process (watch_load) and uninstalls them right after the process
 * gives up the hart (watch_unload), so the hardware holds a process's
 * triggers exactly while that process runs — another process running the
 * same program at the same virtual addresses never sees them. Each trigger
 * also has only the U bit set: it cannot fire in the kernel (copyout to
 * the watched page) or the firmware. A load or execute watchpoint fires
 * before the access; the process then steps over it with an icount
 * trigger in its place (watch_hit, watch_step_done).
 *
 * Every hart gives the firmware one shared-memory array (shmem[hart]) for
 * the DBTR calls: the kernel writes configurations there and the firmware
 * writes back trigger indexes and states. The kernel maps RAM 1:1, so its
 * address is also the physical address DBTR wants. */
#include "defs.h"
#include "proc.h"
#include "../include/sbi.h"

/* The spec sizes the shared memory by trig_max; this firmware has at most 8
 * triggers per hart, rvscope 16 at most: 16 entries cover either. */
static struct sbi_dbtr_entry shmem[NCPU][16] __attribute__((aligned(64)));
static int hart_ntrig[NCPU];
static int nstarted;

static struct sbiret dbtr(long fid, long a0, long a1, long a2)
{
  return sbi_call(SBI_EXT_DBTR, fid, a0, a1, a2);
}

/* The configuration ndb needs most: a store trigger for U mode, matching
 * a naturally aligned range (NAPOT). How many triggers take it is how
 * many watchpoints this hart can hold; 0 on a machine without a usable
 * trigger module (QEMU 7.2: the firmware refuses its pre-1.0 one). */
#define MATCH_NAPOT (1UL << 7)
static uint64 probe_config(void) { return MC6_TYPE | MATCH_NAPOT | MC6_U | MC6_STORE; }

void watchinithart(void)
{
  int h = cpuid();
  mycpu()->step_idx = -1;
  if (sbi_call(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, SBI_EXT_DBTR, 0, 0).value == 0 ||
      dbtr(SBI_DBTR_SET_SHMEM, (long)shmem[h], 0, 0).error != 0) {
    hart_ntrig[h] = 0;
  } else {
    long n = dbtr(SBI_DBTR_NUM_TRIGGERS, (long)probe_config(), 0, 0).value;
    hart_ntrig[h] = n > NWATCH ? NWATCH : (int)n;
  }
  __atomic_fetch_add(&nstarted, 1, __ATOMIC_ACQ_REL);
}

/* Watchpoints one process may have: the fewest any hart offers, since the
 * process may run on any hart. */
int watch_ntrig(void)
{
  int n = NWATCH;
  for (int h = 0; h < NCPU; h++)
    if (h < nstarted && hart_ntrig[h] < n)
      n = hart_ntrig[h];
  return nstarted ? n : 0;
}

static uint64 kind_bits(int kind)
{
  return kind == WATCH_STORE ? MC6_STORE : kind == WATCH_LOAD ? MC6_LOAD : MC6_EXECUTE;
}

/* Watch [addr, addr+size) in p for one kind of access; the slot, or -1.
 * Takes effect the next time p is scheduled (now, for a stopped child). */
int watch_set(struct proc *p, uint64 addr, int size, int kind)
{
  if ((kind != WATCH_STORE && kind != WATCH_LOAD && kind != WATCH_EXEC) ||
      (size != 1 && size != 2 && size != 4 && size != 8) || addr % size || addr >= MAXVA)
    return -1;
  int used = 0, slot = -1;
  acquire(&p->lock);
  for (int i = 0; i < NWATCH; i++) {
    if (p->watch[i].used)
      used++;
    else if (slot < 0)
      slot = i;
  }
  if (slot < 0 || used >= watch_ntrig()) {
    release(&p->lock);
    return -1;
  }
  struct watch *w = &p->watch[slot];
  w->used = 1;
  w->kind = kind;
  w->size = size;
  w->addr = addr;
  w->hits = 0;
  /* size 0 ("any access size") with a NAPOT range: a byte store into the
   * middle of a watched int fires too. One byte is an exact match. */
  w->tdata1 = MC6_TYPE | MC6_U | kind_bits(kind) | (size > 1 ? MATCH_NAPOT : 0);
  release(&p->lock);
  return slot;
}

static uint64 tdata2_of(struct watch *w)
{
  return w->size > 1 ? w->addr | (uint64)(w->size / 2 - 1) : w->addr;
}

int watch_clear(struct proc *p, int slot)
{
  if (slot < 0 || slot >= NWATCH)
    return -1;
  acquire(&p->lock);
  int ok = p->watch[slot].used;
  p->watch[slot].used = 0;
  release(&p->lock);
  return ok ? 0 : -1;
}

void watch_clear_all(struct proc *p)
{
  acquire(&p->lock);
  for (int i = 0; i < NWATCH; i++)
    p->watch[i].used = 0;
  release(&p->lock);
}

int watch_list(struct proc *p, struct watchinfo *out, int max)
{
  int n = 0;
  acquire(&p->lock);
  for (int i = 0; i < NWATCH && n < max; i++) {
    struct watch *w = &p->watch[i];
    if (!w->used)
      continue;
    out[n] = (struct watchinfo){.slot = i, .kind = w->kind, .size = w->size, .addr = w->addr,
                                .hits = w->hits};
    n++;
  }
  release(&p->lock);
  return n;
}

/* icount (type 3), count 1, U mode, action 0: a breakpoint exception
 * right after one more user instruction has run. */
#define ICOUNT_STEP ((3UL << 60) | (1UL << 10) | (1UL << 6))

/* Arm p's watchpoints on this hart; p->lock held, from the scheduler.
 * While p steps over an access that fired a "before" watchpoint, that
 * watchpoint stays off and an icount trigger takes its place. */
void watch_load(struct proc *p)
{
  struct cpu *c = mycpu();
  struct sbi_dbtr_entry *e = shmem[cpuid()];
  int slots[NWATCH + 1], n = 0;
  c->watch_loaded = 0;
  c->step_idx = -1;
  for (int i = 0; i < NWATCH; i++) {
    struct watch *w = &p->watch[i];
    if (!w->used || i == p->stepping)
      continue;
    e[n] = (struct sbi_dbtr_entry){0, w->tdata1, tdata2_of(w), 0};
    slots[n++] = i;
  }
  if (p->stepping >= 0) {
    e[n] = (struct sbi_dbtr_entry){0, ICOUNT_STEP, 0, 0};
    slots[n++] = -1;
  }
  if (n == 0)
    return;
  struct sbiret r = dbtr(SBI_DBTR_INSTALL, n, 0, 0);
  if (r.error != 0) {
    /* cannot happen while watch_set keeps within watch_ntrig() */
    printf("rvos: pid %d: installing %d triggers failed (SBI error %ld)\n", p->pid, n, r.error);
    return;
  }
  for (int k = 0; k < n; k++) {
    if (slots[k] < 0) {
      c->step_idx = (int)e[k].word0;
    } else {
      c->watch_idx[slots[k]] = (int)e[k].word0;
      c->watch_loaded |= 1 << slots[k];
    }
  }
}

/* Disarm whatever watch_load armed on this hart. */
void watch_unload(void)
{
  struct cpu *c = mycpu();
  uint64 mask = 0;
  for (int i = 0; i < NWATCH; i++)
    if (c->watch_loaded & (1 << i))
      mask |= 1UL << c->watch_idx[i];
  if (c->step_idx >= 0)
    mask |= 1UL << c->step_idx;
  if (mask)
    dbtr(SBI_DBTR_UNINSTALL, 0, (long)mask, 0);
  c->watch_loaded = 0;
  c->step_idx = -1;
}

/* A breakpoint exception in p at epc for address addr (stval): which of
 * p's watchpoints was it? Fills ev and returns 0, or -1 if none (an ebreak
 * instruction, or a trigger p no longer has). Called with interrupts off,
 * so the triggers are still this hart's. */
int watch_hit(struct proc *p, uint64 epc, uint64 addr, struct dbgevent *ev)
{
  struct cpu *c = mycpu();
  acquire(&p->lock);
  int slot = -1;
  for (int i = 0; i < NWATCH && slot < 0; i++) {
    struct watch *w = &p->watch[i];
    if (w->used && (c->watch_loaded & (1 << i)) && addr < w->addr + w->size &&
        addr + 8 > w->addr)      /* an access of up to 8 bytes that overlaps */
      slot = i;
  }
  if (slot < 0) {
    release(&p->lock);
    return -1;
  }
  struct watch *w = &p->watch[slot];
  w->hits++;
  /* The trigger's hit bits tell its timing: "immediately after" (3) for
   * stores (sepc is the next instruction; user code has no compressed
   * instructions, so the store is 4 bytes before), "before" (1) for loads
   * and execution (sepc is the instruction itself, and continuing would
   * fire again at once: p steps over it first, see watch_step_done). */
  int idx = c->watch_idx[slot];
  struct sbi_dbtr_entry *e = shmem[cpuid()];
  int hit = 3;
  if (dbtr(SBI_DBTR_READ, idx, 1, 0).error == 0)
    hit = (int)(((e[0].tdata1 & MC6_HIT1) ? 2 : 0) | ((e[0].tdata1 & MC6_HIT0) ? 1 : 0));
  ev->slot = slot;
  ev->addr = addr;
  ev->resume = epc;
  if (hit == 1) {
    ev->pc = epc;
    p->stepping = slot;
    watch_unload();          /* this trigger off, the icount on */
    watch_load(p);
  } else {
    ev->pc = epc - 4;
    /* clear the hit bits so the next firing is read afresh */
    e[0] = (struct sbi_dbtr_entry){idx, w->tdata1, tdata2_of(w), 0};
    dbtr(SBI_DBTR_UPDATE, 1, 0, 0);
  }
  release(&p->lock);
  return 0;
}

/* p's triggers on this hart no longer match p->watch (cleared while it
 * ran): re-arm from p->watch. Interrupts off. */
void watch_resync(struct proc *p)
{
  watch_unload();
  acquire(&p->lock);
  watch_load(p);
  release(&p->lock);
}

/* A breakpoint exception while p steps over a "before" watchpoint is the
 * icount trigger: the access has been made, so re-arm everything. 1 if it
 * was that; interrupts off. (A context switch between the access and the
 * icount firing re-arms the icount afresh, so one more instruction runs
 * unwatched then.) */
int watch_step_done(struct proc *p)
{
  acquire(&p->lock);
  int stepping = p->stepping >= 0 && mycpu()->step_idx >= 0;
  if (stepping) {
    p->stepping = -1;
    watch_unload();
    watch_load(p);
  }
  release(&p->lock);
  return stepping;
}
