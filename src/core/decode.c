/* Decoding: the table's mask/match find the instruction, its format says
 * where the operands are. Runs once per instruction word (results are
 * cached per code page by run.c), so a short bucket scan is fine. */
#include "decode.h"
#include <string.h>

enum fmt {
    FMT_R, FMT_I, FMT_S, FMT_B, FMT_U, FMT_J, FMT_SH, FMT_CSR, FMT_AMO,
    FMT_FENCE, FMT_N,
    FMT_CIW, FMT_CL_W, FMT_CL_D, FMT_CS_W, FMT_CS_D, FMT_CNONE, FMT_CI,
    FMT_CJ_L, FMT_CI_W, FMT_CI_LI, FMT_CI_SP, FMT_CI_LUI, FMT_CB_SH, FMT_CB_I,
    FMT_CA, FMT_CJ, FMT_CB_BR, FMT_CI_SH, FMT_CI_LWSP, FMT_CI_LDSP, FMT_CR_JR,
    FMT_CR_MV, FMT_CR_JALR, FMT_CR_ADD, FMT_CSS_W, FMT_CSS_D, FMT_CI_FLWSP, FMT_CI_FLDSP,
};

const insn_info_t insn_table[I_COUNT + 1] = {
#define INSN(id, nm, mk, mt, f, s, o, xl, e) \
    [I_##id] = { .name = nm, .mask = mk, .match = mt, .fmt = FMT_##f, .xlen = xl, .ops = o, .sem = #s, \
                 .ext = EXT_##e },
#include "insn_table.h"
#undef INSN
    [I_ILLEGAL] = { .name = "illegal", .ops = "" },
};

static inline int64_t sext(uint64_t v, int bits)
{
    return (int64_t)(v << (64 - bits)) >> (64 - bits);
}
#define BITS(hi, lo) ((raw >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))
#define CREG(lo)     (8 + BITS((lo) + 2, (lo)))

/* Operand extraction; false = reserved encoding of this format. */
static bool extract(uint32_t raw, int fmt, int xlen, insn_t *o)
{
    uint32_t rd = BITS(11, 7), rs1 = BITS(19, 15), rs2 = BITS(24, 20);
    uint32_t crd = BITS(11, 7), crs2 = BITS(6, 2);
    int32_t  r = (int32_t)raw;
    uint32_t u;
    o->rd = o->rs1 = o->rs2 = 0;
    o->imm = 0;
    switch (fmt) {
    case FMT_R: case FMT_AMO:
        o->rd = rd; o->rs1 = rs1; o->rs2 = rs2; return true;
    case FMT_I:
        o->rd = rd; o->rs1 = rs1; o->imm = r >> 20; return true;
    case FMT_SH:
        o->rd = rd; o->rs1 = rs1; o->imm = BITS(25, 20); return true;
    case FMT_CSR:
        o->rd = rd; o->rs1 = rs1; o->imm = (uint32_t)raw >> 20; return true;
    case FMT_FENCE:
        o->rd = rd; o->rs1 = rs1; o->imm = BITS(27, 20); return true;
    case FMT_S:
        o->rs1 = rs1; o->rs2 = rs2; o->imm = (int32_t)(((uint32_t)(r >> 25) << 5) | BITS(11, 7)); return true;
    case FMT_B:
        o->rs1 = rs1; o->rs2 = rs2;
        o->imm = (int32_t)(((int32_t)(raw & 0x80000000u) >> 19) | ((raw << 4) & 0x800) |
                           ((raw >> 20) & 0x7e0) | ((raw >> 7) & 0x1e));
        return true;
    case FMT_U:
        o->rd = rd; o->imm = (int32_t)(raw & 0xfffff000u); return true;
    case FMT_J:
        o->rd = rd;
        o->imm = (int32_t)(((int32_t)(raw & 0x80000000u) >> 11) | (raw & 0xff000) |
                           ((raw >> 9) & 0x800) | ((raw >> 20) & 0x7fe));
        return true;
    case FMT_N:
        return true;

    /* Compressed forms expand to the operands of their 32-bit equivalent. */
    case FMT_CIW:
        o->rd = CREG(2); o->rs1 = 2;
        o->imm = ((raw >> 7) & 0x30) | ((raw >> 1) & 0x3c0) | ((raw >> 4) & 0x4) | ((raw >> 2) & 0x8);
        return o->imm != 0;
    case FMT_CL_W: case FMT_CS_W:
        u = ((raw >> 7) & 0x38) | ((raw >> 4) & 0x4) | ((raw << 1) & 0x40);
        goto cl;
    case FMT_CL_D: case FMT_CS_D:
        u = ((raw >> 7) & 0x38) | ((raw << 1) & 0xc0);
    cl:
        o->rs1 = CREG(7); o->imm = u;
        if (fmt == FMT_CL_W || fmt == FMT_CL_D) o->rd = CREG(2); else o->rs2 = CREG(2);
        return true;
    case FMT_CNONE:
        return true;
    case FMT_CI: case FMT_CI_W: case FMT_CI_LI:
        o->rd = crd; o->rs1 = fmt == FMT_CI_LI ? 0 : crd;
        o->imm = sext(((raw >> 7) & 0x20) | ((raw >> 2) & 0x1f), 6);
        return fmt != FMT_CI_W || crd != 0;
    case FMT_CI_SP:
        o->rd = o->rs1 = 2;
        o->imm = sext(((raw >> 3) & 0x200) | ((raw >> 2) & 0x10) | ((raw << 1) & 0x40) |
                      ((raw << 4) & 0x180) | ((raw << 3) & 0x20), 10);
        return o->imm != 0;
    case FMT_CI_LUI:
        o->rd = crd;
        o->imm = sext(((raw << 5) & 0x20000) | ((raw << 10) & 0x1f000), 18);
        return o->imm != 0;
    case FMT_CI_SH: case FMT_CB_SH:
        o->rd = o->rs1 = fmt == FMT_CI_SH ? crd : CREG(7);
        o->imm = ((raw >> 7) & 0x20) | ((raw >> 2) & 0x1f);
        return xlen == 64 || !(raw & 0x1000);
    case FMT_CB_I:
        o->rd = o->rs1 = CREG(7);
        o->imm = sext(((raw >> 7) & 0x20) | ((raw >> 2) & 0x1f), 6);
        return true;
    case FMT_CA:
        o->rd = o->rs1 = CREG(7); o->rs2 = CREG(2);
        return true;
    case FMT_CJ: case FMT_CJ_L:
        o->rd = fmt == FMT_CJ_L ? 1 : 0;
        o->imm = sext(((raw >> 1) & 0x800) | ((raw >> 7) & 0x10) | ((raw >> 1) & 0x300) |
                      ((raw << 2) & 0x400) | ((raw >> 1) & 0x40) | ((raw << 1) & 0x80) |
                      ((raw >> 2) & 0xe) | ((raw << 3) & 0x20), 12);
        return true;
    case FMT_CB_BR:
        o->rs1 = CREG(7); o->rs2 = 0;
        o->imm = sext(((raw >> 4) & 0x100) | ((raw >> 7) & 0x18) | ((raw << 1) & 0xc0) |
                      ((raw >> 2) & 0x6) | ((raw << 3) & 0x20), 9);
        return true;
    /* rd = x0 is reserved for the integer loads; f0 is a register. */
    case FMT_CI_LWSP: case FMT_CI_FLWSP:
        o->rd = crd; o->rs1 = 2;
        o->imm = ((raw >> 7) & 0x20) | ((raw >> 2) & 0x1c) | ((raw << 4) & 0xc0);
        return crd != 0 || fmt == FMT_CI_FLWSP;
    case FMT_CI_LDSP: case FMT_CI_FLDSP:
        o->rd = crd; o->rs1 = 2;
        o->imm = ((raw >> 7) & 0x20) | ((raw >> 2) & 0x18) | ((raw << 4) & 0x1c0);
        return crd != 0 || fmt == FMT_CI_FLDSP;
    case FMT_CSS_W:
        o->rs1 = 2; o->rs2 = crs2; o->imm = ((raw >> 7) & 0x3c) | ((raw >> 1) & 0xc0);
        return true;
    case FMT_CSS_D:
        o->rs1 = 2; o->rs2 = crs2; o->imm = ((raw >> 7) & 0x38) | ((raw >> 1) & 0x1c0);
        return true;
    case FMT_CR_JR: case FMT_CR_JALR:
        o->rd = fmt == FMT_CR_JALR ? 1 : 0; o->rs1 = crd;
        return crd != 0;
    case FMT_CR_MV: case FMT_CR_ADD:
        o->rd = crd; o->rs1 = fmt == FMT_CR_ADD ? crd : 0; o->rs2 = crs2;
        return crs2 != 0;
    }
    return false;
}

/* Buckets: 32-bit words by opcode[6:2], 16-bit words by quadrant and
 * funct3. Each lists the table lines that can match, in table order.
 * Built once, by a constructor, before main and before any thread exists;
 * read only through the const pointer afterwards, so decoding needs no
 * "built yet?" test and no lock. */
#define NBUCKET 64
#define BUCKET_MAX 64
struct buckets {
    uint16_t id[2][NBUCKET][BUCKET_MAX];
    uint8_t len[2][NBUCKET];
};
static struct buckets buckets_built;
static const struct buckets *const buckets = &buckets_built;

static unsigned bucket_of(uint32_t raw)
{
    if ((raw & 3) == 3)
        return (raw >> 2) & 31;
    return 32 + (((raw >> 13) & 7) << 2 | (raw & 3));
}

__attribute__((constructor)) static void build_buckets(void)
{
    for (int x = 0; x < 2; x++) {
        int xlen = x ? 64 : 32;
        for (unsigned id = 0; id < I_COUNT; id++) {
            const insn_info_t *t = &insn_table[id];
            if (t->xlen && t->xlen != xlen)
                continue;
            unsigned b = bucket_of(t->match);
            if (buckets_built.len[x][b] == BUCKET_MAX)
                __builtin_trap(); /* a new table line overflows its bucket: raise BUCKET_MAX */
            buckets_built.id[x][b][buckets_built.len[x][b]++] = (uint16_t)id;
        }
    }
}

bool insn_decode(uint32_t raw, int xlen, insn_t *out)
{
    unsigned len = insn_length(raw);
    if (len == 2)
        raw &= 0xffff;
    out->raw = raw;
    out->len = (uint8_t)len;
    if (len == 4 && (raw & 0x1c) == 0x1c)   /* 48-bit and longer encodings */
        goto illegal;
    int x = xlen == 64;
    unsigned b = bucket_of(raw);
    for (unsigned i = 0; i < buckets->len[x][b]; i++) {
        unsigned id = buckets->id[x][b][i];
        const insn_info_t *t = &insn_table[id];
        if ((raw & t->mask) == t->match && extract(raw, t->fmt, xlen, out)) {
            out->id = (uint16_t)id;
            return true;
        }
    }
illegal:
    out->id = I_ILLEGAL;
    out->rd = out->rs1 = out->rs2 = 0;
    out->imm = 0;
    return false;
}

int insn_find(const char *name)
{
    for (unsigned id = 0; id < I_COUNT; id++)
        if (!strcmp(insn_table[id].name, name))
            return (int)id;
    return -1;
}

bool insn_is_jump(unsigned id)
{
    return id < I_COUNT && (!strcmp(insn_table[id].sem, "jal") || !strcmp(insn_table[id].sem, "jalr"));
}
