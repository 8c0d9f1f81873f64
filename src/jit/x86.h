/* A small x86-64 instruction encoder for the block compiler (compile.c).
 * Only the forms the compiler needs: register <- memory [base + disp] or
 * [base + index*scale + disp], register <- register, immediates, jumps.
 * Operand size: w = 1 for 64-bit, 0 for 32-bit (which zero-extends into
 * the full register, as RV32 values are kept). */
#ifndef RVSCOPE_JIT_X86_H
#define RVSCOPE_JIT_X86_H
#include <stdint.h>
#include <string.h>

enum { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15 };
enum { CC_B = 2, CC_AE = 3, CC_E = 4, CC_NE = 5, CC_BE = 6, CC_A = 7,
       CC_L = 0xc, CC_GE = 0xd, CC_LE = 0xe, CC_G = 0xf };
/* Group-1 ALU operations: /n of 0x81 and the r, r/m opcode 8*n + 3. */
enum { ALU_ADD = 0, ALU_OR = 1, ALU_AND = 4, ALU_SUB = 5, ALU_XOR = 6, ALU_CMP = 7 };
enum { SH_SHL = 4, SH_SHR = 5, SH_SAR = 7 };
#define NO_INDEX (-1)

typedef struct xbuf {
    uint8_t *p, *end;   /* write position; end of the space */
    int overflow;       /* ran past end: the block is dropped */
} xbuf_t;

static inline void x_byte(xbuf_t *b, unsigned v)
{
    if (b->p < b->end) *b->p++ = (uint8_t)v; else b->overflow = 1;
}
static inline void x_u32(xbuf_t *b, uint32_t v)
{
    for (int i = 0; i < 4; i++) x_byte(b, (v >> (8 * i)) & 0xff);
}
static inline void x_u64(xbuf_t *b, uint64_t v)
{
    for (int i = 0; i < 8; i++) x_byte(b, (unsigned)(v >> (8 * i)) & 0xff);
}
static inline int fits8(int64_t v) { return v >= -128 && v <= 127; }
static inline int fits32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

static inline void x_rex(xbuf_t *b, int w, int reg, int index, int base)
{
    unsigned r = 0x40 | (w ? 8 : 0) | ((reg >> 3) & 1) << 2 | ((index >> 3) & 1) << 1 | ((base >> 3) & 1);
    if (r != 0x40) x_byte(b, r);
}

/* ModRM (+SIB, +disp) for [base + index*2^scale + disp]. */
static inline void x_mem(xbuf_t *b, int reg, int base, int index, int scale, int32_t disp)
{
    int mod = (disp == 0 && (base & 7) != RBP) ? 0 : fits8(disp) ? 1 : 2;
    if (index == NO_INDEX && (base & 7) != RSP) {
        x_byte(b, (unsigned)(mod << 6 | (reg & 7) << 3 | (base & 7)));
    } else {
        x_byte(b, (unsigned)(mod << 6 | (reg & 7) << 3 | 4));
        int ix = index == NO_INDEX ? RSP : index;
        x_byte(b, (unsigned)(scale << 6 | (ix & 7) << 3 | (base & 7)));
    }
    if (mod == 1) x_byte(b, (unsigned)(disp & 0xff));
    else if (mod == 2) x_u32(b, (uint32_t)disp);
}

/* opcode bytes (1 or 2; 0x0f prefix passed as part of op) with a memory operand. */
static inline void x_op_mem(xbuf_t *b, int w, unsigned op, int reg, int base, int index, int scale, int32_t disp)
{
    x_rex(b, w, reg, index == NO_INDEX ? 0 : index, base);
    if (op > 0xff) x_byte(b, op >> 8);
    x_byte(b, op & 0xff);
    x_mem(b, reg, base, index, scale, disp);
}
static inline void x_op_rr(xbuf_t *b, int w, unsigned op, int reg, int rm)
{
    x_rex(b, w, reg, 0, rm);
    if (op > 0xff) x_byte(b, op >> 8);
    x_byte(b, op & 0xff);
    x_byte(b, (unsigned)(0xc0 | (reg & 7) << 3 | (rm & 7)));
}

/* mov reg, [base+disp] / mov [base+disp], reg */
static inline void x_load(xbuf_t *b, int w, int reg, int base, int32_t disp)  { x_op_mem(b, w, 0x8b, reg, base, NO_INDEX, 0, disp); }
static inline void x_store(xbuf_t *b, int w, int reg, int base, int32_t disp) { x_op_mem(b, w, 0x89, reg, base, NO_INDEX, 0, disp); }
static inline void x_lea(xbuf_t *b, int w, int reg, int base, int32_t disp)   { x_op_mem(b, w, 0x8d, reg, base, NO_INDEX, 0, disp); }
static inline void x_mov_rr(xbuf_t *b, int w, int dst, int src) { x_op_rr(b, w, 0x89, src, dst); }
/* ALU reg, imm32 (sign-extended for 64-bit) */
static inline void x_alu_imm(xbuf_t *b, int w, int alu, int reg, int32_t imm)
{
    x_rex(b, w, 0, 0, reg);
    if (fits8(imm)) { x_byte(b, 0x83); x_byte(b, (unsigned)(0xc0 | alu << 3 | (reg & 7))); x_byte(b, (unsigned)imm & 0xff); }
    else { x_byte(b, 0x81); x_byte(b, (unsigned)(0xc0 | alu << 3 | (reg & 7))); x_u32(b, (uint32_t)imm); }
}
static inline void x_shift_imm(xbuf_t *b, int w, int sh, int reg, unsigned n)
{
    x_rex(b, w, 0, 0, reg);
    x_byte(b, 0xc1); x_byte(b, (unsigned)(0xc0 | sh << 3 | (reg & 7))); x_byte(b, n);
}
static inline void x_shift_cl(xbuf_t *b, int w, int sh, int reg)
{
    x_rex(b, w, 0, 0, reg);
    x_byte(b, 0xd3); x_byte(b, (unsigned)(0xc0 | sh << 3 | (reg & 7)));
}
/* Load a constant into reg with the shortest form. */
static inline void x_mov_imm(xbuf_t *b, int reg, uint64_t v)
{
    if (v <= 0xffffffffu) {                 /* mov r32, imm32 zero-extends */
        x_rex(b, 0, 0, 0, reg); x_byte(b, 0xb8 + (reg & 7)); x_u32(b, (uint32_t)v);
    } else if (fits32((int64_t)v)) {        /* mov r/m64, simm32 */
        x_rex(b, 1, 0, 0, reg); x_byte(b, 0xc7); x_byte(b, (unsigned)(0xc0 | (reg & 7))); x_u32(b, (uint32_t)v);
    } else {
        x_rex(b, 1, 0, 0, reg); x_byte(b, 0xb8 + (reg & 7)); x_u64(b, v);
    }
}
/* setcc al-sized low byte of reg (reg < 4, so no REX), then zero-extend. */
static inline void x_setcc_zx(xbuf_t *b, int cc, int reg)
{
    x_byte(b, 0x0f); x_byte(b, 0x90 + (unsigned)cc); x_byte(b, (unsigned)(0xc0 | (reg & 7)));
    x_byte(b, 0x0f); x_byte(b, 0xb6); x_byte(b, (unsigned)(0xc0 | (reg & 7) << 3 | (reg & 7)));
}
static inline void x_push(xbuf_t *b, int r) { x_rex(b, 0, 0, 0, r); x_byte(b, 0x50 + (r & 7)); }
static inline void x_pop(xbuf_t *b, int r)  { x_rex(b, 0, 0, 0, r); x_byte(b, 0x58 + (r & 7)); }
static inline void x_ret(xbuf_t *b) { x_byte(b, 0xc3); }
static inline void x_jmp_reg(xbuf_t *b, int r)  { x_rex(b, 0, 0, 0, r); x_byte(b, 0xff); x_byte(b, (unsigned)(0xe0 | (r & 7))); }
static inline void x_call_reg(xbuf_t *b, int r) { x_rex(b, 0, 0, 0, r); x_byte(b, 0xff); x_byte(b, (unsigned)(0xd0 | (r & 7))); }

/* Jumps with a 32-bit displacement; return the position to patch. */
static inline uint8_t *x_jcc(xbuf_t *b, int cc)
{
    x_byte(b, 0x0f); x_byte(b, 0x80 + (unsigned)cc); uint8_t *at = b->p; x_u32(b, 0); return at;
}
static inline uint8_t *x_jmp(xbuf_t *b)
{
    x_byte(b, 0xe9); uint8_t *at = b->p; x_u32(b, 0); return at;
}
/* Point the displacement at `at` to target. */
static inline void x_patch(xbuf_t *b, uint8_t *at, const uint8_t *target)
{
    if (b->overflow || !at) return;
    int32_t d = (int32_t)(target - (at + 4));
    memcpy(at, &d, 4);
}
static inline void x_jmp_to(xbuf_t *b, const uint8_t *target) { x_patch(b, x_jmp(b), target); }
static inline void x_jcc_to(xbuf_t *b, int cc, const uint8_t *target) { x_patch(b, x_jcc(b, cc), target); }

#endif
