/* Emulator-side watchpoints, for the monitor and GDB: byte ranges,
 * virtual or physical. Their pages stay out of the TLB, so only accesses
 * to those pages reach the check, after the access completed. */
#include "debug.h"

typedef struct wp {
    int id, owner;              /* id first: a dbg_list_t record */
    uint64_t addr, len;
    enum wp_kind kind;
    bool phys;
} wp_t;

unsigned dbg_wp_count(const machine_t *m)
{
    return dbg_wps((machine_t *)m)->n;
}

int dbg_wp_insert(machine_t *m, uint64_t addr, uint64_t len, enum wp_kind kind, bool phys, int owner)
{
    wp_t *w = dbg_list_add(m, dbg_wps(m), sizeof *w);
    w->owner = owner;
    w->addr = addr;
    w->len = len ? len : 1;
    w->kind = kind;
    w->phys = phys;
    dbg_rearm(m);
    return w->id;
}

bool dbg_wp_remove(machine_t *m, int id)
{
    return dbg_list_remove(m, dbg_wps(m), sizeof(wp_t), id);
}

int dbg_wp_find(machine_t *m, uint64_t addr, uint64_t len, enum wp_kind kind, int owner)
{
    const dbg_list_t *l = dbg_wps(m);
    for (unsigned i = 0; i < l->n; i++) {
        const wp_t *w = (const wp_t *)l->v + i;
        if (w->addr == addr && w->len == (len ? len : 1) && w->kind == kind && w->owner == owner)
            return w->id;
    }
    return -1;
}

static bool overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
    return a < b + blen && b < a + alen;
}

static bool kind_ok(const wp_t *w, enum access acc)
{
    return acc == ACC_WRITE ? (w->kind & WP_WRITE) : (w->kind & WP_READ);
}

bool dbg_wp_page_watched(hart_t *h, enum access acc, uint64_t va, uint64_t pa)
{
    const dbg_list_t *l = dbg_wps(h->m);
    uint64_t vpage = va & ~(uint64_t)(PAGE_SIZE - 1), ppage = pa & ~(uint64_t)(PAGE_SIZE - 1);
    for (unsigned i = 0; i < l->n; i++) {
        const wp_t *w = (const wp_t *)l->v + i;
        if (kind_ok(w, acc) && overlaps(w->addr, w->len, w->phys ? ppage : vpage, PAGE_SIZE))
            return true;
    }
    return false;
}

void dbg_watch_access(hart_t *h, enum access acc, uint64_t va, uint64_t pa, unsigned size)
{
    const dbg_list_t *l = dbg_wps(h->m);
    for (unsigned i = 0; i < l->n; i++) {
        const wp_t *w = (const wp_t *)l->v + i;
        if (kind_ok(w, acc) && overlaps(w->addr, w->len, w->phys ? pa : va, size)) {
            /* Stop after this instruction: the stop ends the slice but lets
             * the current instruction complete. */
            dbg_record_stop(h, &(dbg_stop_t){ .kind = DS_WATCHPOINT, .id = w->id, .addr = va,
                                              .wkind = acc == ACC_WRITE ? WP_WRITE : WP_READ });
            return;
        }
    }
}
