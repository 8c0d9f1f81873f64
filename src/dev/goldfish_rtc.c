/* Goldfish RTC. The clock is the host's wall clock when the machine was
 * built plus the guest's own time since (mtime, 100 ns a tick): a run is
 * as deterministic as the rest of the machine apart from the start date,
 * and a guest that sleeps sees its clock advance by what it slept.
 *
 * Registers (32-bit): 0x00 TIME_LOW (reading it latches the high half),
 * 0x04 TIME_HIGH, 0x08 ALARM_LOW (writing arms the alarm), 0x0c ALARM_HIGH,
 * 0x10 IRQ_ENABLED, 0x14 CLEAR_ALARM, 0x18 ALARM_STATUS, 0x1c
 * CLEAR_INTERRUPT. A write to TIME_LOW/TIME_HIGH sets the clock. The alarm
 * is a deadline of the run loop (device_t.deadline), so a guest sleeping
 * in wfi is woken at the alarm's time. */
#include "goldfish_rtc.h"
#include <stdlib.h>
#include <time.h>

typedef struct rtc {
    machine_t *m;
    int64_t  offset_ns;       /* clock = offset + mtime * 100 */
    uint32_t time_high;       /* latched by a TIME_LOW read */
    uint64_t alarm;
    uint32_t alarm_high;
    bool     alarm_armed, irq_enabled, irq_pending;
} rtc_t;

/* mtime as the accessing hart sees it (it advances inside a slice): the
 * running hart is the one with a slice, as in clint.c. */
static uint64_t mtime_now(machine_t *m)
{
    for (unsigned i = 0; i < m->nharts; i++)
        if (m->harts[i]->slice_len)
            return machine_mtime(m, m->harts[i]);
    return m->mtime;
}

static uint64_t now_ns(const rtc_t *r)
{
    return (uint64_t)(r->offset_ns + (int64_t)(mtime_now(r->m) * 100));
}

static void update_irq(rtc_t *r)
{
    machine_set_irq(r->m, RTC_IRQ, r->irq_pending && r->irq_enabled);
}

static bool rtc_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    rtc_t *r = opaque;
    (void)size;
    uint64_t t = now_ns(r);
    switch (off) {
    case 0x00: r->time_high = (uint32_t)(t >> 32); *val = (uint32_t)t; break;
    case 0x04: *val = r->time_high; break;
    case 0x08: *val = (uint32_t)r->alarm; break;
    case 0x0c: *val = (uint32_t)(r->alarm >> 32); break;
    case 0x10: *val = r->irq_enabled; break;
    case 0x18: *val = r->alarm_armed; break;
    default: *val = 0;
    }
    return true;
}

static bool rtc_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    rtc_t *r = opaque;
    (void)size;
    uint32_t v = (uint32_t)val;
    uint64_t t = now_ns(r);
    switch (off) {
    case 0x00: r->offset_ns += (int64_t)(((t & ~0xffffffffull) | v) - t); break;
    case 0x04: r->offset_ns += (int64_t)(((t & 0xffffffffull) | (uint64_t)v << 32) - t); break;
    case 0x08:
        r->alarm = (uint64_t)r->alarm_high << 32 | v;
        r->alarm_armed = true;
        break;
    case 0x0c: r->alarm_high = v; break;
    case 0x10: r->irq_enabled = v & 1; update_irq(r); break;
    case 0x14: r->alarm_armed = false; break;
    case 0x1c: r->irq_pending = false; update_irq(r); break;
    }
    return true;
}

/* Once per round: an armed alarm whose time has come raises the line. */
static bool rtc_poll(void *opaque)
{
    rtc_t *r = opaque;
    if (r->alarm_armed && now_ns(r) >= r->alarm) {
        r->alarm_armed = false;
        r->irq_pending = true;
        update_irq(r);
    }
    return false;
}

/* The mtime at which an armed, enabled alarm fires (UINT64_MAX: none). */
static uint64_t rtc_deadline(void *opaque)
{
    const rtc_t *r = opaque;
    if (!r->alarm_armed || !r->irq_enabled)
        return UINT64_MAX;
    int64_t ticks = ((int64_t)r->alarm - r->offset_ns + 99) / 100;
    return ticks < 0 ? 0 : (uint64_t)ticks;
}

void goldfish_rtc_new(machine_t *m)
{
    rtc_t *r = calloc(1, sizeof *r);
    if (!r)
        return;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    r->m = m;
    r->offset_ns = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    device_t d = { .name = "goldfish-rtc", .base = RTC_BASE, .size = RTC_SIZE, .opaque = r,
                   .read = rtc_read, .write = rtc_write, .poll = rtc_poll, .destroy = free,
                   .deadline = rtc_deadline };
    machine_add_device(m, &d);
}
