/* Control and status registers (Zicsr): numbers, names, access rules. */
#ifndef RVSCOPE_CSR_H
#define RVSCOPE_CSR_H
#include "hart.h"

enum csr_num {
    CSR_FFLAGS = 0x001, CSR_FRM = 0x002, CSR_FCSR = 0x003,
    CSR_SSTATUS = 0x100, CSR_SIE = 0x104, CSR_STVEC = 0x105, CSR_SCOUNTEREN = 0x106,
    CSR_SENVCFG = 0x10a, CSR_SSCRATCH = 0x140, CSR_SEPC = 0x141, CSR_SCAUSE = 0x142,
    CSR_STVAL = 0x143, CSR_SIP = 0x144, CSR_STIMECMP = 0x14d, CSR_STIMECMPH = 0x15d,
    CSR_SATP = 0x180,
    CSR_MSTATUS = 0x300, CSR_MISA = 0x301, CSR_MEDELEG = 0x302, CSR_MIDELEG = 0x303,
    CSR_MIE = 0x304, CSR_MTVEC = 0x305, CSR_MCOUNTEREN = 0x306, CSR_MENVCFG = 0x30a,
    CSR_MSTATUSH = 0x310, CSR_MENVCFGH = 0x31a, CSR_MCOUNTINHIBIT = 0x320,
    CSR_MHPMEVENT3 = 0x323, CSR_MHPMEVENT31 = 0x33f,
    CSR_MSCRATCH = 0x340, CSR_MEPC = 0x341, CSR_MCAUSE = 0x342, CSR_MTVAL = 0x343,
    CSR_MIP = 0x344,
    CSR_PMPCFG0 = 0x3a0, CSR_PMPCFG15 = 0x3af, CSR_PMPADDR0 = 0x3b0, CSR_PMPADDR63 = 0x3ef,
    CSR_TSELECT = 0x7a0, CSR_TDATA1 = 0x7a1, CSR_TDATA2 = 0x7a2, CSR_TDATA3 = 0x7a3,
    CSR_TINFO = 0x7a4, CSR_TCONTROL = 0x7a5,
    CSR_DCSR = 0x7b0, CSR_DPC = 0x7b1, CSR_DSCRATCH0 = 0x7b2, CSR_DSCRATCH1 = 0x7b3,
    CSR_MCYCLE = 0xb00, CSR_MINSTRET = 0xb02, CSR_MHPMCOUNTER3 = 0xb03,
    CSR_MHPMCOUNTER31 = 0xb1f, CSR_MCYCLEH = 0xb80, CSR_MINSTRETH = 0xb82,
    CSR_MHPMCOUNTER3H = 0xb83, CSR_MHPMCOUNTER31H = 0xb9f,
    CSR_CYCLE = 0xc00, CSR_TIME = 0xc01, CSR_INSTRET = 0xc02,
    CSR_HPMCOUNTER3 = 0xc03, CSR_HPMCOUNTER31 = 0xc1f,
    CSR_CYCLEH = 0xc80, CSR_TIMEH = 0xc81, CSR_INSTRETH = 0xc82,
    CSR_HPMCOUNTER3H = 0xc83, CSR_HPMCOUNTER31H = 0xc9f,
    CSR_MVENDORID = 0xf11, CSR_MARCHID = 0xf12, CSR_MIMPID = 0xf13,
    CSR_MHARTID = 0xf14, CSR_MCONFIGPTR = 0xf15,
};

#define MENVCFG_STCE (1ull << 63)   /* Sstc: stimecmp drives STIP */

/* Instruction-level access (privilege, read-only, existence); false means
 * the instruction is illegal. Writes apply WARL rules. */
bool csr_read(hart_t *h, unsigned csr, uint64_t *val);
bool csr_write(hart_t *h, unsigned csr, uint64_t val);
/* Would an access by the current privilege be legal? */
bool csr_accessible(hart_t *h, unsigned csr, bool write);
/* Debugger access: no privilege check, no side effects beyond the write. */
bool csr_debug_read(hart_t *h, unsigned csr, uint64_t *val);
bool csr_debug_write(hart_t *h, unsigned csr, uint64_t val);

const char *csr_name(unsigned csr);          /* NULL if unnamed */
int csr_by_name(const char *name);           /* -1 if unknown */

#endif
