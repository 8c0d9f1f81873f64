/* Abstract commands (Debug Spec 1.0, 3.7): Access Register for GPRs,
 * CSRs and FPRs with transfer, postexec and aarpostincrement; Access
 * Memory (physical addresses); abstractcs with its cmderr rules;
 * abstractauto; data0..3 and the program buffer, which a halted hart
 * executes in debug mode.
 *
 * Commands complete at once (abstractcs.busy is never seen set). Quick
 * Access fails with cmderr 2 (not supported). */
#include "dm_impl.h"
#include "../core/csr.h"
#include "../core/run.h"
#include "../core/trap.h"
#include "../debug/debugger.h"
#include <string.h>

/* Where the program buffer seems to be, for the pc its instructions see.
 * Nothing is mapped there; pc-relative code in the buffer is not useful. */
#define PROGBUF_PC 0x800ull
/* A program buffer that loops longer than this is given up (cmderr 3). */
#define PROGBUF_MAX_INSNS 100000

#define CMD_TYPE(c)        ((c) >> 24)
#define AAR_SIZE(c)        (((c) >> 20) & 7)
#define AAR_POSTINCREMENT  (1u << 19)
#define AAR_POSTEXEC       (1u << 18)
#define AAR_TRANSFER       (1u << 17)
#define AAR_WRITE          (1u << 16)

enum { REG_CSR_LAST = 0x0fff, REG_GPR0 = 0x1000, REG_FPR0 = 0x1020, REG_FPR31 = 0x103f };

bool dm_is_abstract_reg(unsigned addr)
{
    return (addr >= DM_DATA0 && addr < DM_DATA0 + 12) || addr == DM_ABSTRACTCS ||
           addr == DM_COMMAND || addr == DM_ABSTRACTAUTO ||
           (addr >= DM_PROGBUF0 && addr < DM_PROGBUF0 + 16);
}

void dm_abstract_reset(dm_t *dm)
{
    dm->cmderr = CMDERR_NONE;
    dm->command = dm->abstractauto = 0;
}

static hart_t *cmd_hart(dm_t *dm)
{
    return dm->hartsel < dm->m->nharts ? dm->m->harts[dm->hartsel] : NULL;
}

/* The program buffer on hart h: from progbuf0 to an ebreak (or the
 * implicit one after the last word). Jumps inside the buffer work; the
 * hart's pc is dpc again afterwards. */
static unsigned progbuf_exec(dm_t *dm, hart_t *h)
{
    uint64_t dpc = h->pc;
    const uint8_t *buf = (const uint8_t *)dm->progbuf;
    unsigned err = CMDERR_NONE;
    h->pc = PROGBUF_PC;
    for (unsigned n = 0;; n++) {
        uint64_t off = h->pc - PROGBUF_PC;
        if (off == sizeof dm->progbuf)
            break;                               /* impebreak */
        if (off > sizeof dm->progbuf - 2 || (off & 1) || n == PROGBUF_MAX_INSNS) {
            err = CMDERR_EXCEPTION;              /* left the buffer, or loops */
            break;
        }
        uint32_t raw = buf[off] | (uint32_t)buf[off + 1] << 8;
        if ((raw & 3) == 3) {
            if (off + 4 > sizeof dm->progbuf) {
                err = CMDERR_EXCEPTION;
                break;
            }
            raw |= (uint32_t)buf[off + 2] << 16 | (uint32_t)buf[off + 3] << 24;
        }
        if (raw == 0x00100073 || raw == 0x9002)  /* ebreak, c.ebreak: done */
            break;
        insn_t in;
        insn_prepare(h, raw, &in);
        if (!dbg_debug_exec(h, &in)) {
            err = CMDERR_EXCEPTION;
            break;
        }
        if (h->run_state != RUN_DEBUG) {         /* a dret left debug mode */
            dm->kick = true;
            return err;
        }
    }
    h->pc = dpc;
    return err;
}

/* The FPR an Access Register names, or -1. Its width is FLEN, which may
 * exceed XLEN (RV32 with D: 64-bit FPRs through data0 and data1). */
static int fpr_of(const hart_t *h, unsigned regno, unsigned *bits)
{
    if (regno < REG_FPR0 || regno > REG_FPR31 || !(h->isa & (1u << EXT_F)))
        return -1;
    *bits = h->isa & (1u << EXT_D) ? 64 : 32;
    return (int)(regno - REG_FPR0);
}

/* Access Register, transfer part: regno <-> data0 (data1 high word). */
static unsigned access_register(dm_t *dm, hart_t *h, uint32_t cmd)
{
    unsigned size = AAR_SIZE(cmd);
    unsigned regno = cmd & 0xffff;
    bool write = (cmd & AAR_WRITE) != 0;
    unsigned width = h->xlen, fbits = 0;
    int f = fpr_of(h, regno, &fbits);
    if (f >= 0)
        width = fbits;
    /* 32 bits or the register's width; wider fails (3.7.1.1) */
    if (size < 2 || size > 3 || (size == 3 && width == 32))
        return CMDERR_NOTSUP;
    uint64_t mask = size == 2 ? 0xffffffffull : ~0ull;
    uint64_t val = dm->data[0] | (size == 3 ? (uint64_t)dm->data[1] << 32 : 0);
    if (regno >= REG_GPR0 && regno < REG_GPR0 + 32) {
        unsigned r = regno - REG_GPR0;
        if (write) {
            if (r)
                h->x[r] = val;     /* RV32 keeps registers zero-extended */
        } else {
            val = r ? h->x[r] : 0;
        }
    } else if (regno <= REG_CSR_LAST) {
        if (write ? !csr_debug_write(h, regno, val) : !csr_debug_read(h, regno, &val))
            return CMDERR_EXCEPTION;             /* as a csrr of it would trap */
    } else if (f >= 0) {
        /* As the GDB stub: whatever mstatus.FS says (a debugger sees the
         * registers even while the guest has the FPU off); a 32-bit value
         * in a 64-bit register is NaN-boxed, as flw would leave it. */
        if (write) {
            h->f[f] = size == 2 && fbits == 64 ? 0xffffffff00000000ull | (uint32_t)val : val;
            if (h->mstatus & MSTATUS_FS)    /* Dirty, so a kernel saves it */
                h->mstatus |= MSTATUS_FS;
        } else
            val = h->f[f];
    } else {
        return CMDERR_EXCEPTION;
    }
    if (!write) {
        val &= mask;
        dm->data[0] = (uint32_t)val;
        if (size == 3)
            dm->data[1] = (uint32_t)(val >> 32);
    }
    return CMDERR_NONE;
}

/* An abstract argument (3.7.1): XLEN bits; arg n is data[n] on RV32,
 * data[2n], data[2n+1] on RV64. */
static uint64_t arg_get(const dm_t *dm, const hart_t *h, unsigned n)
{
    if (h->xlen == 32)
        return dm->data[n];
    return dm->data[2 * n] | (uint64_t)dm->data[2 * n + 1] << 32;
}

static void arg_set(dm_t *dm, const hart_t *h, unsigned n, uint64_t v)
{
    if (h->xlen == 32) {
        dm->data[n] = (uint32_t)v;
        return;
    }
    dm->data[2 * n] = (uint32_t)v;
    dm->data[2 * n + 1] = (uint32_t)(v >> 32);
}

/* Access Memory (3.7.1.3): arg0 is the data, arg1 the address; physical
 * addresses only (aamvirtual = 1 is not supported), as the system bus
 * sees memory. Works whether the hart runs or not: rvscope's memory does
 * not depend on the hart's state. */
static unsigned access_memory(dm_t *dm, hart_t *h, uint32_t cmd)
{
    unsigned lg = (cmd >> 20) & 7;
    if ((cmd >> 23) & 1 || (8u << lg) > (unsigned)h->xlen || (cmd >> 14) & 3)
        return CMDERR_NOTSUP;        /* virtual, wider than XLEN, target-specific */
    unsigned n = 1u << lg;
    uint64_t a = arg_get(dm, h, 1), v = arg_get(dm, h, 0);
    if (h->xlen == 32)
        a = (uint32_t)a;
    bool write = (cmd & AAR_WRITE) != 0;
    if (!dm_phys_access(dm->m, a, n, write, &v))
        return CMDERR_BUS;
    if (!write)
        arg_set(dm, h, 0, v);
    if (cmd & AAR_POSTINCREMENT)
        arg_set(dm, h, 1, a + n);
    return CMDERR_NONE;
}

static void execute(dm_t *dm)
{
    uint32_t cmd = dm->command;
    if (dm->cmderr != CMDERR_NONE)
        return;                     /* no command runs until cmderr is cleared */
    if (CMD_TYPE(cmd) == 2) {
        hart_t *mh = cmd_hart(dm);
        dm->cmderr = mh ? access_memory(dm, mh, cmd) : CMDERR_HALTRESUME;
        return;
    }
    if (CMD_TYPE(cmd) != 0) {
        dm->cmderr = CMDERR_NOTSUP;
        return;
    }
    hart_t *h = cmd_hart(dm);
    if (!h || h->run_state != RUN_DEBUG) {
        dm->cmderr = CMDERR_HALTRESUME;
        return;
    }
    unsigned err = CMDERR_NONE;
    if (cmd & AAR_TRANSFER)
        err = access_register(dm, h, cmd);
    if (!err && (cmd & AAR_POSTEXEC))
        err = progbuf_exec(dm, h);
    if (cmd & AAR_POSTINCREMENT)     /* after the transfer, even if postexec failed */
        dm->command = (cmd & ~0xffffu) | ((cmd + 1) & 0xffff);
    dm->cmderr = err;
}

uint32_t dm_abstract_read(dm_t *dm, unsigned addr)
{
    if (addr >= DM_DATA0 && addr < DM_DATA0 + DM_DATACOUNT) {
        unsigned i = addr - DM_DATA0;
        uint32_t v = dm->data[i];
        if (dm->abstractauto >> i & 1)
            execute(dm);
        return v;
    }
    if (addr >= DM_PROGBUF0 && addr < DM_PROGBUF0 + DM_PROGBUFSIZE) {
        unsigned i = addr - DM_PROGBUF0;
        if (dm->abstractauto >> (16 + i) & 1)
            execute(dm);
        return dm->progbuf[i];
    }
    switch (addr) {
    case DM_ABSTRACTCS:   return DM_PROGBUFSIZE << 24 | dm->cmderr << 8 | DM_DATACOUNT;
    case DM_COMMAND:      return 0;            /* write-only */
    case DM_ABSTRACTAUTO: return dm->abstractauto;
    }
    return 0;
}

void dm_abstract_write(dm_t *dm, unsigned addr, uint32_t val)
{
    if (addr >= DM_DATA0 && addr < DM_DATA0 + DM_DATACOUNT) {
        unsigned i = addr - DM_DATA0;
        dm->data[i] = val;
        if (dm->abstractauto >> i & 1)
            execute(dm);
        return;
    }
    if (addr >= DM_PROGBUF0 && addr < DM_PROGBUF0 + DM_PROGBUFSIZE) {
        unsigned i = addr - DM_PROGBUF0;
        dm->progbuf[i] = val;
        if (dm->abstractauto >> (16 + i) & 1)
            execute(dm);
        return;
    }
    switch (addr) {
    case DM_ABSTRACTCS:
        dm->cmderr &= ~((val >> 8) & 7);       /* write 1 to clear */
        break;
    case DM_COMMAND:
        if (dm->cmderr == CMDERR_NONE) {
            dm->command = val;
            execute(dm);
        }
        break;
    case DM_ABSTRACTAUTO:
        dm->abstractauto = val & ((((1u << DM_PROGBUFSIZE) - 1) << 16) | ((1u << DM_DATACOUNT) - 1));
        break;
    }
}
