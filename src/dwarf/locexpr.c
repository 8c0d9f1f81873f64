/* DWARF location expressions (DWARF 5 §2.5, §2.6) as GCC emits them for
 * RISC-V at -O0 and -O2: an address (addr, fbreg, bregN, call_frame_cfa and
 * arithmetic), a register (regN), a computed value (stack_value,
 * implicit_value, constants) or pieces of those; entry_value(regN) through
 * the caller's call site (vars.c). What cannot be found: <optimized out>. */
#include <string.h>

#include "dwarf/dwarf_priv.h"

#define STACK_MAX 64

static bool reg_of(const lctx_t *c, unsigned r, uint64_t *v)
{
    if (r >= 32 || !(c->f->valid & (1u << r)))
        return false;
    *v = r ? c->f->x[r] : 0;
    return true;
}

static uint64_t trunc_addr(const lctx_t *c, uint64_t v)
{
    return c->d->xlen == 32 ? (uint32_t)v : v;
}

/* One piece's bytes (DW_OP_piece): from a register, memory or a value. */
static bool piece_bytes(const lctx_t *c, const dloc_t *l, uint8_t *out, unsigned n)
{
    uint64_t v;
    switch (l->kind) {
    case DL_REG:
        if (!reg_of(c, l->reg, &v))
            return false;
        for (unsigned i = 0; i < n; i++)
            out[i] = i < 8 ? (uint8_t)(v >> (8 * i)) : 0;
        return true;
    case DL_MEM:
        return dinfo_read_mem(c->d, l->addr, out, n);
    case DL_VALUE:
        memcpy(out, l->bytes, n > sizeof l->bytes ? sizeof l->bytes : n);
        return true;
    default:
        return false;
    }
}

bool locexpr_eval(const lctx_t *c, const Dwarf_Op *ops, size_t n, dloc_t *out)
{
    uint64_t st[STACK_MAX];
    int sp = 0;
    dloc_t cur = {.kind = DL_NONE};
    bool have_loc = false;           /* a regN/implicit location is pending */
    uint8_t pieces[16];
    unsigned pieced = 0;
    bool in_pieces = false;
#define PUSH(v) do { uint64_t v_ = (v); if (sp == STACK_MAX) return false; st[sp++] = v_; } while (0)
#define NEED(k) do { if (sp < (k)) return false; } while (0)
    for (size_t i = 0; i < n; i++) {
        uint8_t op = ops[i].atom;
        uint64_t a = ops[i].number, v;
        if (op >= DW_OP_lit0 && op <= DW_OP_lit31) {
            PUSH(op - DW_OP_lit0);
        } else if (op >= DW_OP_reg0 && op <= DW_OP_reg31) {
            cur = (dloc_t){.kind = DL_REG, .reg = op - DW_OP_reg0};
            have_loc = true;
        } else if (op >= DW_OP_breg0 && op <= DW_OP_breg31) {
            if (!reg_of(c, op - DW_OP_breg0, &v))
                return false;
            PUSH(trunc_addr(c, v + (uint64_t)(int64_t)ops[i].number));
        } else switch (op) {
        case DW_OP_addr: case DW_OP_const1u: case DW_OP_const2u: case DW_OP_const4u:
        case DW_OP_const8u: case DW_OP_constu:
            PUSH(a);
            break;
        case DW_OP_const1s: case DW_OP_const2s: case DW_OP_const4s: case DW_OP_const8s:
        case DW_OP_consts:
            PUSH((uint64_t)(int64_t)ops[i].number);
            break;
        case DW_OP_regx:
            cur = (dloc_t){.kind = DL_REG, .reg = (unsigned)a};
            have_loc = true;
            break;
        case DW_OP_bregx:
            if (!reg_of(c, (unsigned)a, &v))
                return false;
            PUSH(trunc_addr(c, v + ops[i].number2));
            break;
        case DW_OP_fbreg:
            if (!c->has_fbase)
                return false;
            PUSH(trunc_addr(c, c->fbase + (uint64_t)(int64_t)a));
            break;
        case DW_OP_call_frame_cfa:
            if (!c->has_cfa)
                return false;
            PUSH(c->cfa);
            break;
        case DW_OP_dup: NEED(1); PUSH(st[sp - 1]); break;
        case DW_OP_drop: NEED(1); sp--; break;
        case DW_OP_over: NEED(2); PUSH(st[sp - 2]); break;
        case DW_OP_swap: NEED(2); v = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = v; break;
        case DW_OP_deref: case DW_OP_deref_size: {
            NEED(1);
            unsigned sz = op == DW_OP_deref ? (unsigned)c->d->xlen / 8 : (unsigned)a;
            uint8_t b[8] = {0};
            if (sz > 8 || !dinfo_read_mem(c->d, st[sp - 1], b, sz))
                return false;
            v = 0;
            for (unsigned k = 0; k < sz; k++)
                v |= (uint64_t)b[k] << (8 * k);
            st[sp - 1] = v;
            break;
        }
        case DW_OP_plus_uconst: NEED(1); st[sp - 1] = trunc_addr(c, st[sp - 1] + a); break;
        case DW_OP_plus: NEED(2); sp--; st[sp - 1] += st[sp]; break;
        case DW_OP_minus: NEED(2); sp--; st[sp - 1] -= st[sp]; break;
        case DW_OP_mul: NEED(2); sp--; st[sp - 1] *= st[sp]; break;
        case DW_OP_and: NEED(2); sp--; st[sp - 1] &= st[sp]; break;
        case DW_OP_or: NEED(2); sp--; st[sp - 1] |= st[sp]; break;
        case DW_OP_xor: NEED(2); sp--; st[sp - 1] ^= st[sp]; break;
        case DW_OP_shl: NEED(2); sp--; st[sp - 1] = st[sp] >= 64 ? 0 : st[sp - 1] << st[sp]; break;
        case DW_OP_shr: NEED(2); sp--; st[sp - 1] = st[sp] >= 64 ? 0 : st[sp - 1] >> st[sp]; break;
        case DW_OP_shra: NEED(2); sp--; st[sp - 1] = st[sp] >= 64 ? 0 : (uint64_t)((int64_t)st[sp - 1] >> st[sp]); break;
        case DW_OP_neg: NEED(1); st[sp - 1] = -st[sp - 1]; break;
        case DW_OP_not: NEED(1); st[sp - 1] = ~st[sp - 1]; break;
        case DW_OP_stack_value:
            NEED(1);
            cur = (dloc_t){.kind = DL_VALUE};
            for (unsigned k = 0; k < 8; k++)
                cur.bytes[k] = (uint8_t)(st[sp - 1] >> (8 * k));
            have_loc = true;
            break;
        case DW_OP_implicit_value: {
            /* number2: the block as encoded, its ULEB128 length first (see
             * entry_value) */
            cur = (dloc_t){.kind = DL_VALUE};
            const uint8_t *blk = (const uint8_t *)(uintptr_t)ops[i].number2;
            if (!blk || a > 127 || blk[0] != a)
                return false;
            memcpy(cur.bytes, blk + 1, a > sizeof cur.bytes ? sizeof cur.bytes : a);
            have_loc = true;
            break;
        }
        case DW_OP_piece: {
            dloc_t l = cur;
            if (!have_loc) {
                if (sp)
                    l = (dloc_t){.kind = DL_MEM, .addr = st[--sp]};
                else
                    l.kind = DL_NONE;       /* an empty piece: optimized out */
            }
            if (pieced + a > sizeof pieces || !piece_bytes(c, &l, pieces + pieced, (unsigned)a))
                return false;
            pieced += (unsigned)a;
            in_pieces = true;
            have_loc = false;
            break;
        }
        case DW_OP_entry_value:
        case DW_OP_GNU_entry_value: {
            /* GCC's form: the value a register had at the call. libdw's
             * number2 points at the block as encoded: its length (ULEB128,
             * one byte here), then the sub-expression */
            const uint8_t *blk = (const uint8_t *)(uintptr_t)ops[i].number2;
            if (a != 1 || !blk || blk[0] != 1 || blk[1] < DW_OP_reg0 || blk[1] > DW_OP_reg31 ||
                !c->entry_reg || !c->entry_reg(c, blk[1] - DW_OP_reg0, &v))
                return false;
            PUSH(v);
            break;
        }
        case DW_OP_nop:
            break;
        default: /* entry_value, GNU_parameter_ref, TLS, ...: not known here */
            return false;
        }
    }
#undef PUSH
#undef NEED
    if (in_pieces) {
        *out = (dloc_t){.kind = DL_VALUE};
        memcpy(out->bytes, pieces, pieced);
        return true;
    }
    if (have_loc) {
        *out = cur;
        return true;
    }
    if (!sp)
        return false;
    *out = (dloc_t){.kind = DL_MEM, .addr = st[sp - 1]};
    return true;
}
