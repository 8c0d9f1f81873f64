/* The machine: RAM, devices, harts, and the deterministic run loop.
 *
 * Time: mtime advances by one per instruction slot of a round. In a round
 * every hart runs the same number of instruction slots (a hart waiting in
 * WFI spends them idle), so the same inputs give the same interleaving. */
#include "machine.h"
#include "core/isa.h"
#include "core/run.h"
#include "core/trap.h"
#include "core/csr.h"
#include "jit/jit.h"
#include "debug/debugger.h"
#include "dev/clint.h"
#include "dev/uart16550.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define QUANTUM 4096   /* instructions per hart per round */

machine_t *machine_new(int xlen, unsigned nharts, uint64_t ram_size)
{
    machine_t *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->xlen = xlen;
    m->nharts = nharts;
    m->ram_size = ram_size;
    /* Untouched guest RAM costs no host memory. */
    m->ram = mmap(NULL, ram_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m->ram == MAP_FAILED) {
        free(m);
        return NULL;
    }
    uint64_t pages = ram_size >> PAGE_SHIFT;
    m->page_flags = calloc(pages, 1);
    m->dpages = calloc(pages, sizeof *m->dpages);
    m->broken_insn = -1;
    m->jit = jit_supported();
    m->out = stdout;
    m->dbg = debugger_new(m);
    for (unsigned i = 0; i < nharts; i++) {
        m->harts[i] = calloc(1, sizeof(hart_t));
        hart_reset(m->harts[i], m, i, xlen, ISA_ALL, RAM_BASE);
        m->harts[i]->dbg = debug_hart_new(m->harts[i], 4);   /* --triggers changes it */
    }
    return m;
}

void machine_set_isa(machine_t *m, uint32_t isa)
{
    for (unsigned i = 0; i < m->nharts; i++) {
        hart_t *h = m->harts[i];
        h->isa = isa;
        h->misa = (h->misa & ~0x3ffffffull) | isa_misa_bits(isa);
    }
}

void machine_free(machine_t *m)
{
    if (!m)
        return;
    uint64_t pages = m->ram_size >> PAGE_SHIFT;
    for (uint64_t i = 0; i < pages; i++) {
        if (m->dpages[i])
            free(m->dpages[i]->jit);
        free(m->dpages[i]);
    }
    free(m->dpages);
    free(m->page_flags);
    munmap(m->ram, m->ram_size);
    for (unsigned i = 0; i < m->nharts; i++) {
        debug_hart_free(m->harts[i]->dbg);
        free(m->harts[i]);
    }
    for (unsigned i = 0; i < m->ndevs; i++)
        if (m->devs[i].destroy)
            m->devs[i].destroy(m->devs[i].opaque);
    debugger_free(m->dbg);
    jit_free(m);
    free(m);
}

void machine_add_device(machine_t *m, const device_t *d)
{
    if (m->ndevs == sizeof m->devs / sizeof m->devs[0]) {
        /* A device dropped in silence is a poll hook that never runs
         * (a GDB break-in that never comes): a build error, not a guest's. */
        fprintf(stderr, "rvscope: too many devices (%s): raise devs[] in machine.h\n", d->name);
        abort();
    }
    m->devs[m->ndevs++] = *d;
}

const device_t *machine_find_device(const machine_t *m, uint64_t pa)
{
    for (unsigned i = 0; i < m->ndevs; i++)
        if (pa - m->devs[i].base < m->devs[i].size)
            return &m->devs[i];
    return NULL;
}

void machine_flush_write_tlbs(machine_t *m)
{
    for (unsigned i = 0; i < m->nharts; i++)
        for (int j = 0; j < TLB_SIZE; j++)
            m->harts[i]->tlb[ACC_WRITE][j].tag = TLB_INVALID;
}

void machine_set_page_flag(machine_t *m, uint64_t pa, uint8_t flag)
{
    uint8_t *f = &m->page_flags[(pa - RAM_BASE) >> PAGE_SHIFT];
    if ((*f & flag) == flag)
        return;
    *f |= flag;
    machine_flush_write_tlbs(m);   /* stores to this page must see the flag */
}

/* Instructions a lone write of tohost's low word waits for the high one. */
#define HTIF_GRACE 16

static void htif_write(machine_t *m, hart_t *by)
{
    uint64_t v;
    m->htif_pending = false;
    memcpy(&v, m->ram + (m->tohost - RAM_BASE), 8);
    if (!v)
        return;
    unsigned dev = (unsigned)(v >> 56), cmd = (unsigned)(v >> 48) & 0xff;
    if (dev == 0 && (v & 1)) {
        m->exit_code = (int)((v << 8) >> 9);
        machine_request_stop(m, STOP_EXIT);
        if (by)
            hart_end_slice(by);
    } else if (dev == 1 && cmd == 1) {      /* console putchar */
        fputc((int)(v & 0xff), m->out);
        uint64_t resp = (1ull << 56) | (1ull << 48);
        memcpy(m->ram + (m->fromhost - RAM_BASE), &resp, 8);
    }
    memset(m->ram + (m->tohost - RAM_BASE), 0, 8);
}

void machine_ram_written(machine_t *m, hart_t *by, uint64_t pa, uint64_t len)
{
    uint64_t off = pa - RAM_BASE;
    for (uint64_t p = off >> PAGE_SHIFT; p <= (off + len - 1) >> PAGE_SHIFT; p++) {
        uint8_t f = m->page_flags[p];
        uint64_t lo = p << PAGE_SHIFT, hi = lo + PAGE_SIZE;
        uint64_t a = off > lo ? off : lo, b = off + len < hi ? off + len : hi;
        if ((f & PF_CODE) && m->dpages[p]) {
            dpage_t *d = m->dpages[p];
            if (d->sticky) {
                dpage_invalidate(d, (unsigned)(a - lo), (unsigned)(b - a));
                /* A page reused for data only (a freed page of code): after
                 * many stores with no code in it, its stores run fast again. */
                if (d->live || d->jit_live) {
                    d->idle = 0;
                } else if (++d->idle > 64) {
                    m->page_flags[p] &= (uint8_t)~PF_CODE;
                    d->sticky = false;
                    d->resets = d->idle = 0;
                }
            } else {
                /* A page of code being overwritten (a freed page reused by a
                 * kernel, a program loaded): forget all of it and let its
                 * stores run fast until code runs there again. A page that
                 * keeps flipping holds code and data: invalidate slot by slot. */
                dpage_reset(d);
                if (++d->resets > 8)
                    d->sticky = true;
                else
                    m->page_flags[p] &= (uint8_t)~PF_CODE;
            }
        }
        /* tohost: act on a write of its upper word, or of all 8 bytes at once
         * (RV32 guests write the low word first). A write of the low word
         * alone that makes tohost non-zero is acted on too, as Spike does
         * (riscv-arch-test's halt is one sw of 1), but a few instructions
         * later (run_hart), so an RV32 pair still arrives whole. */
        if ((f & PF_HTIF) && m->has_tohost) {
            uint64_t t = m->tohost - RAM_BASE, v;
            if (a < t + 8 && b > t + 4) {
                htif_write(m, by);
            } else if (a < t + 4 && b > t) {
                memcpy(&v, m->ram + t, 8);
                if (v && !m->htif_pending) {
                    m->htif_pending = true;
                    m->htif_hart = by;
                    m->htif_at = by ? hart_cycles(by) : 0;
                    if (by)
                        hart_end_slice(by);     /* run_hart counts the grace */
                }
            }
        }
    }
}

bool machine_phys_read(machine_t *m, uint64_t pa, void *buf, uint64_t len)
{
    if (!machine_is_ram(m, pa, len))
        return false;
    memcpy(buf, m->ram + (pa - RAM_BASE), len);
    return true;
}

bool machine_phys_write(machine_t *m, uint64_t pa, const void *buf, uint64_t len)
{
    if (!machine_is_ram(m, pa, len))
        return false;
    memcpy(m->ram + (pa - RAM_BASE), buf, len);
    if (len)
        machine_ram_written(m, NULL, pa, len);
    return true;
}

void machine_request_stop(machine_t *m, int reason)
{
    if (!m->stop)
        m->stop = reason;
    for (unsigned i = 0; i < m->nharts; i++)
        hart_end_slice(m->harts[i]);
}

uint64_t machine_mtime(machine_t *m, const hart_t *h)
{
    return m->mtime + (hart_cycles(h) - m->round_start[h->hartid]);
}

/* Timer-driven interrupt lines of hart h at time now. */
static void update_timer_irqs(machine_t *m, hart_t *h, uint64_t now)
{
    uint64_t mip = h->mip & ~(uint64_t)(MIP_MTIP | MIP_MSIP);
    if (now >= clint_mtimecmp(m->clint, h->hartid))
        mip |= MIP_MTIP;
    if (clint_msip(m->clint, h->hartid))
        mip |= MIP_MSIP;
    if (h->menvcfg & MENVCFG_STCE)
        mip = (mip & ~(uint64_t)MIP_STIP) | (now >= h->stimecmp ? MIP_STIP : 0);
    h->mip = mip;
}

/* The earliest timer deadline of hart h strictly after `now` (mtimecmp,
 * and stimecmp with Sstc), or UINT64_MAX: a deadline already passed is a
 * pending interrupt, not something to wait for. */
static uint64_t hart_next_deadline(machine_t *m, hart_t *h, uint64_t now)
{
    uint64_t best = UINT64_MAX, c = clint_mtimecmp(m->clint, h->hartid);
    if (c > now)
        best = c;
    if ((h->menvcfg & MENVCFG_STCE) && h->stimecmp > now && h->stimecmp < best)
        best = h->stimecmp;
    return best;
}

/* Time left before the next timer deadline of any hart (UINT64_MAX: none). */
static uint64_t next_deadline(machine_t *m)
{
    uint64_t best = UINT64_MAX;
    for (unsigned i = 0; i < m->nharts; i++) {
        uint64_t d = hart_next_deadline(m, m->harts[i], m->mtime);
        if (d != UINT64_MAX && d - m->mtime < best)
            best = d - m->mtime;
    }
    for (unsigned i = 0; i < m->ndevs; i++) {
        uint64_t d = m->devs[i].deadline ? m->devs[i].deadline(m->devs[i].opaque) : UINT64_MAX;
        if (d != UINT64_MAX && d > m->mtime && d - m->mtime < best)
            best = d - m->mtime;
    }
    return best;
}

/* Run hart h until it has had n instruction slots since
 * m->round_start[h] (or it sleeps, or the machine stops). true: it
 * returned early because a step (m->stepping) entered an interrupt handler. */
static bool run_hart(machine_t *m, hart_t *h, uint64_t n)
{
    uint64_t start = m->round_start[h->hartid];
    for (;;) {
        uint64_t done = hart_cycles(h) - start;
        if (done >= n || m->stop || h->run_state != RUN_RUNNING)
            return false;
        if (h->dbg_armed & DBG_ARM_PENDING)
            sdtrig_fire_pending(h);
        update_timer_irqs(m, h, m->mtime + done);
        if (!m->step_no_irqs && !((h->dbg_armed & DBG_ARM_CODE) && sdext_irqs_held(h)) &&
            hart_check_interrupts(h) && m->stepping) {
            /* A step that takes an interrupt (stepie) ends at the handler's
             * first instruction, as dcsr.step does: entering it is the step. */
            return true;
        }
        /* Taking the interrupt may have fired an itrigger. */
        if (h->dbg_armed & DBG_ARM_PENDING)
            sdtrig_fire_pending(h);
        if (m->stop || h->run_state != RUN_RUNNING)
            return false;
        if (h->wfi) {
            if (hart_pending_irqs(h))
                h->wfi = false;
            else
                return false;          /* idle for the rest of the round */
        }
        uint64_t left = n - (hart_cycles(h) - start);
        if (m->htif_pending && (m->htif_hart == h || !m->htif_hart)) {
            uint64_t since = m->htif_hart ? hart_cycles(h) - m->htif_at : HTIF_GRACE;
            if (since >= HTIF_GRACE) {
                htif_write(m, NULL);
                if (m->stop)
                    return false;
            } else if (left > HTIF_GRACE - since) {
                left = HTIF_GRACE - since;
            }
        }
        uint64_t now = m->mtime + (hart_cycles(h) - start);
        uint64_t dl = hart_next_deadline(m, h, now);
        if (dl != UINT64_MAX && dl - now < left)
            left = dl - now;     /* stop exactly when this hart's timer fires */
        if (m->insn_limit) {
            uint64_t room = m->insn_limit > m->insns_total ? m->insn_limit - m->insns_total : 0;
            if (room == 0) {
                machine_request_stop(m, STOP_LIMIT);
                return false;
            }
            if (left > room)
                left = room;
        }
        /* The budget is signed: N >= 2^63 (si -1) would be negative and
         * run nothing, forever. A slice of 2^63-1 is as good as endless. */
        if (left > (uint64_t)INT64_MAX)
            left = (uint64_t)INT64_MAX;
        h->budget = h->slice_len = (int64_t)left;
        uint64_t before = hart_cycles(h);
        hart_run_slice(h);
        m->insns_total += hart_cycles(h) - before;
    }
}

bool machine_any_running(const machine_t *m)
{
    for (unsigned i = 0; i < m->nharts; i++)
        if (m->harts[i]->run_state == RUN_RUNNING)
            return true;
    return false;
}

/* Harts a debugger halted or debug mode holds are skipped; resuming them
 * (dbg_resume_hart) is the front end's business. */
int machine_step(machine_t *m, unsigned hart, uint64_t n, bool irqs)
{
    hart_t *h = m->harts[hart];
    m->stop = STOP_NONE;
    if (h->run_state != RUN_RUNNING)
        return STOP_HALTED;
    m->step_no_irqs = !irqs;
    /* Stepping one hart leaves the lockstep rounds: time follows its steps. */
    m->in_round = false;
    uint64_t start = hart_cycles(h), irq_steps = 0;
    m->stepping = true;
    while (!m->stop) {
        uint64_t done = hart_cycles(h) - start + irq_steps;
        if (done >= n)
            break;
        uint64_t before = hart_cycles(h);
        m->round_start[h->hartid] = before;
        irq_steps += run_hart(m, h, n - done);
        m->mtime += hart_cycles(h) - before;
        if (h->run_state != RUN_RUNNING && !m->stop)
            machine_request_stop(m, STOP_HALTED);
        if (h->wfi && !m->stop) {
            /* Stepping a sleeping hart: time passes to its next deadline. */
            uint64_t dl = hart_next_deadline(m, h, m->mtime);
            if (dl == UINT64_MAX) {
                machine_request_stop(m, STOP_DEADLOCK);
                break;
            }
            m->mtime = dl;
            update_timer_irqs(m, h, m->mtime);
            if (hart_pending_irqs(h))
                h->wfi = false;
        }
    }
    m->step_no_irqs = false;
    m->stepping = false;
    m->step_irqs = irq_steps;
    fflush(m->out);
    return m->stop ? m->stop : STOP_LIMIT;
}

int machine_run(machine_t *m)
{
    m->stop = STOP_NONE;
    while (!m->stop) {
        if (!machine_any_running(m)) {
            m->stop = STOP_HALTED;
            break;
        }
        if (!m->in_round) {
            uint64_t q = next_deadline(m);
            m->round_q = q > QUANTUM ? QUANTUM : q;
            m->round_next = 0;
            m->round_idle = true;
            for (unsigned i = 0; i < m->nharts; i++)
                m->round_start[i] = hart_cycles(m->harts[i]);
            m->in_round = true;
        }
        uint64_t q = m->round_q;
        for (unsigned i = m->round_next; i < m->nharts; i++) {
            hart_t *h = m->harts[i];
            m->round_next = i;
            run_hart(m, h, q);
            if (m->stop)
                break;          /* the round stays open at this hart */
            /* Another hart runs next and may store to the reserved address:
             * end the reservation (an SC may fail spuriously; the LR/SC loop
             * retries within its next turn). */
            if (m->nharts > 1)
                h->resv_valid = false;
            if (!h->wfi && h->run_state == RUN_RUNNING)
                m->round_idle = false;
        }
        fflush(m->out);
        if (m->stop)
            break;
        m->in_round = false;
        bool all_idle = m->round_idle;
        /* Devices look at their host side once per round (UART input); an
         * interrupt they raise wakes a sleeping hart in the next round. */
        bool dev_may_irq = false;
        for (unsigned i = 0; i < m->ndevs; i++)
            if (m->devs[i].poll && m->devs[i].poll(m->devs[i].opaque))
                dev_may_irq = true;
        /* A hart that went idle early in the round may since have been sent
         * an IPI (msip) by a later one: look at its lines as they are now. */
        for (unsigned i = 0; i < m->nharts && all_idle; i++) {
            update_timer_irqs(m, m->harts[i], m->mtime + q);
            if (hart_pending_irqs(m->harts[i]) && m->harts[i]->run_state == RUN_RUNNING)
                all_idle = false;
        }
        if (all_idle && dev_may_irq && m->uart) {
            /* Every hart sleeps but input may still wake one: wait for it
             * on stdin instead of a deadlock (time passes as the UART says,
             * see uart_idle_wait). */
            m->mtime += uart_idle_wait(m->uart, next_deadline(m));
        } else if (all_idle) {
            /* Every hart sleeps: jump straight to the next timer deadline. */
            uint64_t d = next_deadline(m);
            if (d == UINT64_MAX) {
                machine_request_stop(m, STOP_DEADLOCK);
                break;
            }
            m->mtime += d;
        } else {
            m->mtime += q;
        }
    }
    fflush(m->out);
    return m->stop;
}
