/* The FP arithmetic core: the host's SSE unit does each operation in the
 * requested rounding mode, with MXCSR giving the exception flags; software
 * does what SSE does not do the RISC-V way (docs/fp.md):
 *   - NaN results: SSE propagates payloads, RISC-V returns the canonical NaN;
 *   - conversions to integers: SSE returns 0x80..0 for everything out of
 *     range, RISC-V saturates (unprivileged spec, "fcvt" table);
 *   - fmin/fmax (IEEE 754-2019 minimumNumber/maximumNumber), compares,
 *     fclass: pure bit work;
 *   - fused multiply-add raises invalid for inf*0 even with a quiet-NaN
 *     addend;
 *   - round-to-nearest-max-magnitude (RMM), which SSE lacks: the x87 unit
 *     computes the result truncated to 64 significant bits, which holds
 *     every tie of a 24- or 53-bit result exactly, and the tie is decided
 *     from that.
 * Both x86 and RISC-V detect tininess after rounding, so underflow needs no
 * fix-up. Built with -frounding-math (Makefile): nothing here may be
 * constant-folded or moved across a rounding-mode change. */
#include "fp.h"
#include <fenv.h>
#include <math.h>
#include <string.h>
#include <float.h>

#define SIGN_S 0x80000000u
#define SIGN_D 0x8000000000000000ull

static inline double   d_of(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }
static inline float    f_of(uint64_t b) { uint32_t w = (uint32_t)b; float f; memcpy(&f, &w, 4); return f; }
static inline uint64_t bits_d(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }
static inline uint64_t bits_f(float f)  { uint32_t b; memcpy(&b, &f, 4); return b; }

static bool is_nan(int prec, uint64_t a)
{
    return prec == FP_D ? (a & ~SIGN_D) > 0x7ff0000000000000ull : (a & 0x7fffffffu) > 0x7f800000u;
}
static bool is_snan(int prec, uint64_t a)
{
    return is_nan(prec, a) && !(a & (prec == FP_D ? 0x0008000000000000ull : 0x00400000u));
}
static bool is_inf(int prec, uint64_t a)
{
    return prec == FP_D ? (a & ~SIGN_D) == 0x7ff0000000000000ull : (a & 0x7fffffffu) == 0x7f800000u;
}
static bool is_zero(int prec, uint64_t a)
{
    return prec == FP_D ? !(a & ~SIGN_D) : !(a & 0x7fffffffu);
}
static uint64_t canon(int prec, uint64_t r)
{
    return !is_nan(prec, r) ? r : prec == FP_D ? FP_CANON_D : FP_CANON_S;
}
static uint64_t sign_bit(int prec) { return prec == FP_D ? SIGN_D : SIGN_S; }

/* MXCSR: all exceptions masked, flags clear, RC from the RISC-V rm
 * (RNE, RTZ, RDN, RUP -> nearest, zero, down, up). */
#define MXCSR_DEFAULT 0x1f80u
static const unsigned rc_of[4] = { 0, 3, 1, 2 };

static inline unsigned mx_to_fflags(unsigned v)
{
    return (v & 1 ? FFLAG_NV : 0) | (v & 4 ? FFLAG_DZ : 0) | (v & 8 ? FFLAG_OF : 0) |
           (v & 16 ? FFLAG_UF : 0) | (v & 32 ? FFLAG_NX : 0);
}

/* Reading or writing MXCSR waits for the SSE unit to drain, which costs
 * more than the operation itself; so in round-to-nearest (the host's mode,
 * and what compiled code uses nearly always) the flags are not read per
 * operation: MXCSR's sticky flags accumulate the guest's, as fflags does,
 * and the hart folds them in when the guest reads fflags/fcsr and at the
 * end of each slice (fp_host_flags_take; run.c, exec.inc). The rounding
 * modes SSE has otherwise are set for one operation, and the flags that
 * had accumulated before it are returned with its own. */
static inline unsigned mx_begin(int rm)
{
    unsigned v = 0, w;
    if (rm == RM_RNE)
        return 0;
    __asm__ volatile("stmxcsr %0" : "=m"(v));
    w = MXCSR_DEFAULT | rc_of[rm] << 13;
    __asm__ volatile("ldmxcsr %0" : : "m"(w));
    return mx_to_fflags(v);
}
static inline unsigned mx_end(int rm, unsigned before)
{
    unsigned v, d = MXCSR_DEFAULT;
    if (rm == RM_RNE)
        return 0;
    __asm__ volatile("stmxcsr %0" : "=m"(v));
    __asm__ volatile("ldmxcsr %0" : : "m"(d));
    return before | mx_to_fflags(v);
}

unsigned fp_host_flags_take(void)
{
    unsigned v, d = MXCSR_DEFAULT;
    __asm__ volatile("stmxcsr %0" : "=m"(v));
    if (v != MXCSR_DEFAULT)
        __asm__ volatile("ldmxcsr %0" : : "m"(d));
    return mx_to_fflags(v);
}

/* One SSE instruction, as asm so the compiler keeps it between the MXCSR
 * accesses (it knows nothing of the flags). */
#define SSE2(insn, z, x, y) __asm__ volatile(insn " %2, %0" : "=x"(z) : "0"(x), "x"(y))
#define SSE1(insn, z, x)    __asm__ volatile(insn " %1, %0" : "=x"(z) : "x"(x))

/* ---- RMM through the x87 unit ---- */

/* Returns the SSE flags accrued so far (fesetround and feclearexcept
 * would lose them). */
static unsigned rmm_begin(void)
{
    unsigned before = fp_host_flags_take();
    fesetround(FE_TOWARDZERO);
    feclearexcept(FE_ALL_EXCEPT);
    return before;
}

/* t is the exact result truncated to 64 significant bits (inexact says
 * whether it was exact). The RMM result is whichever of the two target
 * neighbours of t is nearer, the one away from zero on a tie; a tie of a
 * p-bit result needs only p+1 bits, so it is always exact in t, and a
 * truncated t is on the same side of the midpoint as the exact value.
 * Tininess after rounding (unbounded exponent): below the midpoint between
 * the smallest normal and its predecessor at full precision. */
#define RMM_ROUND(NAME, T, NEXT, MIN_NORMAL, P)                                 \
    static T NAME(long double t, bool inexact, unsigned *f)                     \
    {                                                                           \
        volatile T rz = (T)t;                                                   \
        if ((long double)rz == t && !inexact)                                   \
            return rz;                                                          \
        T ra = NEXT(rz, t > 0 ? (T)INFINITY : (T)-INFINITY);                    \
        long double mid = isinf(ra)                                             \
            ? (long double)rz + ((long double)rz - (long double)NEXT(rz, 0)) / 2 \
            : ((long double)rz + (long double)ra) / 2;                          \
        T r = fabsl(t) >= fabsl(mid) ? ra : rz;                                 \
        *f |= FFLAG_NX;                                                         \
        if (isinf(r))                                                           \
            *f |= FFLAG_OF;                                                     \
        if (fabsl(t) < (long double)MIN_NORMAL * (1 - ldexpl(1, -(P + 1))))     \
            *f |= FFLAG_UF;                                                     \
        return r;                                                               \
    }
RMM_ROUND(rmm_round_d, double, nextafter, DBL_MIN, 53)
RMM_ROUND(rmm_round_f, float, nextafterf, FLT_MIN, 24)

static uint64_t rmm_end(int prec, volatile long double *tp, unsigned extra, unsigned *fl)
{
    long double t = *tp;
    int ex = fetestexcept(FE_ALL_EXCEPT);
    unsigned f = (ex & FE_INVALID ? FFLAG_NV : 0) | (ex & FE_DIVBYZERO ? FFLAG_DZ : 0) | extra;
    uint64_t r;
    if (isnan(t))
        r = prec == FP_D ? FP_CANON_D : FP_CANON_S;
    else if (prec == FP_D)
        r = bits_d(isinf(t) ? (double)t : rmm_round_d(t, ex & FE_INEXACT, &f));
    else
        r = bits_f(isinf(t) ? (float)t : rmm_round_f(t, ex & FE_INEXACT, &f));
    fesetround(FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);
    *fl = f;
    return r;
}

static long double ld_of(int prec, uint64_t a)
{
    return prec == FP_D ? (long double)d_of(a) : (long double)f_of(a);
}

/* ---- the operations ---- */

uint64_t fp_arith(int prec, int op, uint64_t a, uint64_t b, int rm, unsigned *fl)
{
    if (rm == RM_RMM) {
        unsigned before = rmm_begin();
        volatile long double x = ld_of(prec, a), y = ld_of(prec, b), t;
        switch (op) {
        case FOP_ADD: t = x + y; break;
        case FOP_SUB: t = x - y; break;
        case FOP_MUL: t = x * y; break;
        default:      t = x / y; break;
        }
        return rmm_end(prec, &t, before, fl);
    }
    uint64_t r;
    unsigned before = mx_begin(rm);
    /* One of the four SSE operations on type T (suffix sd or ss). */
#define ARITH(T, of, bits, sfx) do {                                        \
        T x = of(a), y = of(b), z;                                          \
        switch (op) {                                                       \
        case FOP_ADD: SSE2("add" sfx, z, x, y); break;                      \
        case FOP_SUB: SSE2("sub" sfx, z, x, y); break;                      \
        case FOP_MUL: SSE2("mul" sfx, z, x, y); break;                      \
        default:      SSE2("div" sfx, z, x, y); break;                      \
        }                                                                   \
        r = bits(z);                                                        \
    } while (0)
    if (prec == FP_D)
        ARITH(double, d_of, bits_d, "sd");
    else
        ARITH(float, f_of, bits_f, "ss");
#undef ARITH
    *fl = mx_end(rm, before);
    return canon(prec, r);
}

uint64_t fp_sqrt(int prec, uint64_t a, int rm, unsigned *fl)
{
    if (rm == RM_RMM) {
        unsigned before = rmm_begin();
        volatile long double t = sqrtl(ld_of(prec, a));
        return rmm_end(prec, &t, before, fl);
    }
    uint64_t r;
    unsigned before = mx_begin(rm);
    if (prec == FP_D) {
        double x = d_of(a), z;
        SSE1("sqrtsd", z, x);
        r = bits_d(z);
    } else {
        float x = f_of(a), z;
        SSE1("sqrtss", z, x);
        r = bits_f(z);
    }
    *fl = mx_end(rm, before);
    return canon(prec, r);
}

static bool host_fma(void)
{
    static int has = -1;
    if (has < 0)
        has = __builtin_cpu_supports("fma");
    return has;
}

uint64_t fp_fma(int prec, uint64_t a, uint64_t b, uint64_t c, bool neg_prod, bool neg_c,
                int rm, unsigned *fl)
{
    /* inf * 0 is invalid whatever the addend (unprivileged spec, FMA). */
    unsigned extra = ((is_inf(prec, a) && is_zero(prec, b)) || (is_zero(prec, a) && is_inf(prec, b)))
                     ? FFLAG_NV : 0;
    if (neg_prod) a ^= sign_bit(prec);
    if (neg_c) c ^= sign_bit(prec);
    uint64_t r;
    if (rm == RM_RMM) {
        unsigned before = rmm_begin();
        volatile long double t = fmal(ld_of(prec, a), ld_of(prec, b), ld_of(prec, c));
        return rmm_end(prec, &t, extra | before, fl);
    }
    unsigned before = mx_begin(rm);
    /* FMA3 when the host has it, else libm's (it honours MXCSR too). */
#define FMA(T, of, bits, insn, soft) do {                                   \
        T x = of(a), y = of(b), z = of(c);                                  \
        if (host_fma())                                                     \
            __asm__ volatile(insn " %2, %1, %0" : "+x"(z) : "x"(x), "x"(y)); \
        else                                                                \
            z = soft(x, y, z);                                              \
        r = bits(z);                                                        \
    } while (0)
    if (prec == FP_D)
        FMA(double, d_of, bits_d, "vfmadd231sd", fma);
    else
        FMA(float, f_of, bits_f, "vfmadd231ss", fmaf);
#undef FMA
    *fl = mx_end(rm, before) | extra;
    return canon(prec, r);
}

/* The numeric order of two non-NaN values as an unsigned order of their
 * bits (negative values reversed), with -0 below +0: integer work, so it
 * leaves no flags in the host FPU (see mx_begin). */
static uint64_t order_key(int prec, uint64_t a)
{
    uint64_t s = sign_bit(prec);
    return (a & s) ? ~a & (s | (s - 1)) : a | s;
}

/* IEEE 754-2019 minimumNumber/maximumNumber, with -0 < +0 (unprivileged
 * spec, F chapter, since version 2.2). */
uint64_t fp_minmax(int prec, uint64_t a, uint64_t b, bool max, unsigned *fl)
{
    *fl = is_snan(prec, a) || is_snan(prec, b) ? FFLAG_NV : 0;
    bool na = is_nan(prec, a), nb = is_nan(prec, b);
    if (na && nb)
        return prec == FP_D ? FP_CANON_D : FP_CANON_S;
    if (na) return b;
    if (nb) return a;
    return (order_key(prec, a) < order_key(prec, b)) == max ? b : a;
}

/* feq is a quiet comparison (invalid only for signaling NaNs); flt and fle
 * are signaling (invalid for any NaN). +0 and -0 are equal. */
bool fp_compare(int prec, uint64_t a, uint64_t b, int cmp, unsigned *fl)
{
    *fl = 0;
    if (is_nan(prec, a) || is_nan(prec, b)) {
        if (cmp != FCMP_EQ || is_snan(prec, a) || is_snan(prec, b))
            *fl = FFLAG_NV;
        return false;
    }
    bool zeros = is_zero(prec, a) && is_zero(prec, b);
    uint64_t ka = order_key(prec, a), kb = order_key(prec, b);
    return cmp == FCMP_EQ ? ka == kb || zeros : cmp == FCMP_LT ? ka < kb && !zeros : ka <= kb || zeros;
}

unsigned fp_classify(int prec, uint64_t a)
{
    bool neg = (a & sign_bit(prec)) != 0;
    uint64_t exp = prec == FP_D ? (a >> 52) & 0x7ff : (a >> 23) & 0xff;
    if (is_nan(prec, a))
        return is_snan(prec, a) ? 1u << 8 : 1u << 9;
    if (is_inf(prec, a))
        return neg ? 1u << 0 : 1u << 7;
    if (is_zero(prec, a))
        return neg ? 1u << 3 : 1u << 4;
    if (exp == 0)
        return neg ? 1u << 2 : 1u << 5;
    return neg ? 1u << 1 : 1u << 6;
}

/* Round x to an integral value in mode rm (exact operations). */
static double round_integral(double x, int rm)
{
    switch (rm) {
    case RM_RTZ: return trunc(x);
    case RM_RDN: return floor(x);
    case RM_RUP: return ceil(x);
    case RM_RMM: return round(x);
    default:     return nearbyint(x);       /* the host rounds to nearest-even */
    }
}

uint64_t fp_to_int(int prec, uint64_t a, bool is_signed, int bits, int rm, unsigned *fl)
{
    /* Results for out-of-range inputs: NaN and too large give the maximum,
     * too negative the minimum (unprivileged spec, "fcvt" table). */
    uint64_t max = is_signed ? (bits == 32 ? 0x7fffffffull : 0x7fffffffffffffffull)
                             : (bits == 32 ? 0xffffffffull : ~0ull);
    uint64_t min = is_signed ? (bits == 32 ? 0x80000000ull : SIGN_D) : 0;
    double lo = is_signed ? -ldexp(1, bits - 1) : 0, hi = ldexp(1, is_signed ? bits - 1 : bits);
    uint64_t r;
    /* Host arithmetic below raises host flags of its own: keep the guest's
     * accrued ones (returned with this result) and drop those after. */
    unsigned before = fp_host_flags_take();
    *fl = 0;
    if (is_nan(prec, a)) {
        *fl = FFLAG_NV;
        r = max;
    } else {
        double x = prec == FP_D ? d_of(a) : (double)f_of(a);
        double i = round_integral(x, rm);
        if (i < lo) {
            *fl = FFLAG_NV;
            r = min;
        } else if (i >= hi) {
            *fl = FFLAG_NV;
            r = max;
        } else {
            r = is_signed ? (uint64_t)(int64_t)i : (uint64_t)i;
            if (i != x)
                *fl = FFLAG_NX;
        }
    }
    fp_host_flags_take();
    *fl |= before;
    return bits == 32 ? (uint64_t)(int64_t)(int32_t)r : r;
}

uint64_t fp_from_int(int prec, uint64_t v, bool is_signed, int bits, int rm, unsigned *fl)
{
    if (bits == 32)
        v = is_signed ? (uint64_t)(int64_t)(int32_t)v : (uint32_t)v;
    bool big = !is_signed && bits == 64 && (v >> 63);   /* >= 2^63 unsigned */
    if (rm == RM_RMM) {
        unsigned before = rmm_begin();
        volatile long double t = big ? (long double)v : (long double)(int64_t)v;
        return rmm_end(prec, &t, before, fl);
    }
    /* Unsigned values from 2^63 up: half of it, the dropped bit kept as a
     * sticky bit (it is far below the rounding point), doubled exactly. */
    int64_t s = big ? (int64_t)((v >> 1) | (v & 1)) : (int64_t)v;
    uint64_t r;
    unsigned before = mx_begin(rm);
    if (prec == FP_D) {
        double z;
        __asm__ volatile("cvtsi2sdq %1, %0" : "=x"(z) : "r"(s));
        if (big) SSE2("addsd", z, z, z);
        r = bits_d(z);
    } else {
        float z;
        __asm__ volatile("cvtsi2ssq %1, %0" : "=x"(z) : "r"(s));
        if (big) SSE2("addss", z, z, z);
        r = bits_f(z);
    }
    *fl = mx_end(rm, before);
    return r;
}

uint64_t fp_convert(int to_prec, uint64_t a, int rm, unsigned *fl)
{
    uint64_t r;
    if (to_prec == FP_S && rm == RM_RMM) {
        unsigned before = rmm_begin();
        volatile long double t = (long double)d_of(a);
        return rmm_end(FP_S, &t, before, fl);
    }
    if (to_prec == FP_D) rm = RM_RNE;       /* widening is exact */
    unsigned before = mx_begin(rm);
    if (to_prec == FP_D) {
        float x = f_of(a);
        double z;
        SSE1("cvtss2sd", z, x);
        r = bits_d(z);
    } else {
        double x = d_of(a);
        float z;
        SSE1("cvtsd2ss", z, x);
        r = bits_f(z);
    }
    *fl = mx_end(rm, before);
    return canon(to_prec, r);
}
