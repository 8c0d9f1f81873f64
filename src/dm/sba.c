/* System Bus Access (Debug Spec 1.0, 3.10 and sbcs in 3.14): physical
 * memory and devices, read and written without halting a hart. Accesses of
 * 8, 16, 32 and 64 bits, sbautoincrement, sbreadonaddr, sbreadondata, and
 * the errors: bad address, misalignment, unsupported size. Every access
 * completes at once, so sbbusy is never seen set. */
#include "dm_impl.h"
#include <string.h>

#define SBCS_SBVERSION1     (1u << 29)
#define SBCS_SBBUSYERROR    (1u << 22)
#define SBCS_SBREADONADDR   (1u << 20)
#define SBCS_SBACCESS(v)    (((v) >> 17) & 7)
#define SBCS_SBAUTOINC      (1u << 16)
#define SBCS_SBREADONDATA   (1u << 15)
#define SBCS_SBERROR(v)     (((v) >> 12) & 7)
#define SBCS_WRITABLE       (SBCS_SBREADONADDR | (7u << 17) | SBCS_SBAUTOINC | SBCS_SBREADONDATA)
#define SBCS_SIZES          0xf      /* sbaccess8/16/32/64 */

enum { SBERR_NONE = 0, SBERR_ADDRESS = 2, SBERR_ALIGN = 3, SBERR_SIZE = 4 };

bool dm_is_sba_reg(unsigned addr)
{
    return addr == DM_SBCS || (addr >= DM_SBADDRESS0 && addr <= DM_SBDATA3) ||
           addr == DM_SBADDRESS3;
}

void dm_sba_reset(dm_t *dm)
{
    dm->sbcs = 2u << 17;          /* sbaccess = 32 bits */
    dm->sbaddress = dm->sbdata = 0;
}

static unsigned sbasize(const dm_t *dm)
{
    /* RV32's Sv32 reaches 34-bit physical addresses; 64 covers both. */
    return dm->m->xlen == 32 ? 34 : 64;
}

static void set_error(dm_t *dm, unsigned e)
{
    dm->sbcs = (dm->sbcs & ~(7u << 12)) | e << 12;
}

bool dm_phys_access(machine_t *m, uint64_t a, unsigned n, bool write, uint64_t *val)
{
    bool ok;
    if (machine_is_ram(m, a, n)) {
        uint64_t v = *val;
        ok = write ? machine_phys_write(m, a, &v, n) : machine_phys_read(m, a, &v, n);
        if (ok && !write)
            *val = v & (n == 8 ? ~0ull : (1ull << (8 * n)) - 1);
    } else {
        const device_t *d = machine_find_device(m, a);
        uint64_t v = 0;
        ok = d && (write ? d->write && d->write(d->opaque, a - d->base, n, *val)
                         : d->read && d->read(d->opaque, a - d->base, n, &v));
        if (ok && !write)
            *val = v;
    }
    return ok;
}

/* One access of sbaccess's size at sbaddress; the address then moves on
 * with sbautoincrement. */
static void access(dm_t *dm, bool write)
{
    if (SBCS_SBERROR(dm->sbcs) || (dm->sbcs & SBCS_SBBUSYERROR))
        return;                   /* nothing happens until the error is cleared */
    unsigned lg = SBCS_SBACCESS(dm->sbcs);
    if (lg > 3) {
        set_error(dm, SBERR_SIZE);
        return;
    }
    unsigned n = 1u << lg;
    uint64_t a = dm->sbaddress;
    if (a & (n - 1)) {
        set_error(dm, SBERR_ALIGN);
        return;
    }
    if (!dm_phys_access(dm->m, a, n, write, &dm->sbdata)) {
        set_error(dm, SBERR_ADDRESS);
        return;
    }
    if (dm->sbcs & SBCS_SBAUTOINC)
        dm->sbaddress += n;
    if (sbasize(dm) < 64)
        dm->sbaddress &= (1ull << sbasize(dm)) - 1;
}

uint32_t dm_sba_read(dm_t *dm, unsigned addr)
{
    switch (addr) {
    case DM_SBCS:
        return SBCS_SBVERSION1 | (dm->sbcs & (SBCS_WRITABLE | SBCS_SBBUSYERROR | 7u << 12)) |
               sbasize(dm) << 5 | SBCS_SIZES;
    case DM_SBADDRESS0: return (uint32_t)dm->sbaddress;
    case DM_SBADDRESS1: return (uint32_t)(dm->sbaddress >> 32);
    case DM_SBDATA0: {
        uint32_t v = (uint32_t)dm->sbdata;
        if (dm->sbcs & SBCS_SBREADONDATA)
            access(dm, false);    /* the next read, at the incremented address */
        return v;
    }
    case DM_SBDATA1:    return (uint32_t)(dm->sbdata >> 32);
    }
    return 0;                     /* sbaddress2/3, sbdata2/3: beyond 64 bits */
}

void dm_sba_write(dm_t *dm, unsigned addr, uint32_t val)
{
    switch (addr) {
    case DM_SBCS:
        dm->sbcs = (dm->sbcs & ~SBCS_WRITABLE) | (val & SBCS_WRITABLE);
        if (val & SBCS_SBBUSYERROR)
            dm->sbcs &= ~SBCS_SBBUSYERROR;
        dm->sbcs &= ~(val & (7u << 12));          /* sberror: write 1 to clear */
        break;
    case DM_SBADDRESS0:
        dm->sbaddress = (dm->sbaddress & ~0xffffffffull) | val;
        if (dm->sbcs & SBCS_SBREADONADDR)
            access(dm, false);
        break;
    case DM_SBADDRESS1:
        if (sbasize(dm) > 32)
            dm->sbaddress = (dm->sbaddress & 0xffffffffull) | (uint64_t)val << 32;
        if (sbasize(dm) < 64)
            dm->sbaddress &= (1ull << sbasize(dm)) - 1;
        break;
    case DM_SBDATA0:
        dm->sbdata = (dm->sbdata & ~0xffffffffull) | val;
        access(dm, true);
        break;
    case DM_SBDATA1:
        dm->sbdata = (dm->sbdata & 0xffffffffull) | (uint64_t)val << 32;
        break;
    }
}
