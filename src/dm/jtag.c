/* The TAP controller and the DTM's registers (jtag.h).
 *
 * Actions happen as the controller enters a state: Capture loads the
 * shift register, Update acts on it; in Shift-DR/IR each rising edge
 * shifts one bit (TDI in at the top, TDO out of bit 0). OpenOCD's bitbang
 * driver samples TDO while TCK is low, before the edge that shifts. */
#include "jtag.h"
#include <stdlib.h>

enum tap_state {
    TLR, RTI, SEL_DR, CAP_DR, SHIFT_DR, EXIT1_DR, PAUSE_DR, EXIT2_DR, UPD_DR,
    SEL_IR, CAP_IR, SHIFT_IR, EXIT1_IR, PAUSE_IR, EXIT2_IR, UPD_IR,
};

/* Next state for TMS = 0 and TMS = 1 (IEEE 1149.1 figure 6-1). */
static const unsigned char next_state[16][2] = {
    [TLR] = { RTI, TLR },          [RTI] = { RTI, SEL_DR },
    [SEL_DR] = { CAP_DR, SEL_IR }, [CAP_DR] = { SHIFT_DR, EXIT1_DR },
    [SHIFT_DR] = { SHIFT_DR, EXIT1_DR }, [EXIT1_DR] = { PAUSE_DR, UPD_DR },
    [PAUSE_DR] = { PAUSE_DR, EXIT2_DR }, [EXIT2_DR] = { SHIFT_DR, UPD_DR },
    [UPD_DR] = { RTI, SEL_DR },    [SEL_IR] = { CAP_IR, TLR },
    [CAP_IR] = { SHIFT_IR, EXIT1_IR }, [SHIFT_IR] = { SHIFT_IR, EXIT1_IR },
    [EXIT1_IR] = { PAUSE_IR, UPD_IR }, [PAUSE_IR] = { PAUSE_IR, EXIT2_IR },
    [EXIT2_IR] = { SHIFT_IR, UPD_IR }, [UPD_IR] = { RTI, SEL_DR },
};

enum { IR_IDCODE = 0x01, IR_DTMCS = 0x10, IR_DMI = 0x11, IR_BYPASS = 0x1f };
#define IR_LEN  5
#define ABITS   7                   /* DM registers 0x00..0x7f */
#define DMI_LEN (ABITS + 34)

/* dmi.op in a result */
enum { DMI_OK = 0, DMI_FAILED = 2 };

struct jtag {
    dm_t    *dm;
    unsigned state;
    bool     tck;
    unsigned ir;
    uint64_t sr;                    /* the shift register */
    unsigned len;                   /* its length for the current IR */
    /* The last DMI operation's result, captured by the next scan. */
    unsigned dmi_addr;
    uint32_t dmi_data;
    unsigned dmi_status;            /* sticky DMI_FAILED until dmireset */
};

jtag_t *jtag_new(dm_t *dm)
{
    jtag_t *j = calloc(1, sizeof *j);
    if (!j)
        abort();
    j->dm = dm;
    jtag_reset(j);
    return j;
}

void jtag_free(jtag_t *j)
{
    free(j);
}

void jtag_reset(jtag_t *j)
{
    j->state = TLR;
    j->ir = IR_IDCODE;
}

static unsigned dr_len(unsigned ir)
{
    switch (ir) {
    case IR_IDCODE: return 32;
    case IR_DTMCS:  return 32;
    case IR_DMI:    return DMI_LEN;
    }
    return 1;                       /* BYPASS, and every unused instruction */
}

static uint32_t dtmcs(const jtag_t *j)
{
    /* version 1 (0.13 and 1.0), abits, dmistat, idle = 1: one Run-Test/Idle
     * cycle is plenty, the DM finishes each operation at once. */
    return 1u | ABITS << 4 | j->dmi_status << 10 | 1u << 12;
}

static void capture_dr(jtag_t *j)
{
    j->len = dr_len(j->ir);
    switch (j->ir) {
    case IR_IDCODE: j->sr = JTAG_IDCODE; break;
    case IR_DTMCS:  j->sr = dtmcs(j); break;
    case IR_DMI:
        j->sr = (uint64_t)j->dmi_addr << 34 | (uint64_t)j->dmi_data << 2 | j->dmi_status;
        break;
    default:        j->sr = 0; break;
    }
}

static void update_dr(jtag_t *j)
{
    if (j->ir == IR_DTMCS) {
        if (j->sr & (3u << 16))     /* dmireset, dmihardreset */
            j->dmi_status = DMI_OK;
        return;
    }
    if (j->ir != IR_DMI)
        return;
    unsigned op = j->sr & 3, addr = (unsigned)(j->sr >> 34) & ((1u << ABITS) - 1);
    uint32_t data = (uint32_t)(j->sr >> 2);
    if (j->dmi_status != DMI_OK || op == 0 || op == 3)
        return;                     /* a sticky error ignores operations; 0 is a nop */
    j->dmi_addr = addr;
    if (op == 1) {
        j->dmi_data = dm_read(j->dm, addr);
    } else {
        dm_write(j->dm, addr, data);
        j->dmi_data = data;
    }
}

static void enter(jtag_t *j, unsigned s)
{
    j->state = s;
    switch (s) {
    case TLR:    j->ir = IR_IDCODE; break;
    case CAP_DR: capture_dr(j); break;
    case UPD_DR: update_dr(j); break;
    case CAP_IR: j->sr = 1; j->len = IR_LEN; break;   /* IR capture: ...01 */
    case UPD_IR: j->ir = (unsigned)j->sr & ((1u << IR_LEN) - 1); break;
    }
}

void jtag_set_pins(jtag_t *j, bool tck, bool tms, bool tdi)
{
    bool rising = tck && !j->tck;
    j->tck = tck;
    if (!rising)
        return;
    dm_tck(j->dm);
    if (j->state == SHIFT_DR || j->state == SHIFT_IR)
        j->sr = (j->sr >> 1) | ((uint64_t)tdi << (j->len - 1));
    enter(j, next_state[j->state][tms]);
}

bool jtag_tdo(const jtag_t *j)
{
    return (j->state == SHIFT_DR || j->state == SHIFT_IR) && (j->sr & 1);
}
