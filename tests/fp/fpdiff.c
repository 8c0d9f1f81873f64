/* fpdiff.c — the F, D, Zba, Zbb and Zbs instructions on operands drawn
 * from a fixed-seed generator, compared between QEMU and rvscope by their
 * output (tests/fp/run.sh): for every instruction and every rounding mode
 * (rne, rtz, rdn, rup, rmm, dynamic with each frm, the reserved 5 and 6) a
 * hash of all results, the fflags each operation raised and any trap, plus
 * the first few results in full so a difference can be read.
 *
 * Each instruction word is assembled here (rd = a5/fa5, rs1 = a1/fa1,
 * rs2 = fa2/a2, rs3 = fa3) into a code buffer, which fp_exec calls after
 * loading the operands; a trap (illegal rm, FS off) is caught and recorded.
 * Operands are biased towards the cases IEEE 754 and RISC-V treat
 * specially: zeros, infinities, quiet and signaling NaNs, subnormals, the
 * largest and smallest normals, integer limits, halfway cases, improperly
 * NaN-boxed binary32 values. */
#include <am.h>
#include <klib.h>
#include <klib-macros.h>

#ifndef COUNT
#define COUNT 1500            /* operations per instruction and rounding mode */
#endif
#define SHOW 2                /* results printed in full per line */

typedef unsigned long long u64;
struct st { u64 f1, f2, f3, x1, x2, out_f, out_x, flags, trap; };

/* a0 = struct st *, a1 = code (insn; ret). Clobbers what a call may. */
void fp_exec(struct st *s, void *code);
__asm__(
    ".globl fp_exec\nfp_exec:\n"
    "  addi sp, sp, -16\n"
#if __riscv_xlen == 64
    "  sd ra, 0(sp)\n"
    "  ld a2, 32(a0)\n"           /* x2 */
    "  ld t0, 24(a0)\n"           /* x1 -> a1 below */
#else
    "  sw ra, 0(sp)\n"
    "  lw a2, 32(a0)\n"
    "  lw t0, 24(a0)\n"
#endif
    "  mv t1, a1\n"
    "  mv a1, t0\n"
    "  fld fa1, 0(a0)\n  fld fa2, 8(a0)\n  fld fa3, 16(a0)\n"
    "  fcvt.d.w fa5, zero\n"
    "  li a5, 0\n"
    "  csrw fflags, zero\n"
    "  jalr t1\n"
    "  fsd fa5, 40(a0)\n"
#if __riscv_xlen == 64
    "  sd a5, 48(a0)\n"
#else
    "  sw a5, 48(a0)\n  srai t0, a5, 31\n  sw t0, 52(a0)\n"
#endif
    "  csrr t0, fflags\n"
#if __riscv_xlen == 64
    "  sd t0, 56(a0)\n  ld ra, 0(sp)\n"
#else
    "  sw t0, 56(a0)\n  sw zero, 60(a0)\n  lw ra, 0(sp)\n"
#endif
    "  addi sp, sp, 16\n"
    "  ret\n"
    /* Trap handler: record mcause, skip the instruction, return. */
    ".align 4\n.globl fp_trap\nfp_trap:\n"
    "  csrr t0, mcause\n"
#if __riscv_xlen == 64
    "  sd t0, 64(a0)\n"
#else
    "  sw t0, 64(a0)\n"
#endif
    "  csrr t0, mepc\n  addi t0, t0, 4\n  csrw mepc, t0\n  mret\n"
    );
void fp_trap(void);

static u64 rng = 0x9e3779b97f4a7c15ull;
static u64 next(void)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return rng;
}

static const u64 special_d[] = {
    0, 0x8000000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
    0x7ff8000000000000ull, 0xfff8000000000001ull, 0x7ff0000000000001ull, 0x7ff4000000000000ull,
    1, 0x800fffffffffffffull, 0x0010000000000000ull, 0x8010000000000000ull,
    0x7fefffffffffffffull, 0xffefffffffffffffull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x3fe0000000000000ull, 0x3ff8000000000000ull, 0xc004000000000000ull, 0x41dfffffffc00000ull,
    0x41e0000000000000ull, 0xc1e0000000200000ull, 0x41f0000000000000ull, 0x43e0000000000000ull,
    0x43f0000000000000ull, 0xc3e0000000000000ull, 0x3ff0000000000001ull, 0x3cb0000000000000ull,
    0x000fffffffffffffull, 0x3fefffffffffffffull, 0x4330000000000001ull, 0xc1dfffffffffffffull,
};
static const unsigned special_s[] = {
    0, 0x80000000u, 0x7f800000u, 0xff800000u, 0x7fc00000u, 0xffc00001u, 0x7f800001u, 0x7fa00000u,
    1, 0x807fffffu, 0x00800000u, 0x80800000u, 0x7f7fffffu, 0xff7fffffu, 0x3f800000u, 0xbf800000u,
    0x3f000000u, 0x3fc00000u, 0xc0200000u, 0x4effffffu, 0x4f000000u, 0xcf000001u, 0x4f800000u,
    0x5f000000u, 0x5f800000u, 0xdf000000u, 0x3f800001u, 0x33800000u, 0x007fffffu, 0x3f7fffffu,
    0x4b000001u, 0xceffffffu,
};
static const u64 special_x[] = {
    0, 1, ~0ull, 0x7fffffffull, 0x80000000ull, 0xffffffff80000000ull, 0xffffffffull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0x1000001ull, 0x20000000000001ull,
    0xfffffffffffff800ull, 0x8000000000000400ull, 0x7ffffffffffffdffull, 3, 0x100000000ull,
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Near a small exponent: integers, halves, quarters (rounding ties). */
static u64 small_d(void)
{
    long long k = (long long)(next() % 4001) - 2000;
    unsigned sh = next() % 4;
    if (!k) return 0;
    u64 s = k < 0 ? 0x8000000000000000ull : 0;
    u64 m = (u64)(k < 0 ? -k : k);
    int e = 63 - __builtin_clzll(m);
    return s | (u64)(1023 + e - sh) << 52 | ((m << (52 - e)) & 0xfffffffffffffull);
}

static u64 operand(int dbl)
{
    unsigned c = next() % 16;
    u64 r = next();
    if (dbl) {
        if (c < 4) return special_d[next() % N(special_d)];
        if (c < 8) return small_d();
        if (c < 10) return (r & 0x800fffffffffffffull) | (u64)(1023 + (int)(next() % 130) - 65) << 52;
        return r;
    }
    u64 box = 0xffffffff00000000ull;
    if (c == 15 && (next() & 1)) return r;                     /* not NaN-boxed */
    if (c < 4) return box | special_s[next() % N(special_s)];
    if (c < 8) {                                                /* via the double form */
        u64 d = small_d();
        unsigned e = (unsigned)((d >> 52) & 0x7ff);
        if (!d) return box;
        return box | (u64)(d >> 63) << 31 | (u64)(e - 1023 + 127) << 23 | ((d >> 29) & 0x7fffff);
    }
    if (c < 10) return box | (r & 0x807fffffu) | (u64)(127 + (int)(next() % 60) - 30) << 23;
    return box | (unsigned)r;
}

static u64 int_operand(void)
{
    unsigned c = next() % 8;
    u64 r = next();
    if (c < 3) return special_x[next() % N(special_x)] + (next() % 3) - 1;
    if (c < 5) return (u64)(long long)(int)(r % 100000) - 50000;
    if (c < 6) return r >> (next() % 64);
    return r;
}

/* Operand kinds: F = FP register (of the precision), X = integer. */
enum { F1, F2, F3, X1, X2 };
struct insn {
    const char *name;
    unsigned word;      /* rd = 15, rs1 = 11, rs2 = 12, rs3 = 13, rm = 0 */
    unsigned char dbl, nsrc, int_src, rm, rv64;
};
#define R(f7, rs2, f3, op) ((unsigned)(f7) << 25 | (unsigned)(rs2) << 20 | 11u << 15 | (unsigned)(f3) << 12 | 15u << 7 | (op))
#define RR(f7, f3, op) R(f7, 12, f3, op)
#define R4(fmt, op) (13u << 27 | (unsigned)(fmt) << 25 | 12u << 20 | 11u << 15 | 15u << 7 | (op))
/* The instructions F and D share; D sets bit 25 (fmt) and has dbl = 1. */
#define FP_COMMON(P, D) \
    {"fadd." P,    RR(0x00 | D, 0, 0x53),   D, 2, 0, 1, 0}, \
    {"fsub." P,    RR(0x04 | D, 0, 0x53),   D, 2, 0, 1, 0}, \
    {"fmul." P,    RR(0x08 | D, 0, 0x53),   D, 2, 0, 1, 0}, \
    {"fdiv." P,    RR(0x0c | D, 0, 0x53),   D, 2, 0, 1, 0}, \
    {"fsqrt." P,   R(0x2c | D, 0, 0, 0x53), D, 1, 0, 1, 0}, \
    {"fmadd." P,   R4(D, 0x43),             D, 3, 0, 1, 0}, \
    {"fmsub." P,   R4(D, 0x47),             D, 3, 0, 1, 0}, \
    {"fnmsub." P,  R4(D, 0x4b),             D, 3, 0, 1, 0}, \
    {"fnmadd." P,  R4(D, 0x4f),             D, 3, 0, 1, 0}, \
    {"fsgnj." P,   RR(0x10 | D, 0, 0x53),   D, 2, 0, 0, 0}, \
    {"fsgnjn." P,  RR(0x10 | D, 1, 0x53),   D, 2, 0, 0, 0}, \
    {"fsgnjx." P,  RR(0x10 | D, 2, 0x53),   D, 2, 0, 0, 0}, \
    {"fmin." P,    RR(0x14 | D, 0, 0x53),   D, 2, 0, 0, 0}, \
    {"fmax." P,    RR(0x14 | D, 1, 0x53),   D, 2, 0, 0, 0}, \
    {"feq." P,     RR(0x50 | D, 2, 0x53),   D, 2, 0, 0, 0}, \
    {"flt." P,     RR(0x50 | D, 1, 0x53),   D, 2, 0, 0, 0}, \
    {"fle." P,     RR(0x50 | D, 0, 0x53),   D, 2, 0, 0, 0}, \
    {"fclass." P,  R(0x70 | D, 0, 1, 0x53), D, 1, 0, 0, 0}, \
    {"fcvt.w." P,  R(0x60 | D, 0, 0, 0x53), D, 1, 0, 1, 0}, \
    {"fcvt.wu." P, R(0x60 | D, 1, 0, 0x53), D, 1, 0, 1, 0}, \
    {"fcvt.l." P,  R(0x60 | D, 2, 0, 0x53), D, 1, 0, 1, 1}, \
    {"fcvt.lu." P, R(0x60 | D, 3, 0, 0x53), D, 1, 0, 1, 1}, \
    {"fcvt." P ".w",  R(0x68 | D, 0, 0, 0x53), D, 1, 1, 1, 0}, \
    {"fcvt." P ".wu", R(0x68 | D, 1, 0, 0x53), D, 1, 1, 1, 0}, \
    {"fcvt." P ".l",  R(0x68 | D, 2, 0, 0x53), D, 1, 1, 1, 1}, \
    {"fcvt." P ".lu", R(0x68 | D, 3, 0, 0x53), D, 1, 1, 1, 1}
static const struct insn insns[] = {
    /* name        word                 dbl nsrc int rm rv64 */
    FP_COMMON("s", 0),
    {"fmv.x.w",   R(0x70, 0, 0, 0x53),   0, 1, 0, 0, 0},
    {"fmv.w.x",   R(0x78, 0, 0, 0x53),   0, 1, 1, 0, 0},
    {"fcvt.s.d",  R(0x20, 1, 0, 0x53),   1, 1, 0, 1, 0},
    FP_COMMON("d", 1),
    {"fcvt.d.s",  R(0x21, 0, 0, 0x53),   0, 1, 0, 1, 0},
    {"fmv.x.d",   R(0x71, 0, 0, 0x53),   1, 1, 0, 0, 1},
    {"fmv.d.x",   R(0x79, 0, 0, 0x53),   1, 1, 1, 0, 1},
    /* Zba, Zbb, Zbs (QEMU 7.2 has them; Zicond it has not) */
    {"sh1add",    RR(0x10, 2, 0x33),     0, 2, 2, 0, 0},
    {"sh2add",    RR(0x10, 4, 0x33),     0, 2, 2, 0, 0},
    {"sh3add",    RR(0x10, 6, 0x33),     0, 2, 2, 0, 0},
    {"add.uw",    RR(0x04, 0, 0x3b),     0, 2, 2, 0, 1},
    {"sh1add.uw", RR(0x10, 2, 0x3b),     0, 2, 2, 0, 1},
    {"sh2add.uw", RR(0x10, 4, 0x3b),     0, 2, 2, 0, 1},
    {"sh3add.uw", RR(0x10, 6, 0x3b),     0, 2, 2, 0, 1},
    {"slli.uw",   R(0x04, 13, 1, 0x1b) | 1u << 25, 0, 1, 2, 0, 1},
    {"andn",      RR(0x20, 7, 0x33),     0, 2, 2, 0, 0},
    {"orn",       RR(0x20, 6, 0x33),     0, 2, 2, 0, 0},
    {"xnor",      RR(0x20, 4, 0x33),     0, 2, 2, 0, 0},
    {"clz",       R(0x30, 0, 1, 0x13),   0, 1, 2, 0, 0},
    {"ctz",       R(0x30, 1, 1, 0x13),   0, 1, 2, 0, 0},
    {"cpop",      R(0x30, 2, 1, 0x13),   0, 1, 2, 0, 0},
    {"clzw",      R(0x30, 0, 1, 0x1b),   0, 1, 2, 0, 1},
    {"ctzw",      R(0x30, 1, 1, 0x1b),   0, 1, 2, 0, 1},
    {"cpopw",     R(0x30, 2, 1, 0x1b),   0, 1, 2, 0, 1},
    {"min",       RR(0x05, 4, 0x33),     0, 2, 2, 0, 0},
    {"minu",      RR(0x05, 5, 0x33),     0, 2, 2, 0, 0},
    {"max",       RR(0x05, 6, 0x33),     0, 2, 2, 0, 0},
    {"maxu",      RR(0x05, 7, 0x33),     0, 2, 2, 0, 0},
    {"sext.b",    R(0x30, 4, 1, 0x13),   0, 1, 2, 0, 0},
    {"sext.h",    R(0x30, 5, 1, 0x13),   0, 1, 2, 0, 0},
    {"rol",       RR(0x30, 1, 0x33),     0, 2, 2, 0, 0},
    {"ror",       RR(0x30, 5, 0x33),     0, 2, 2, 0, 0},
    {"rori",      R(0x30, 7, 5, 0x13),   0, 1, 2, 0, 0},
    {"rolw",      RR(0x30, 1, 0x3b),     0, 2, 2, 0, 1},
    {"rorw",      RR(0x30, 5, 0x3b),     0, 2, 2, 0, 1},
    {"roriw",     R(0x30, 7, 5, 0x1b),   0, 1, 2, 0, 1},
    {"orc.b",     R(0x14, 7, 5, 0x13),   0, 1, 2, 0, 0},
    {"bclr",      RR(0x24, 1, 0x33),     0, 2, 2, 0, 0},
    {"bext",      RR(0x24, 5, 0x33),     0, 2, 2, 0, 0},
    {"binv",      RR(0x34, 1, 0x33),     0, 2, 2, 0, 0},
    {"bset",      RR(0x14, 1, 0x33),     0, 2, 2, 0, 0},
    {"bclri",     R(0x24, 5, 1, 0x13),   0, 1, 2, 0, 0},
    {"bexti",     R(0x24, 6, 5, 0x13),   0, 1, 2, 0, 0},
    {"binvi",     R(0x34, 7, 1, 0x13),   0, 1, 2, 0, 0},
    {"bseti",     R(0x14, 3, 1, 0x13),   0, 1, 2, 0, 0},
};

static unsigned code[2] __attribute__((aligned(8)));

static u64 fnv(u64 h, u64 v)
{
    for (int i = 0; i < 8; i++) {
        h ^= (v >> (8 * i)) & 0xff;
        h *= 0x100000001b3ull;
    }
    return h;
}

static void hex64(u64 v) { printf("%08x%08x", (unsigned)(v >> 32), (unsigned)v); }

/* ctzw by definition (Zbb: trailing zeros of the low word, 32 if it is
 * zero); QEMU 7.2 counts into the upper word when the low word is zero, so
 * run.sh compares this line against this reference instead of QEMU's. */
static u64 ctzw_ref(u64 x)
{
    unsigned n = 0;
    while (n < 32 && !((x >> n) & 1))
        n++;
    return n;
}

static void run(const struct insn *in, int rm, int frm)
{
    struct st s;
    u64 h = 0xcbf29ce484222325ull;
    unsigned traps = 0, wrong = 0;
    int is_ctzw = !strcmp(in->name, "ctzw");
    code[0] = in->word | (rm >= 0 ? (unsigned)rm << 12 : 0);
    code[1] = 0x00008067;                               /* ret */
    __asm__ volatile("fence.i" ::: "memory");
    if (frm >= 0)
        __asm__ volatile("csrw frm, %0" :: "r"(frm));
    printf("%s rm=%d", in->name, rm);
    if (frm >= 0) printf(" frm=%d", frm);
    for (int i = 0; i < COUNT; i++) {
        s.f1 = operand(in->dbl); s.f2 = operand(in->dbl); s.f3 = operand(in->dbl);
        s.x1 = int_operand(); s.x2 = int_operand();
        if (in->int_src == 2 && (next() & 3) == 0) s.x2 = next() % 64;     /* shift-sized */
        s.trap = 0;
        fp_exec(&s, code);
        if (s.trap) traps++;
        if (is_ctzw && s.out_x != ctzw_ref(s.x1)) wrong++;
        h = fnv(fnv(fnv(fnv(h, s.out_f), s.out_x), s.flags), s.trap);
        if (i < SHOW) {
            printf(" [");
            hex64(in->int_src ? s.x1 : s.f1);
            printf(" -> ");
            hex64(s.out_f); printf(" "); hex64(s.out_x);
            printf(" f=%x t=%x]", (unsigned)s.flags, (unsigned)s.trap);
        }
    }
    if (is_ctzw) printf(" wrong=%u", wrong);
    printf(" traps=%u hash=", traps);
    hex64(h);
    printf("\n");
}

int main(void)
{
    unsigned long ms = 0x2000;                          /* mstatus.FS = Initial */
    __asm__ volatile("csrs mstatus, %0\n csrw mtvec, %1" :: "r"(ms), "r"(fp_trap));
    for (unsigned i = 0; i < N(insns); i++) {
        const struct insn *in = &insns[i];
        if (in->rv64 && __riscv_xlen == 32)
            continue;
        if (!in->rm) {
            run(in, (in->word >> 12) & 7, -1);
            continue;
        }
        for (int rm = 0; rm < 7; rm++)                  /* 5, 6: reserved */
            run(in, rm, -1);
        for (int frm = 0; frm < 8; frm++)               /* dynamic; frm 5-7 reserved */
            run(in, 7, frm);
    }
    /* mstatus.FS: Dirty after an FP write, SD with it; Off makes FP
     * instructions and fcsr illegal. */
    unsigned long st;
    __asm__ volatile("csrr %0, mstatus" : "=r"(st));
    printf("mstatus FS=%u SD=%u\n", (unsigned)(st >> 13) & 3, (unsigned)(st >> (__riscv_xlen - 1)));
    __asm__ volatile("csrc mstatus, %0" :: "r"(0x6000ul));
    struct st s = {0};
    code[0] = RR(0x01, 0, 0x53);
    __asm__ volatile("fence.i" ::: "memory");
    fp_exec(&s, code);      /* the csrw fflags in fp_exec traps first */
    printf("FS off: trap cause %u\n", (unsigned)s.trap);
    __asm__ volatile("csrr %0, mstatus" : "=r"(st));
    printf("mstatus FS=%u SD=%u\n", (unsigned)(st >> 13) & 3, (unsigned)(st >> (__riscv_xlen - 1)));
    return 0;
}
