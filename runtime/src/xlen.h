/* xlen.h — what differs between RV32 and RV64 in the runtime's assembly. */
#ifndef XLEN_H__
#define XLEN_H__

#if __riscv_xlen == 64
  #define STORE sd
  #define LOAD  ld
  #define XLENB 8
#else
  #define STORE sw
  #define LOAD  lw
  #define XLENB 4
#endif

/* Context layout (see am.h): gpr[32], mcause, mstatus, mepc, mcontrol6,
 * tdata2, pdir; rounded up to 40 words to keep sp 16-byte aligned. */
#define CTX_MCAUSE    (32 * XLENB)
#define CTX_MSTATUS   (33 * XLENB)
#define CTX_MEPC      (34 * XLENB)
#define CTX_MCONTROL6 (35 * XLENB)
#define CTX_TDATA2    (36 * XLENB)
#define CTX_PDIR      (37 * XLENB)
#define CONTEXT_SIZE  (40 * XLENB)

#endif
