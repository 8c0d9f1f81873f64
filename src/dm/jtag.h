/* The JTAG TAP and the Debug Transport Module (Debug Spec 1.0, chapter 6):
 * the 16-state TAP controller, a 5-bit IR with IDCODE, dtmcs, dmi and
 * BYPASS, driven one TCK edge at a time (remote_bitbang, rbb.c). */
#ifndef RVSCOPE_JTAG_H
#define RVSCOPE_JTAG_H
#include "dm.h"

/* Part 0x0525, manufacturer code 0x7a5 (JEDEC bank 16, which assigns no
 * names: OpenOCD shows "<unknown>" rather than some real company). */
#define JTAG_IDCODE 0x00525f4bu

typedef struct jtag jtag_t;

jtag_t *jtag_new(dm_t *dm);
void jtag_free(jtag_t *j);
/* Set the pins: a rising TCK edge clocks TMS and TDI in. */
void jtag_set_pins(jtag_t *j, bool tck, bool tms, bool tdi);
/* TDO as it is now (the bit being shifted out). */
bool jtag_tdo(const jtag_t *j);
/* TRST: the TAP goes to Test-Logic-Reset. */
void jtag_reset(jtag_t *j);

#endif
