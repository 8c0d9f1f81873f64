/* PMP matching and the PMP CSRs' write rules (core/pmp.h). */
#include "pmp.h"

#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_A 0x18
#define PMP_L 0x80
enum { A_OFF = 0, A_TOR = 1, A_NA4 = 2, A_NAPOT = 3 };
#define PMP_ENTRIES 64
#define PAGE 4096ull

/* Entry i's configuration byte: RV64 keeps 8 in each even pmpcfg, RV32 4
 * in each pmpcfg (h->pmpcfg is indexed by CSR number). */
static uint8_t cfg_of(const hart_t *h, unsigned i)
{
    if (h->xlen == 32)
        return (uint8_t)(h->pmpcfg[i / 4] >> (8 * (i % 4)));
    return (uint8_t)(h->pmpcfg[(i / 8) * 2] >> (8 * (i % 8)));
}

/* The byte range [lo, hi) of entry i; false when it is off (or empty). */
static bool range_of(const hart_t *h, unsigned i, uint8_t cfg, uint64_t *lo, uint64_t *hi)
{
    uint64_t a = h->pmpaddr[i];
    switch ((cfg & PMP_A) >> 3) {
    case A_TOR:
        *lo = i ? h->pmpaddr[i - 1] << 2 : 0;
        *hi = a << 2;
        return *lo < *hi;
    case A_NA4:
        *lo = a << 2;
        *hi = *lo + 4;
        return true;
    case A_NAPOT: {
        /* Trailing ones t: a region of 2^(t+3) bytes. */
        unsigned t = (unsigned)__builtin_ctzll(~a);
        if (t + 3 >= 64) {
            *lo = 0;
            *hi = UINT64_MAX;
            return true;
        }
        uint64_t size = 1ull << (t + 3);
        *lo = (a << 2) & ~(size - 1);
        *hi = *lo + size;
        return true;
    }
    default:
        return false;
    }
}

static bool permits(uint8_t cfg, enum access acc, int priv)
{
    if (priv == PRIV_M && !(cfg & PMP_L))
        return true;
    uint8_t need = acc == ACC_READ ? PMP_R : acc == ACC_WRITE ? PMP_W : PMP_X;
    return (cfg & need) != 0;
}

/* The answer for [lo, hi): the lowest-numbered entry touching any byte
 * decides, and must cover all of them (*whole = false otherwise). */
static bool decide(const hart_t *h, uint64_t lo, uint64_t hi, enum access acc, int priv, bool *whole)
{
    *whole = true;
    for (unsigned i = 0; i < h->pmp_n; i++) {
        uint8_t cfg = cfg_of(h, i);
        uint64_t elo, ehi;
        if (!range_of(h, i, cfg, &elo, &ehi) || hi <= elo || ehi <= lo)
            continue;
        if (lo < elo || ehi < hi) {
            *whole = false;
            return false;
        }
        return permits(cfg, acc, priv);
    }
    /* No entry matches: M mode may, S and U may not (entries exist). */
    return priv == PRIV_M;
}

bool pmp_allows(hart_t *h, uint64_t pa, unsigned size, enum access acc, int priv)
{
    uint64_t page = pa & ~(PAGE - 1);
    bool whole;
    bool ok = decide(h, page, page + PAGE, acc, priv, &whole);
    h->pmp_nocache = !whole;
    if (whole)
        return ok;
    return decide(h, pa, pa + size, acc, priv, &whole) && whole;
}

static bool locked(const hart_t *h, unsigned i)
{
    return i < PMP_ENTRIES && (cfg_of(h, i) & PMP_L);
}

/* The number of entries to search: one past the last that is on. */
static void recount(hart_t *h)
{
    h->pmp_n = 0;
    for (unsigned i = 0; i < PMP_ENTRIES; i++)
        if (cfg_of(h, i) & PMP_A)
            h->pmp_n = (uint8_t)(i + 1);
}

void pmp_write_cfg(hart_t *h, unsigned csr_index, uint64_t v)
{
    unsigned per = h->xlen == 32 ? 4 : 8;
    uint64_t old = h->pmpcfg[csr_index], n = 0;
    for (unsigned b = 0; b < per; b++) {
        uint8_t o = (uint8_t)(old >> (8 * b)), c = (uint8_t)(v >> (8 * b));
        if (o & PMP_L)
            c = o;                              /* locked until reset */
        else {
            c &= PMP_R | PMP_W | PMP_X | PMP_A | PMP_L;
            if ((c & (PMP_R | PMP_W)) == PMP_W)  /* W without R is reserved */
                c &= (uint8_t)~PMP_W;
        }
        n |= (uint64_t)c << (8 * b);
    }
    h->pmpcfg[csr_index] = n;
    recount(h);
    hart_flush_tlb(h);
    hart_end_slice(h);
}

void pmp_write_addr(hart_t *h, unsigned i, uint64_t v)
{
    /* A locked entry, and the address below a locked TOR entry, stay. */
    if (locked(h, i) || (locked(h, i + 1) && ((cfg_of(h, i + 1) & PMP_A) >> 3) == A_TOR))
        return;
    h->pmpaddr[i] = h->xlen == 32 ? (uint32_t)v : v & ((1ull << 54) - 1);
    hart_flush_tlb(h);
    hart_end_slice(h);
}
