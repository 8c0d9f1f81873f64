/* Emulator-side watchpoints, for the monitor and GDB: byte ranges,
 * virtual or physical. Their pages stay out of the TLB, so only accesses
 * to those pages reach the check, after the access completed. */
#include "debug.h"
#include <stdlib.h>

typedef struct wp {
    int id, owner;
    uint64_t addr, len;
    enum wp_kind kind;
    bool phys;
} wp_t;

struct wp_table {
    wp_t *wp;
    unsigned n, cap;
};

static struct wp_table *table(machine_t *m)
{
    struct wp_table **t = dbg_wp_slot(m);
    if (!*t && !(*t = calloc(1, sizeof **t)))
        abort();
    return *t;
}

void dbg_wp_table_free(struct wp_table *t)
{
    if (t)
        free(t->wp);
    free(t);
}

unsigned dbg_wp_count(const machine_t *m)
{
    struct wp_table *t = *dbg_wp_slot((machine_t *)m);
    return t ? t->n : 0;
}

int dbg_wp_insert(machine_t *m, uint64_t addr, uint64_t len, enum wp_kind kind, bool phys, int owner)
{
    struct wp_table *t = table(m);
    if (len == 0)
        len = 1;
    if (t->n == t->cap)
        t->wp = dbg_grow(t->wp, &t->cap, sizeof *t->wp);
    wp_t *w = &t->wp[t->n++];
    *w = (wp_t){ .id = dbg_next_id(m), .owner = owner, .addr = addr, .len = len,
                 .kind = kind, .phys = phys };
    dbg_rearm(m);
    return w->id;
}

bool dbg_wp_remove(machine_t *m, int id)
{
    struct wp_table *t = table(m);
    for (unsigned i = 0; i < t->n; i++)
        if (t->wp[i].id == id) {
            t->wp[i] = t->wp[--t->n];
            dbg_rearm(m);
            return true;
        }
    return false;
}

int dbg_wp_find(machine_t *m, uint64_t addr, uint64_t len, enum wp_kind kind, int owner)
{
    struct wp_table *t = table(m);
    for (unsigned i = 0; i < t->n; i++) {
        wp_t *w = &t->wp[i];
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
    struct wp_table *t = table(h->m);
    uint64_t vpage = va & ~(uint64_t)(PAGE_SIZE - 1), ppage = pa & ~(uint64_t)(PAGE_SIZE - 1);
    for (unsigned i = 0; i < t->n; i++) {
        wp_t *w = &t->wp[i];
        if (kind_ok(w, acc) && overlaps(w->addr, w->len, w->phys ? ppage : vpage, PAGE_SIZE))
            return true;
    }
    return false;
}

void dbg_watch_access(hart_t *h, enum access acc, uint64_t va, uint64_t pa, unsigned size)
{
    struct wp_table *t = table(h->m);
    for (unsigned i = 0; i < t->n; i++) {
        wp_t *w = &t->wp[i];
        if (kind_ok(w, acc) && overlaps(w->addr, w->len, w->phys ? pa : va, size)) {
            /* Stop after this instruction: the stop ends the slice but lets
             * the current instruction complete. */
            dbg_record_stop(h, &(dbg_stop_t){ .kind = DS_WATCHPOINT, .id = w->id, .addr = va,
                                              .wkind = acc == ACC_WRITE ? WP_WRITE : WP_READ });
            return;
        }
    }
}
