/* The Debug Module's state, shared by its parts: dm.c (run control,
 * hart selection), abstract.c (abstract commands, the program buffer),
 * sba.c (system bus access). */
#ifndef RVSCOPE_DM_IMPL_H
#define RVSCOPE_DM_IMPL_H
#include "dm.h"

#define DM_DATACOUNT    4     /* data0..3: Access Memory's two 64-bit arguments */
#define DM_PROGBUFSIZE  8     /* words; plus an implicit ebreak (impebreak) */

/* DM register addresses (Debug Spec 1.0, 3.14). */
enum dm_reg {
    DM_DATA0 = 0x04, DM_DMCONTROL = 0x10, DM_DMSTATUS = 0x11, DM_HARTINFO = 0x12,
    DM_HALTSUM1 = 0x13, DM_HAWINDOWSEL = 0x14, DM_HAWINDOW = 0x15, DM_ABSTRACTCS = 0x16,
    DM_COMMAND = 0x17, DM_ABSTRACTAUTO = 0x18, DM_NEXTDM = 0x1d, DM_PROGBUF0 = 0x20,
    DM_AUTHDATA = 0x30, DM_HALTSUM2 = 0x34, DM_HALTSUM3 = 0x35, DM_SBADDRESS3 = 0x37,
    DM_SBCS = 0x38, DM_SBADDRESS0 = 0x39, DM_SBADDRESS1 = 0x3a, DM_SBADDRESS2 = 0x3b,
    DM_SBDATA0 = 0x3c, DM_SBDATA1 = 0x3d, DM_SBDATA2 = 0x3e, DM_SBDATA3 = 0x3f,
    DM_HALTSUM0 = 0x40,
};

/* abstractcs.cmderr */
enum { CMDERR_NONE = 0, CMDERR_BUSY = 1, CMDERR_NOTSUP = 2, CMDERR_EXCEPTION = 3,
       CMDERR_HALTRESUME = 4, CMDERR_BUS = 5, CMDERR_OTHER = 7 };

struct dm {
    machine_t *m;
    bool     dmactive;
    uint32_t data[DM_DATACOUNT];
    uint32_t progbuf[DM_PROGBUFSIZE];
    /* Hart selection: hartsel, and with hasel the hart array window. */
    unsigned hartsel;
    bool     hasel;
    uint32_t hawindow;
    bool     resumeack[MAX_HARTS], havereset[MAX_HARTS], resethaltreq[MAX_HARTS];
    bool     haltreq[MAX_HARTS];      /* a level: a hart with it set halts, out of reset too */
    bool     ndmreset;              /* harts held in reset while set */
    bool     hartreset[MAX_HARTS];  /* this hart held in reset (dmcontrol.hartreset) */
    bool     kick;                  /* a hart may run now (dm_take_kick) */
    /* Abstract commands. */
    unsigned cmderr;
    uint32_t command, abstractauto;
    /* System bus access. */
    uint32_t sbcs;
    uint64_t sbaddress, sbdata;
    /* The harts as loaded: what ndmreset restores. */
    hart_t  *reset_state[MAX_HARTS];
};

/* abstract.c */
void dm_abstract_reset(dm_t *dm);
uint32_t dm_abstract_read(dm_t *dm, unsigned addr);
void dm_abstract_write(dm_t *dm, unsigned addr, uint32_t val);
bool dm_is_abstract_reg(unsigned addr);
/* sba.c */
void dm_sba_reset(dm_t *dm);
uint32_t dm_sba_read(dm_t *dm, unsigned addr);
void dm_sba_write(dm_t *dm, unsigned addr, uint32_t val);
bool dm_is_sba_reg(unsigned addr);
/* A physical access of n bytes (RAM or a device), as the system bus
 * sees it; false: nothing answers there. */
bool dm_phys_access(machine_t *m, uint64_t addr, unsigned n, bool write, uint64_t *val);

#endif
