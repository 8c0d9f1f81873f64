/* The Sdtrig trigger module (RISC-V Debug Specification 1.0, chapter 5):
 * tselect, tdata1-3, tinfo, tcontrol. */
#ifndef RVSCOPE_SDTRIG_H
#define RVSCOPE_SDTRIG_H
#include "../core/hart.h"

bool sdtrig_csr_read(hart_t *h, unsigned csr, uint64_t *val);
bool sdtrig_csr_write(hart_t *h, unsigned csr, uint64_t val);

#endif
