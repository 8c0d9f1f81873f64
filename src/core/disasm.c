/* Disassembler: the mnemonic and operand template of the table line the
 * decoder picked, so decoding and disassembly cannot disagree. */
#include "disasm.h"
#include "decode.h"
#include "csr.h"
#include <stdio.h>
#include <string.h>
#include <inttypes.h>

static const char *const abi[33] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1",
    "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
    "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6", "zero",
};

static const char *const fabi[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0", "fa1",
    "fa2", "fa3", "fa4", "fa5", "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7",
    "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

const char *reg_abi_name(unsigned r) { return r <= 32 ? abi[r] : "?"; }
const char *freg_abi_name(unsigned r) { return r < 32 ? fabi[r] : "?"; }

static void fence_set(char *b, unsigned bits)
{
    const char *l = "iorw";
    int k = 0;
    for (int i = 0; i < 4; i++)
        if (bits & (8 >> i))
            b[k++] = l[i];
    if (!k) {               /* objdump's word for an empty set */
        strcpy(b, "unknown");
        return;
    }
    b[k] = 0;
}

void disasm(int xlen, uint64_t pc, uint32_t raw, char *buf, size_t n)
{
    insn_t in;
    if (!insn_decode(raw, xlen, &in)) {
        if (in.len == 2 && raw == 0)    /* the defined illegal instruction */
            snprintf(buf, n, "c.unimp");
        else if (in.len == 2)
            snprintf(buf, n, ".insn\t2, 0x%04x", raw & 0xffff);
        else
            snprintf(buf, n, ".insn\t4, 0x%08x", raw);
        return;
    }
    const insn_info_t *t = &insn_table[in.id];
    uint64_t xmask = xlen == 32 ? 0xffffffffull : ~0ull;
    const char *ops = t->ops;
    /* Names objdump -M no-aliases gives to particular encodings of a line:
     * csrrw zero,cycle,zero is the canonical 32-bit "unimp"; compressed
     * shifts by 0 (HINTs on RV32/RV64, shifts by 64 on RV128) are
     * c.slli64/c.srli64/c.srai64 rd, without the shamt. */
    if (raw == 0xc0001073) {
        snprintf(buf, n, "unimp");
        return;
    }
    bool shift64 = in.len == 2 && !strcmp(ops, "d,h") && in.imm == 0;
    if (shift64)
        ops = "d";
    size_t k = (size_t)snprintf(buf, n, "%s%s", t->name, shift64 ? "64" : "");
    /* aq/rl suffixes of atomics */
    if (!strncmp(t->name, "lr.", 3) || !strncmp(t->name, "sc.", 3) || !strncmp(t->name, "amo", 3)) {
        const char *sfx[] = { "", ".rl", ".aq", ".aqrl" };
        k += (size_t)snprintf(buf + k, k < n ? n - k : 0, "%s", sfx[(raw >> 25) & 3]);
    }
    if (*ops && k < n)
        k += (size_t)snprintf(buf + k, n - k, "\t");
    for (const char *o = ops; *o && k < n; o++) {
        char tmp[48];
        switch (*o) {
        case 'd': snprintf(tmp, sizeof tmp, "%s", abi[in.rd]); break;
        case 'D': snprintf(tmp, sizeof tmp, "%s", fabi[in.rd & 31]); break;
        case 'S': snprintf(tmp, sizeof tmp, "%s", fabi[in.rs1]); break;
        case 'T': snprintf(tmp, sizeof tmp, "%s", fabi[in.rs2]); break;
        case 'R': snprintf(tmp, sizeof tmp, "%s", fabi[raw >> 27]); break;
        case 'm': {     /* the rounding mode, unless dynamic (and its comma) */
            static const char *const rm[8] = { "rne", "rtz", "rdn", "rup", "rmm",
                                               "unknown", "unknown", "" };
            unsigned r = (raw >> 12) & 7;
            if (r == 7) {
                if (k && buf[k - 1] == ',') buf[--k] = 0;
                tmp[0] = 0;
            } else {
                snprintf(tmp, sizeof tmp, "%s", rm[r]);
            }
            break;
        }
        case 's': snprintf(tmp, sizeof tmp, "%s", abi[in.rs1]); break;
        case 't': snprintf(tmp, sizeof tmp, "%s", abi[in.rs2]); break;
        case 'i': snprintf(tmp, sizeof tmp, "%" PRId64, in.imm); break;
        case 'h': snprintf(tmp, sizeof tmp, "0x%" PRIx64, in.imm); break;
        case 'u': snprintf(tmp, sizeof tmp, "0x%" PRIx64, ((uint64_t)in.imm >> 12) & 0xfffff); break;
        case 'j': snprintf(tmp, sizeof tmp, "0x%" PRIx64, (pc + (uint64_t)in.imm) & xmask); break;
        case 'o': snprintf(tmp, sizeof tmp, "%" PRId64 "(%s)", in.imm, abi[in.rs1]); break;
        case 'a': snprintf(tmp, sizeof tmp, "(%s)", abi[in.rs1]); break;
        case 'z': snprintf(tmp, sizeof tmp, "%u", in.rs1); break;
        case 'c': {
            const char *nm = csr_name((unsigned)in.imm);
            if (nm) snprintf(tmp, sizeof tmp, "%s", nm);
            else snprintf(tmp, sizeof tmp, "0x%x", (unsigned)in.imm);
            break;
        }
        case 'f': {
            char p[8], s[8];
            fence_set(p, (unsigned)(in.imm >> 4) & 15);
            fence_set(s, (unsigned)in.imm & 15);
            snprintf(tmp, sizeof tmp, "%s,%s", p, s);
            break;
        }
        default: tmp[0] = *o; tmp[1] = 0; break;
        }
        k += (size_t)snprintf(buf + k, n - k, "%s", tmp);
    }
}
