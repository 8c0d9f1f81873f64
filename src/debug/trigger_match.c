/* Trigger matching rules. */
#include "trigger_match.h"
#include "debug.h"

#define F(v, hi, lo) (((v) >> (lo)) & ((1ull << ((hi) - (lo) + 1)) - 1))

bool mc_decode(uint64_t t, int xl, mc_fields_t *f)
{
    unsigned type = (unsigned)F(t, xl - 1, xl - 4);
    f->match = (unsigned)F(t, 10, 7);
    f->action = (unsigned)F(t, 15, 12);
    f->chain = F(t, 11, 11);
    f->m = F(t, 6, 6);
    f->s = F(t, 4, 4);
    f->u = F(t, 3, 3);
    f->execute = F(t, 2, 2);
    f->store = F(t, 1, 1);
    f->load = F(t, 0, 0);
    if (type == TT_MCONTROL6) {
        f->select = F(t, 21, 21);
        f->size = (unsigned)F(t, 18, 16);
        f->timing_after = false;
        return true;
    }
    if (type == TT_MCONTROL) {
        f->select = F(t, 19, 19);
        f->timing_after = F(t, 18, 18);
        f->size = (unsigned)(F(t, 17, 16) | (xl == 64 ? F(t, 22, 21) << 2 : 0));
        return true;
    }
    return false;
}

unsigned mc_size_bytes(unsigned size)
{
    /* 0 any, 1 8-bit, 2 16-bit, 3 32-bit, 4 48-bit, 5 64-bit, 6 80, 7 96,
     * 8 112, 9 128-bit (mcontrol's sizehi:sizelo); legalisation keeps only
     * the sizes rvscope has accesses of. */
    static const unsigned bytes[16] = { 0, 1, 2, 4, 6, 8, 10, 12, 14, 16 };
    return bytes[size & 15];
}

static uint64_t xmask(int xl) { return xl == 32 ? 0xffffffffull : ~0ull; }

bool mc_value_matches(unsigned match, uint64_t v, uint64_t t, int xl)
{
    uint64_t half = (uint64_t)xl / 2, hmask = (1ull << half) - 1;
    v &= xmask(xl);
    t &= xmask(xl);
    bool r;
    switch (match & 7) {
    case 0: r = v == t; break;
    case 1: {
        /* NAPOT: compare the bits above the lowest 0 bit of tdata2. */
        unsigned z = 0;
        while (z < (unsigned)xl && ((t >> z) & 1))
            z++;
        uint64_t mask = z + 1 >= 64 ? 0 : ~((1ull << (z + 1)) - 1);
        r = (v & mask) == (t & mask);
        break;
    }
    case 2: r = v >= t; break;
    case 3: r = v < t; break;
    case 4: r = ((v & hmask) & (t >> half)) == (t & hmask); break;
    case 5: r = (((v >> half) & hmask) & (t >> half)) == (t & hmask); break;
    default: return false;
    }
    return (match & 8) ? !r : r;
}

void mc_address_range(const mc_fields_t *f, uint64_t t, int xl, uint64_t *lo, uint64_t *hi)
{
    uint64_t max = xmask(xl);
    *lo = 0;
    *hi = max;
    if (f->select)
        return;               /* data compare: any address */
    switch (f->match) {
    case 0: *lo = *hi = t; break;
    case 1: {
        unsigned z = 0;
        while (z < (unsigned)xl && ((t >> z) & 1))
            z++;
        uint64_t low = z + 1 >= 64 ? max : (1ull << (z + 1)) - 1;
        *lo = t & ~low;
        *hi = (t | low) & max;
        break;
    }
    case 2: *lo = t; break;
    case 3: *hi = t ? t - 1 : 0; if (!t) *lo = 1; break;   /* empty when t = 0 */
    default: break;           /* masked and negated modes: anywhere */
    }
}
