/* dbtr.c — SBI Debug Triggers (DBTR) over the Sdtrig trigger module.
 *
 * The trigger CSRs are M-mode only, so S mode configures triggers through
 * these calls and a per-hart shared-memory array of sbi_dbtr_entry. State
 * is per hart (the triggers are per hart): which hardware triggers are
 * mapped, and the saved u/s bits for enable/disable. A logical trigger
 * index is the hardware index itself; nothing is gained by remapping.
 *
 * Only a version-1.0 trigger module (tinfo.version = 1) is offered: an
 * older draft (QEMU 7.2's) lays out mcontrol6 differently and fires stores
 * before they happen, which a debugger built on this interface would
 * misreport. Such a hart reports 0 triggers. Chains are not supported.
 * Every type the hardware has may be installed (rvos uses mcontrol6 and
 * icount); the mode bits sit in different places per type (modebits_of). */
#include "fw.h"

#define MAXTRIG 8
#define TDATA1_DMODE (1UL << 59)
#define TDATA1_TYPE(t1) ((t1) >> 60)
#define MC_CHAIN (1UL << 11)
#define MC6_HITS (MC6_HIT1 | MC6_HIT0)

struct hwtrig {
  uint64 state;           /* trig_state: mapped, u, s, have_hw, hw index */
};

struct dbtr_hart {
  int ntrig;              /* hardware triggers on this hart (0: none usable) */
  uint64 shmem;           /* physical address, or ~0 when disabled */
  struct hwtrig t[MAXTRIG];
};
static struct dbtr_hart harts[NHART_MAX];

static void select_trig(int i) { csr_write(tselect, i); }

static void write_trig(uint64 t1, uint64 t2, uint64 t3)
{
  csr_write(tdata1, 0);             /* the Debug Spec's safe sequence */
  csr_write(tdata2, t2);
  fw_csr_probe_begin();             /* tdata3 may be absent */
  csr_write(tdata3, t3);
  fw_csr_probe_end();
  csr_write(tdata1, t1);
}

void fw_dbtr_init(void)
{
  struct dbtr_hart *d = &harts[fw_hartid()];
  d->shmem = ~0UL;
  d->ntrig = 0;
  fw_csr_probe_begin();
  uint64 tinfo = csr_read(tinfo);
  int trapped = fw_csr_probe_end();
  if (trapped || ((tinfo >> 24) & 0xff) != 1 || !(tinfo & (1 << 6)))
    return;                          /* no Sdtrig 1.0 with mcontrol6 */
  for (int i = 0; i < MAXTRIG; i++) {
    fw_csr_probe_begin();
    select_trig(i);
    uint64 got = csr_read(tselect);
    trapped = fw_csr_probe_end();
    if (trapped || got != (uint64)i)
      break;
    write_trig(0, 0, 0);
    d->ntrig = i + 1;
  }
}

/* Does hardware trigger i take this configuration as given? (WARL: write
 * it, read it back, put back what was there.) */
static int accepts(int i, uint64 t1)
{
  select_trig(i);
  uint64 o1 = csr_read(tdata1), o2 = csr_read(tdata2);
  write_trig(t1, ~0UL << 3, 0);
  uint64 got = csr_read(tdata1);
  write_trig(o1, o2, 0);
  return (got & ~MC6_HITS) == (t1 & ~MC6_HITS);
}

/* Where the m, s and u bits of each trigger type are: mcontrol and
 * mcontrol6 keep them at 6, 4, 3; icount, itrigger and etrigger at 9, 7, 6;
 * tmexttrigger has none. */
struct modebits { uint64 m, s, u; };

static struct modebits modebits_of(uint64 t1)
{
  switch (TDATA1_TYPE(t1)) {
  case 2: case 6: return (struct modebits){1UL << 6, 1UL << 4, 1UL << 3};
  case 3: case 4: case 5: return (struct modebits){1UL << 9, 1UL << 7, 1UL << 6};
  }
  return (struct modebits){0, 0, 0};
}

static int valid_config(uint64 t1)
{
  return !(t1 & TDATA1_DMODE) && !(t1 & modebits_of(t1).m) &&
         !((TDATA1_TYPE(t1) == 2 || TDATA1_TYPE(t1) == 6) && (t1 & MC_CHAIN));
}

static uint64 mode_bits(uint64 t1)
{
  struct modebits b = modebits_of(t1);
  return ((t1 & b.u) ? SBI_DBTR_STATE_U : 0) | ((t1 & b.s) ? SBI_DBTR_STATE_S : 0);
}

static struct sbiret num_triggers(struct dbtr_hart *d, uint64 t1)
{
  if (t1 == 0)
    return (struct sbiret){0, d->ntrig};
  long n = 0;
  if (valid_config(t1))
    for (int i = 0; i < d->ntrig; i++)
      n += accepts(i, t1);
  return (struct sbiret){0, n};
}

/* The checks install and update share: shared memory set, count in range. */
static int entries_error(struct dbtr_hart *d, uint64 count)
{
  if (d->shmem == ~0UL)
    return SBI_ERR_NO_SHMEM;
  if (count > (uint64)d->ntrig)
    return SBI_ERR_BAD_RANGE;
  return 0;
}

static struct sbiret install(struct dbtr_hart *d, uint64 count)
{
  struct sbi_dbtr_entry *e = (struct sbi_dbtr_entry *)d->shmem;
  int err = entries_error(d, count);
  if (err)
    return (struct sbiret){err, 0};
  for (uint64 k = 0; k < count; k++) {
    if (!valid_config(e[k].tdata1))
      return (struct sbiret){SBI_ERR_INVALID_PARAM, (long)k};
    int i = 0;
    while (i < d->ntrig && (d->t[i].state & SBI_DBTR_STATE_MAPPED))
      i++;
    if (i == d->ntrig)
      return (struct sbiret){SBI_ERR_FAILED, (long)k};
    if (!accepts(i, e[k].tdata1))
      return (struct sbiret){SBI_ERR_NOT_SUPPORTED, (long)k};
    select_trig(i);
    write_trig(e[k].tdata1, e[k].tdata2, e[k].tdata3);
    d->t[i].state = SBI_DBTR_STATE_MAPPED | SBI_DBTR_STATE_HAVE_HW | mode_bits(e[k].tdata1) |
                    ((uint64)i << SBI_DBTR_STATE_HW_SHIFT);
    e[k].word0 = i;
  }
  return (struct sbiret){0, 0};
}

static struct sbiret update(struct dbtr_hart *d, uint64 count)
{
  struct sbi_dbtr_entry *e = (struct sbi_dbtr_entry *)d->shmem;
  int err = entries_error(d, count);
  if (err)
    return (struct sbiret){err, 0};
  for (uint64 k = 0; k < count; k++) {
    uint64 i = e[k].word0;
    if (i >= (uint64)d->ntrig || !valid_config(e[k].tdata1))
      return (struct sbiret){SBI_ERR_INVALID_PARAM, (long)k};
    if (!(d->t[i].state & SBI_DBTR_STATE_MAPPED))
      return (struct sbiret){SBI_ERR_FAILED, (long)k};
    select_trig(i);
    uint64 cur = csr_read(tdata1);
    if (TDATA1_TYPE(cur) != TDATA1_TYPE(e[k].tdata1))
      return (struct sbiret){SBI_ERR_INVALID_PARAM, (long)k};
    write_trig(e[k].tdata1, e[k].tdata2, e[k].tdata3);
    d->t[i].state = (d->t[i].state & ~(SBI_DBTR_STATE_U | SBI_DBTR_STATE_S)) | mode_bits(e[k].tdata1);
  }
  return (struct sbiret){0, 0};
}

/* trig_state and the live tdata registers (hit bits included: that is how
 * S mode learns a trigger's timing). */
static struct sbiret read_triggers(struct dbtr_hart *d, uint64 base, uint64 count)
{
  struct sbi_dbtr_entry *e = (struct sbi_dbtr_entry *)d->shmem;
  if (d->shmem == ~0UL)
    return (struct sbiret){SBI_ERR_NO_SHMEM, 0};
  /* The spec text says base + count >= trig_max is an error, which would
   * forbid reading the last trigger; we take it to mean "beyond". */
  if (base >= (uint64)d->ntrig || base + count > (uint64)d->ntrig)
    return (struct sbiret){SBI_ERR_BAD_RANGE, 0};
  for (uint64 k = 0; k < count; k++) {
    select_trig(base + k);
    e[k].word0 = d->t[base + k].state;
    e[k].tdata1 = csr_read(tdata1);
    e[k].tdata2 = csr_read(tdata2);
    e[k].tdata3 = 0;
  }
  return (struct sbiret){0, 0};
}

enum { UNINSTALL, ENABLE, DISABLE };

static struct sbiret for_mask(struct dbtr_hart *d, uint64 base, uint64 mask, int op)
{
  for (int b = 0; b < 64; b++) {    /* check all before changing any */
    uint64 i = base + b;
    if (((mask >> b) & 1) && (i >= (uint64)d->ntrig || !(d->t[i].state & SBI_DBTR_STATE_MAPPED)))
      return (struct sbiret){SBI_ERR_INVALID_PARAM, 0};
  }
  for (int b = 0; b < 64; b++) {
    if (!((mask >> b) & 1))
      continue;
    uint64 i = base + b;
    select_trig(i);
    if (op == UNINSTALL) {
      write_trig(0, 0, 0);
      d->t[i].state = 0;
      continue;
    }
    uint64 t1 = csr_read(tdata1);
    struct modebits mb = modebits_of(t1);
    t1 &= ~(mb.u | mb.s);
    if (op == ENABLE)
      t1 |= ((d->t[i].state & SBI_DBTR_STATE_U) ? mb.u : 0) |
            ((d->t[i].state & SBI_DBTR_STATE_S) ? mb.s : 0);
    csr_write(tdata1, t1);
  }
  return (struct sbiret){0, 0};
}

struct sbiret fw_dbtr(int fid, struct fw_regs *r)
{
  struct dbtr_hart *d = &harts[fw_hartid()];
  uint64 a0 = REG_A(r, 0), a1 = REG_A(r, 1), a2 = REG_A(r, 2);
  switch (fid) {
  case SBI_DBTR_NUM_TRIGGERS:
    return num_triggers(d, a0);
  case SBI_DBTR_SET_SHMEM:
    if (a0 == ~0UL && a1 == ~0UL) {
      d->shmem = ~0UL;
      return (struct sbiret){0, 0};
    }
    if (a2 != 0 || (a0 & 7))
      return (struct sbiret){SBI_ERR_INVALID_PARAM, 0};
    if (a1 != 0 || a0 < RAMBASE || a0 + MAXTRIG * sizeof(struct sbi_dbtr_entry) > PHYSTOP)
      return (struct sbiret){SBI_ERR_INVALID_ADDRESS, 0};
    d->shmem = a0;
    return (struct sbiret){0, 0};
  case SBI_DBTR_READ:
    return read_triggers(d, a0, a1);
  case SBI_DBTR_INSTALL:
    return install(d, a0);
  case SBI_DBTR_UPDATE:
    return update(d, a0);
  case SBI_DBTR_UNINSTALL:
    return for_mask(d, a0, a1, UNINSTALL);
  case SBI_DBTR_ENABLE:
    return for_mask(d, a0, a1, ENABLE);
  case SBI_DBTR_DISABLE:
    return for_mask(d, a0, a1, DISABLE);
  }
  return (struct sbiret){SBI_ERR_NOT_SUPPORTED, 0};
}
