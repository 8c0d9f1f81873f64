/* IEEE 754 arithmetic with the RISC-V rules (unprivileged spec, F and D
 * chapters): values are raw bit patterns (binary32 in the low 32 bits),
 * every result that is a NaN is the canonical NaN, and each operation
 * returns its exception flags in *fl (the fflags bits) rather than touching
 * any hart. How the host FPU is used and where software takes over:
 * docs/fp.md. */
#ifndef RVSCOPE_FP_H
#define RVSCOPE_FP_H
#include <stdbool.h>
#include <stdint.h>

enum fp_prec { FP_S, FP_D };           /* binary32, binary64 */
enum fp_flag { FFLAG_NX = 1, FFLAG_UF = 2, FFLAG_OF = 4, FFLAG_DZ = 8, FFLAG_NV = 16 };
/* Rounding modes as the rm field encodes them; 7 (dynamic) is resolved by
 * the caller from frm, 5 and 6 are reserved. */
enum fp_rm { RM_RNE, RM_RTZ, RM_RDN, RM_RUP, RM_RMM, RM_DYN = 7 };
enum fp_op { FOP_ADD, FOP_SUB, FOP_MUL, FOP_DIV };
enum fp_cmp { FCMP_EQ, FCMP_LT, FCMP_LE };

#define FP_CANON_S 0x7fc00000u
#define FP_CANON_D 0x7ff8000000000000ull

/* The flags accrued in the host FPU since the last call (then cleared). */
unsigned fp_host_flags_take(void);

uint64_t fp_arith(int prec, int op, uint64_t a, uint64_t b, int rm, unsigned *fl);
uint64_t fp_sqrt(int prec, uint64_t a, int rm, unsigned *fl);
/* (±a*b) ± c with one rounding: neg_prod negates the product, neg_c c. */
uint64_t fp_fma(int prec, uint64_t a, uint64_t b, uint64_t c, bool neg_prod, bool neg_c,
                int rm, unsigned *fl);
uint64_t fp_minmax(int prec, uint64_t a, uint64_t b, bool max, unsigned *fl);
bool fp_compare(int prec, uint64_t a, uint64_t b, int cmp, unsigned *fl);
unsigned fp_classify(int prec, uint64_t a);
/* To a 32- or 64-bit integer with the RISC-V saturation rules; a 32-bit
 * result comes back sign-extended to 64 bits (as RV64 writes it). */
uint64_t fp_to_int(int prec, uint64_t a, bool is_signed, int bits, int rm, unsigned *fl);
/* From a 32- or 64-bit integer (the low bits of v). */
uint64_t fp_from_int(int prec, uint64_t v, bool is_signed, int bits, int rm, unsigned *fl);
/* binary32 <-> binary64 (to_prec is the result's). */
uint64_t fp_convert(int to_prec, uint64_t a, int rm, unsigned *fl);

#endif
