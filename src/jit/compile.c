/* The block compiler: one guest basic block (in one page, at most
 * JIT_MAX_INSNS instructions, ending at a jump or branch or before an
 * instruction it leaves to the interpreter) becomes x86-64 code.
 *
 * Register use inside compiled code: rbx = the hart, r12 = the virtual
 * base of the code page (pc-relative values are r12 + offset, so one block
 * serves every virtual mapping of its physical page), r13 = the budget.
 * Guest registers are cached in host registers within a block (written
 * back before every exit and call); rax, rcx, rdx are scratch.
 *
 * Semantics are those of exec.inc; every case here has a twin there. A
 * block costs its length in budget at entry (it runs only if the budget
 * covers it, so timer deadlines stay exact). A TLB miss, MMIO or a fault
 * goes to a C slow path with pc and the budget made exact; the block goes
 * on after it only if nothing happened that it cannot see (a trap, the
 * slice ending, a stop, a TLB flush, any compiled code invalidated: the
 * slow path may have rewritten this very block), else it is left. */
#include "jit.h"
#include "x86.h"
#include "../core/decode.h"
#include "../core/run.h"
#include "../core/mem.h"
#include "../machine.h"
#include <stddef.h>
#include <string.h>

#if defined(__x86_64__)

/* What the compiler knows how to do, by semantic handler name. */
enum sem {
    S_NONE, S_LUI, S_AUIPC, S_JAL, S_JALR,
    S_BEQ, S_BNE, S_BLT, S_BGE, S_BLTU, S_BGEU,
    S_LB, S_LH, S_LW, S_LD, S_LBU, S_LHU, S_LWU, S_SB, S_SH, S_SW, S_SD,
    S_ADDI, S_SLTI, S_SLTIU, S_XORI, S_ORI, S_ANDI, S_SLLI, S_SRLI, S_SRAI,
    S_ADD, S_SUB, S_SLL, S_SLT, S_SLTU, S_XOR, S_SRL, S_SRA, S_OR, S_AND,
    S_ADDIW, S_SLLIW, S_SRLIW, S_SRAIW, S_ADDW, S_SUBW, S_SLLW, S_SRLW, S_SRAW,
    S_MUL, S_MULH, S_MULHSU, S_MULHU, S_DIV, S_DIVU, S_REM, S_REMU,
    S_MULW, S_DIVW, S_DIVUW, S_REMW, S_REMUW, S_FENCE,
    S_FLW, S_FLD, S_FSW, S_FSD, S_FADD_D, S_FSUB_D, S_FMUL_D, S_FDIV_D, S_FSQRT_D,
    S_FMADD_D, S_FMSUB_D, S_FNMSUB_D, S_FNMADD_D, S_FSGNJ_D, S_FSGNJN_D, S_FSGNJX_D, S_COUNT
};
static const char *const sem_names[S_COUNT] = {
    "", "lui", "auipc", "jal", "jalr", "beq", "bne", "blt", "bge", "bltu", "bgeu",
    "lb", "lh", "lw", "ld", "lbu", "lhu", "lwu", "sb", "sh", "sw", "sd",
    "addi", "slti", "sltiu", "xori", "ori", "andi", "slli", "srli", "srai",
    "add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
    "addiw", "slliw", "srliw", "sraiw", "addw", "subw", "sllw", "srlw", "sraw",
    "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
    "mulw", "divw", "divuw", "remw", "remuw", "fence",
    "flw", "fld", "fsw", "fsd", "fadd_d", "fsub_d", "fmul_d", "fdiv_d", "fsqrt_d",
    "fmadd_d", "fmsub_d", "fnmsub_d", "fnmadd_d", "fsgnj_d", "fsgnjn_d", "fsgnjx_d",
};
static uint8_t sem_of[I_COUNT + 1];

static void sem_init(void)
{
    static bool done;
    if (done)
        return;
    for (unsigned id = 0; id < I_COUNT; id++)
        for (unsigned s = 1; s < S_COUNT; s++)
            if (!strcmp(insn_table[id].sem, sem_names[s]))
                sem_of[id] = (uint8_t)s;
    done = true;
}

/* Division and the 64x64 signed-unsigned high product: C, as in exec.inc
 * (x86 division traps on x/0 and INT_MIN/-1; RISC-V defines them). */
static uint64_t div64(uint64_t a, uint64_t b)
{
    int64_t x = (int64_t)a, y = (int64_t)b;
    return y == 0 ? ~0ull : (x == INT64_MIN && y == -1) ? a : (uint64_t)(x / y);
}
static uint64_t rem64(uint64_t a, uint64_t b)
{
    int64_t x = (int64_t)a, y = (int64_t)b;
    return y == 0 ? a : (x == INT64_MIN && y == -1) ? 0 : (uint64_t)(x % y);
}
static uint64_t divu64(uint64_t a, uint64_t b) { return b == 0 ? ~0ull : a / b; }
static uint64_t remu64(uint64_t a, uint64_t b) { return b == 0 ? a : a % b; }
static int32_t div32_(int32_t x, int32_t y) { return y == 0 ? -1 : (x == INT32_MIN && y == -1) ? x : x / y; }
static int32_t rem32_(int32_t x, int32_t y) { return y == 0 ? x : (x == INT32_MIN && y == -1) ? 0 : x % y; }
static uint32_t divu32_(uint32_t x, uint32_t y) { return y == 0 ? UINT32_MAX : x / y; }
static uint32_t remu32_(uint32_t x, uint32_t y) { return y == 0 ? x : x % y; }
/* RV32 forms: the result zero-extended (as RV32 registers are kept). */
static uint64_t div32(uint64_t a, uint64_t b)  { return (uint32_t)div32_((int32_t)a, (int32_t)b); }
static uint64_t rem32(uint64_t a, uint64_t b)  { return (uint32_t)rem32_((int32_t)a, (int32_t)b); }
static uint64_t divu32(uint64_t a, uint64_t b) { return divu32_((uint32_t)a, (uint32_t)b); }
static uint64_t remu32(uint64_t a, uint64_t b) { return remu32_((uint32_t)a, (uint32_t)b); }
/* RV64 W forms: the 32-bit result sign-extended. */
static uint64_t divw(uint64_t a, uint64_t b)  { return (uint64_t)(int64_t)div32_((int32_t)a, (int32_t)b); }
static uint64_t remw(uint64_t a, uint64_t b)  { return (uint64_t)(int64_t)rem32_((int32_t)a, (int32_t)b); }
static uint64_t divuw(uint64_t a, uint64_t b) { return (uint64_t)(int64_t)(int32_t)divu32_((uint32_t)a, (uint32_t)b); }
static uint64_t remuw(uint64_t a, uint64_t b) { return (uint64_t)(int64_t)(int32_t)remu32_((uint32_t)a, (uint32_t)b); }
static uint64_t mulhsu64(uint64_t a, uint64_t b)
{
    return (uint64_t)((unsigned __int128)((__int128)(int64_t)a * (__int128)(unsigned __int128)b) >> 64);
}

#define X(r)      ((int32_t)(offsetof(hart_t, x) + 8 * (r)))
#define OFF_PC     ((int32_t)offsetof(hart_t, pc))
#define OFF_BUDGET ((int32_t)offsetof(hart_t, budget))
#define OFF_VBASE  ((int32_t)offsetof(hart_t, fetch_vbase))
#define OFF_TLB(a) ((int32_t)(offsetof(hart_t, tlb) + (a) * sizeof(((hart_t *)0)->tlb[0])))
#define F(r)        ((int32_t)(offsetof(hart_t, f) + 8 * (r)))
#define OFF_MSTATUS ((int32_t)offsetof(hart_t, mstatus))
#define OFF_FCSR    ((int32_t)offsetof(hart_t, fcsr))

/* Guest registers cached in host registers for the length of a block:
 * loaded on first use, written back (if changed) before any exit and any
 * call into C, so every exit, trap and hook sees exact state in h->x. */
static const int pool[] = { RSI, RDI, R8, R9, R10, R11, RBP, R14, R15 };
#define NPOOL ((int)(sizeof pool / sizeof pool[0]))
typedef struct hreg {
    int8_t   guest;     /* -1: free */
    bool     dirty;
    unsigned stamp;     /* last use, for eviction */
} hreg_t;

/* What a slow site calls: jit_load_slow, jit_store_slow, or jit_interp
 * for the whole instruction (the F/D fallbacks, compile_fp.inc). */
enum slow_kind { SLOW_LOAD, SLOW_STORE, SLOW_INTERP };
typedef struct slow_site {
    uint8_t *patch;     /* jne to the slow path */
    unsigned k;         /* instruction index in the block */
    uint8_t kind;       /* enum slow_kind */
    uint64_t site;      /* operands for jit_load_slow / jit_store_slow */
    uint8_t ndirty, dirty_guest[NPOOL], dirty_host[NPOOL];   /* to write back */
    uint8_t *resume;    /* after the access on the fast path */
    uint8_t nmap, map_guest[NPOOL], map_host[NPOOL];          /* the cache there */
} slow_site_t;

typedef struct jc {
    xbuf_t b;
    dpage_t *d;
    const jit_stubs_t *st;
    int w;                      /* 1: RV64 (64-bit operations) */
    unsigned n;                 /* instructions in the block */
    uint8_t *entry;
    unsigned start_off;         /* page offset of the first instruction */
    uint64_t hook_mask;         /* machine's jit_hook_mask */
    slow_site_t slow[4 * JIT_MAX_INSNS];
    unsigned nslow;
    bool copy[JIT_MAX_INSNS];   /* ins[k] needs its copy after the code (jit_interp) */
    const bool *native;         /* per instruction: compiled, or run by jit_interp */
    uint8_t *copy_at[JIT_MAX_INSNS];   /* imm64 to patch with the address of ins[k] */
    hreg_t hr[NPOOL];
    int8_t where[REG_SINK + 1];  /* pool index caching each guest register, or -1 */
    unsigned clock;
} jc_t;

static void rc_init(jc_t *c)
{
    for (int i = 0; i < NPOOL; i++)
        c->hr[i].guest = -1;
    memset(c->where, -1, sizeof c->where);
}
static void rc_spill(jc_t *c, int i)
{
    if (c->hr[i].guest >= 0 && c->hr[i].dirty) {
        x_store(&c->b, 1, pool[i], RBX, X(c->hr[i].guest));
        c->hr[i].dirty = false;
    }
}
/* A free host register, evicting the least recently used one. */
static int rc_alloc(jc_t *c)
{
    int best = 0;
    for (int i = 0; i < NPOOL; i++) {
        if (c->hr[i].guest < 0)
            return i;
        if (c->hr[i].stamp < c->hr[best].stamp)
            best = i;
    }
    rc_spill(c, best);
    c->where[c->hr[best].guest] = -1;
    c->hr[best].guest = -1;
    return best;
}
/* The host register holding guest register g (loaded if need be). */
static int rc_use(jc_t *c, unsigned g)
{
    int i = c->where[g];
    if (i < 0) {
        i = rc_alloc(c);
        x_load(&c->b, 1, pool[i], RBX, X(g));
        c->hr[i] = (hreg_t){ (int8_t)g, false, 0 };
        c->where[g] = (int8_t)i;
    }
    c->hr[i].stamp = ++c->clock;
    return pool[i];
}
/* Write back every changed register (before an exit: mappings stay). */
static void rc_writeback(jc_t *c)
{
    for (int i = 0; i < NPOOL; i++)
        rc_spill(c, i);
}
/* Before a call into C: write back and forget (the call clobbers some). */
static void rc_drop(jc_t *c)
{
    rc_writeback(c);
    rc_init(c);
}

static void ld(jc_t *c, int host, unsigned r)   { x_mov_rr(&c->b, 1, host, rc_use(c, r)); }
static void ld32(jc_t *c, int host, unsigned r) { x_mov_rr(&c->b, 0, host, rc_use(c, r)); }
/* x[rd] = host (a value already in XLEN form). */
static void st(jc_t *c, int host, unsigned rd)
{
    if (rd == REG_SINK)
        return;
    int i = c->where[rd];
    if (i < 0) {
        i = rc_alloc(c);
        c->where[rd] = (int8_t)i;
    }
    c->hr[i] = (hreg_t){ (int8_t)rd, true, ++c->clock };
    x_mov_rr(&c->b, 1, pool[i], host);
}
/* op rax, x[r] */
static void op_reg(jc_t *c, int w, unsigned op, int reg, unsigned r)
{
    x_op_rr(&c->b, w, op, reg, rc_use(c, r));
}
static void sext32(jc_t *c, int r) { x_op_rr(&c->b, 1, 0x63, r, r); }   /* movsxd r, r32 */

/* h->pc = page base + off (pc-relative: r12 holds the page's virtual base). */
static void set_pc_off(jc_t *c, int64_t off)
{
    x_lea(&c->b, c->w, RAX, R12, (int32_t)off);
    x_store(&c->b, 1, RAX, RBX, OFF_PC);
}
static void exit_status(jc_t *c, unsigned status, const uint8_t *via)
{
    if (status) x_mov_imm(&c->b, RAX, status);
    else x_op_rr(&c->b, 0, 0x31, RAX, RAX);        /* xor eax, eax */
    x_jmp_to(&c->b, via);
}

/* Continue at page offset off: the block compiled there if any (looked up
 * at run time, so invalidated blocks are never entered), else back to the
 * dispatcher with pc set. A jump to this block's own start goes direct: a
 * running block can only be invalidated through a slow path, which leaves. */
/* h->pc is set, off this page: jit_lookup finds the block there when the
 * execute TLB knows the page and the page needs no checks (else back to
 * the run loop, which does the full fetch). The cache is written back. */
static void far_exit(jc_t *c)
{
    xbuf_t *b = &c->b;
    x_mov_rr(b, 1, RDI, RBX);
    x_mov_imm(b, RAX, (uint64_t)(uintptr_t)jit_lookup);
    x_call_reg(b, RAX);
    x_op_rr(b, 1, 0x85, RAX, RAX);                         /* test rax, rax */
    uint8_t *none = x_jcc(b, CC_E);
    x_load(b, 1, R12, RBX, OFF_VBASE);                     /* the new page */
    x_jmp_reg(b, RAX);
    x_patch(b, none, b->p);
    exit_status(c, 0, c->st->exit_sync);
}

static void chain(jc_t *c, int64_t off)
{
    rc_writeback(c);
    if (off == c->start_off) {
        x_jmp_to(&c->b, c->entry);
        return;
    }
    if (off >= 0 && off < PAGE_SIZE) {
        x_mov_imm(&c->b, RAX, (uint64_t)(uintptr_t)&c->d->jit[off >> 1]);
        x_load(&c->b, 1, RAX, RAX, 0);
        x_alu_imm(&c->b, 1, ALU_CMP, RAX, 1);
        uint8_t *miss = x_jcc(&c->b, CC_BE);
        x_jmp_reg(&c->b, RAX);
        x_patch(&c->b, miss, c->b.p);
        set_pc_off(c, off);
        exit_status(c, 0, c->st->exit_sync);
        return;
    }
    set_pc_off(c, off);
    far_exit(c);
}

static void site_map(jc_t *c, slow_site_t *s);

/* f[rd] = host (a binary32 NaN-boxed first); FS becomes Dirty. */
static void fp_written(jc_t *c, int host, unsigned rd, bool single)
{
    xbuf_t *b = &c->b;
    if (single) {
        x_mov_imm(b, RDX, 0xffffffff00000000ull);
        x_op_rr(b, 1, 0x0b, host, RDX);                  /* or host, rdx */
    }
    x_store(b, 1, host, RBX, F(rd));
    x_load(b, 1, RDX, RBX, OFF_MSTATUS);
    x_alu_imm(b, 1, ALU_OR, RDX, 0x6000);
    x_store(b, 1, RDX, RBX, OFF_MSTATUS);
}

/* Loads and stores: the TLB probe of mem.h inline; rax = address. An FP
 * one (fp) moves f registers (a binary32 NaN-boxed) and its slow path
 * interprets the whole instruction. */
static void mem_access(jc_t *c, const insn_t *in, unsigned k, bool store, unsigned size, bool sign, bool fp)
{
    xbuf_t *b = &c->b;
    ld(c, RAX, in->rs1);
    if (in->imm)
        x_alu_imm(b, c->w, ALU_ADD, RAX, (int32_t)in->imm);
    x_mov_rr(b, 1, RDX, RAX);
    x_shift_imm(b, 0, SH_SHR, RDX, 12);
    x_alu_imm(b, 0, ALU_AND, RDX, TLB_SIZE - 1);
    x_shift_imm(b, 0, SH_SHL, RDX, 4);                     /* sizeof(tlb_entry_t) */
    x_mov_rr(b, 1, RCX, RAX);
    x_alu_imm(b, 1, ALU_AND, RCX, (int32_t)~(uint64_t)(0xfff & ~(size - 1)));
    int acc = store ? ACC_WRITE : ACC_READ;
    x_op_mem(b, 1, 8 * ALU_CMP + 3, RCX, RBX, RDX, 0, OFF_TLB(acc));
    slow_site_t *s = &c->slow[c->nslow++];
    s->patch = x_jcc(b, CC_NE);
    s->k = k;
    s->kind = fp ? SLOW_INTERP : store ? SLOW_STORE : SLOW_LOAD;
    s->site = (uint64_t)in->rd | (uint64_t)in->rs2 << 8 | (uint64_t)size << 16 |
              (uint64_t)sign << 24 | (uint64_t)in->len << 32;
    s->ndirty = 0;
    for (int i = 0; i < NPOOL; i++)
        if (c->hr[i].guest >= 0 && c->hr[i].dirty) {
            s->dirty_guest[s->ndirty] = (uint8_t)c->hr[i].guest;
            s->dirty_host[s->ndirty++] = (uint8_t)pool[i];
        }
    x_op_mem(b, 1, 0x8b, RDX, RBX, RDX, 0, OFF_TLB(acc) + 8);  /* addend */
    if (store) {
        if (fp)
            x_load(b, 1, RCX, RBX, F(in->rs2));
        else
            ld(c, RCX, in->rs2);
        switch (size) {
        case 1: x_op_mem(b, 0, 0x88, RCX, RAX, RDX, 0, 0); break;
        case 2: x_byte(b, 0x66); x_op_mem(b, 0, 0x89, RCX, RAX, RDX, 0, 0); break;
        case 4: x_op_mem(b, 0, 0x89, RCX, RAX, RDX, 0, 0); break;
        default: x_op_mem(b, 1, 0x89, RCX, RAX, RDX, 0, 0); break;
        }
    } else {
        switch (size) {
        case 1: x_op_mem(b, c->w, sign ? 0x0fbe : 0x0fb6, RCX, RAX, RDX, 0, 0); break;
        case 2: x_op_mem(b, c->w, sign ? 0x0fbf : 0x0fb7, RCX, RAX, RDX, 0, 0); break;
        case 4:
            if (sign && c->w) x_op_mem(b, 1, 0x63, RCX, RAX, RDX, 0, 0);   /* movsxd */
            else x_op_mem(b, 0, 0x8b, RCX, RAX, RDX, 0, 0);
            break;
        default: x_op_mem(b, 1, 0x8b, RCX, RAX, RDX, 0, 0); break;
        }
        if (fp)
            fp_written(c, RCX, in->rd == REG_SINK ? 0 : in->rd, size == 4);
        else
            st(c, RCX, in->rd);
    }
    /* A slow path that lets the block go on comes back here, with every
     * cached register reloaded from h->x (the call clobbered some). */
    site_map(c, s);
}

static void site_map(jc_t *c, slow_site_t *s)
{
    s->resume = c->b.p;
    s->nmap = 0;
    for (int i = 0; i < NPOOL; i++)
        if (c->hr[i].guest >= 0) {
            s->map_guest[s->nmap] = (uint8_t)c->hr[i].guest;
            s->map_host[s->nmap++] = (uint8_t)pool[i];
        }
}

static void call2(jc_t *c, const insn_t *in, uint64_t (*fn)(uint64_t, uint64_t))
{
    rc_drop(c);
    x_load(&c->b, 1, RDI, RBX, X(in->rs1));
    x_load(&c->b, 1, RSI, RBX, X(in->rs2));
    x_mov_imm(&c->b, RAX, (uint64_t)(uintptr_t)fn);
    x_call_reg(&c->b, RAX);
    st(c, RAX, in->rd);
}

static void alu_rr(jc_t *c, const insn_t *in, int op, int w)
{
    x_mov_rr(&c->b, w, RAX, rc_use(c, in->rs1));
    op_reg(c, w, (unsigned)(8 * op + 3), RAX, in->rs2);
}
static void set_rr(jc_t *c, const insn_t *in, int cc)
{
    ld(c, RAX, in->rs1);
    op_reg(c, c->w, 8 * ALU_CMP + 3, RAX, in->rs2);
    x_setcc_zx(&c->b, cc, RAX);
    st(c, RAX, in->rd);
}
static void shift_rr(jc_t *c, const insn_t *in, int sh, int w)
{
    x_mov_rr(&c->b, w, RAX, rc_use(c, in->rs1));
    x_mov_rr(&c->b, 0, RCX, rc_use(c, in->rs2));
    x_shift_cl(&c->b, w, sh, RAX);
}

static void branch(jc_t *c, const insn_t *in, unsigned off, int cc)
{
    int r1 = rc_use(c, in->rs1), r2 = rc_use(c, in->rs2);
    rc_writeback(c);                                      /* both ways leave */
    x_op_rr(&c->b, c->w, 0x39, r2, r1);                   /* cmp r1, r2 */
    if ((int64_t)off + in->imm == c->start_off) {
        /* A loop on this block: the taken way jumps straight back to the
         * entry, so the hot path is one straight run ending in a backward
         * jcc; with the taken way's jump placed after the fall-through's
         * exit, its speed hung on where the block landed in the buffer
         * (x1.2 on a tight loop, docs/gdb.md "Cost"). */
        x_jcc_to(&c->b, cc, c->entry);
        chain(c, off + in->len);
        return;
    }
    uint8_t *taken = x_jcc(&c->b, cc);
    chain(c, off + in->len);
    x_patch(&c->b, taken, c->b.p);
    chain(c, (int64_t)off + in->imm);
}

/* h->budget and h->pc as the interpreter has them while instruction k (at
 * page offset off) runs: the block's unexecuted rest is given back. */
static void sync_state(jc_t *c, unsigned k, unsigned off)
{
    x_lea(&c->b, 1, RCX, R13, (int32_t)(c->n - k - 1));
    x_store(&c->b, 1, RCX, RBX, OFF_BUDGET);
    x_lea(&c->b, c->w, RCX, R12, (int32_t)off);
    x_store(&c->b, 1, RCX, RBX, OFF_PC);
}

/* Call fn (arguments already in rdi, rsi, rdx); leave the block unless it
 * returns 0. */
static void call_or_leave(jc_t *c, const void *fn)
{
    x_mov_imm(&c->b, RAX, (uint64_t)(uintptr_t)fn);
    x_call_reg(&c->b, RAX);
    x_op_rr(&c->b, 0, 0x85, RAX, RAX);                     /* test eax, eax */
    x_jcc_to(&c->b, CC_NE, c->st->exit_nosync);
}

/* After instruction k wrote a register the instruction hook watches: call
 * jit_hook with pc and budget exact, leave if it says so. The next pc is
 * r12 + next_off, or rax (next_off < 0: jalr's target). */
static bool hooked(jc_t *c, const insn_t *in)
{
    return jit_hooked(c->hook_mask, in->rd);
}
static void hook_call(jc_t *c, const insn_t *in, unsigned k, unsigned off, int64_t next_off)
{
    xbuf_t *b = &c->b;
    rc_drop(c);
    if (next_off < 0)
        x_mov_rr(b, 1, RDX, RAX);
    else
        x_lea(b, c->w, RDX, R12, (int32_t)next_off);
    sync_state(c, k, off);
    x_mov_rr(b, 1, RDI, RBX);
    x_mov_imm(b, RSI, in->rd);
    call_or_leave(c, (const void *)jit_hook);
}

static void jalr(jc_t *c, const insn_t *in, unsigned k, unsigned off)
{
    xbuf_t *b = &c->b;
    ld(c, RAX, in->rs1);
    if (in->imm)
        x_alu_imm(b, c->w, ALU_ADD, RAX, (int32_t)in->imm);
    x_alu_imm(b, c->w, ALU_AND, RAX, -2);
    x_lea(b, c->w, RCX, R12, (int32_t)(off + in->len));   /* link after the target: rd may be rs1 */
    st(c, RCX, in->rd);
    if (hooked(c, in)) {
        hook_call(c, in, k, off, -1);                     /* it sets h->pc */
        exit_status(c, 0, c->st->exit_sync);
        return;
    }
    rc_writeback(c);
    x_store(b, 1, RAX, RBX, OFF_PC);
    /* Same page: the block there, if any. */
    x_mov_rr(b, 1, RDX, RAX);
    x_alu_imm(b, 1, ALU_AND, RDX, -PAGE_SIZE);
    x_op_rr(b, 1, 0x39, R12, RDX);                        /* cmp rdx, r12 */
    uint8_t *other = x_jcc(b, CC_NE);
    x_mov_rr(b, 0, RCX, RAX);
    x_alu_imm(b, 0, ALU_AND, RCX, PAGE_SIZE - 2);
    x_mov_imm(b, RDX, (uint64_t)(uintptr_t)c->d->jit);
    x_op_mem(b, 1, 0x8b, RDX, RDX, RCX, 2, 0);            /* jit[off/2]: off*4 bytes */
    x_alu_imm(b, 1, ALU_CMP, RDX, 1);
    uint8_t *miss = x_jcc(b, CC_BE);
    x_jmp_reg(b, RDX);
    x_patch(b, miss, b->p);
    exit_status(c, 0, c->st->exit_sync);
    x_patch(b, other, b->p);
    far_exit(c);
}

/* An instruction the compiler leaves to the interpreter (CSRs, AMOs,
 * system instructions, a mutated one): jit_interp runs its handler with pc
 * and budget exact; the block goes on only if it simply completed. */
static void interp_call(jc_t *c, unsigned k, unsigned off)
{
    xbuf_t *b = &c->b;
    rc_drop(c);
    sync_state(c, k, off);
    x_mov_rr(b, 1, RDI, RBX);
    x_rex(b, 1, 0, 0, RSI); x_byte(b, 0xb8 + (RSI & 7));  /* movabs rsi, &copy of the insn */
    c->copy_at[k] = b->p;
    x_u64(b, 0);
    call_or_leave(c, (const void *)jit_interp);
}

#include "compile_fp.inc"

/* Emits one instruction; returns false if it ended the block (a jump). */
static bool emit_insn(jc_t *c, const insn_t *in, unsigned k, unsigned off)
{
    xbuf_t *b = &c->b;
    int w = c->w;
    if (!c->native[k]) {
        interp_call(c, k, off);
        if (hooked(c, in))
            hook_call(c, in, k, off, off + in->len);
        return true;
    }
    switch (sem_of[in->id]) {
    case S_LUI:   x_mov_imm(b, RAX, w ? (uint64_t)in->imm : (uint32_t)in->imm); st(c, RAX, in->rd); break;
    case S_AUIPC: x_lea(b, w, RAX, R12, (int32_t)(off + in->imm)); st(c, RAX, in->rd); break;
    case S_JAL:
        x_lea(b, w, RAX, R12, (int32_t)(off + in->len));
        st(c, RAX, in->rd);
        if (hooked(c, in)) {
            hook_call(c, in, k, off, (int64_t)off + in->imm);
            exit_status(c, 0, c->st->exit_sync);
        } else {
            chain(c, (int64_t)off + in->imm);
        }
        return false;
    case S_JALR: jalr(c, in, k, off); return false;
    case S_BEQ:  branch(c, in, off, CC_E); return false;
    case S_BNE:  branch(c, in, off, CC_NE); return false;
    case S_BLT:  branch(c, in, off, CC_L); return false;
    case S_BGE:  branch(c, in, off, CC_GE); return false;
    case S_BLTU: branch(c, in, off, CC_B); return false;
    case S_BGEU: branch(c, in, off, CC_AE); return false;
    case S_LB:  mem_access(c, in, k, false, 1, true, false); break;
    case S_LH:  mem_access(c, in, k, false, 2, true, false); break;
    case S_LW:  mem_access(c, in, k, false, 4, true, false); break;
    case S_LD:  mem_access(c, in, k, false, 8, false, false); break;
    case S_LBU: mem_access(c, in, k, false, 1, false, false); break;
    case S_LHU: mem_access(c, in, k, false, 2, false, false); break;
    case S_LWU: mem_access(c, in, k, false, 4, false, false); break;
    case S_SB:  mem_access(c, in, k, true, 1, false, false); break;
    case S_SH:  mem_access(c, in, k, true, 2, false, false); break;
    case S_SW:  mem_access(c, in, k, true, 4, false, false); break;
    case S_SD:  mem_access(c, in, k, true, 8, false, false); break;
    case S_ADDI:
        if (in->rs1 == 0) {                 /* li */
            x_mov_imm(b, RAX, w ? (uint64_t)in->imm : (uint32_t)in->imm);
        } else {
            ld(c, RAX, in->rs1);
            if (in->imm) x_alu_imm(b, w, ALU_ADD, RAX, (int32_t)in->imm);
        }
        st(c, RAX, in->rd);
        break;
    case S_XORI: ld(c, RAX, in->rs1); x_alu_imm(b, w, ALU_XOR, RAX, (int32_t)in->imm); st(c, RAX, in->rd); break;
    case S_ORI:  ld(c, RAX, in->rs1); x_alu_imm(b, w, ALU_OR, RAX, (int32_t)in->imm); st(c, RAX, in->rd); break;
    case S_ANDI: ld(c, RAX, in->rs1); x_alu_imm(b, w, ALU_AND, RAX, (int32_t)in->imm); st(c, RAX, in->rd); break;
    case S_SLTI:
    case S_SLTIU:
        ld(c, RAX, in->rs1);
        x_alu_imm(b, w, ALU_CMP, RAX, (int32_t)in->imm);
        x_setcc_zx(b, sem_of[in->id] == S_SLTI ? CC_L : CC_B, RAX);
        st(c, RAX, in->rd);
        break;
    case S_SLLI: ld(c, RAX, in->rs1); x_shift_imm(b, w, SH_SHL, RAX, (unsigned)in->imm & (w ? 63 : 31)); st(c, RAX, in->rd); break;
    case S_SRLI: ld(c, RAX, in->rs1); x_shift_imm(b, w, SH_SHR, RAX, (unsigned)in->imm & (w ? 63 : 31)); st(c, RAX, in->rd); break;
    case S_SRAI: ld(c, RAX, in->rs1); x_shift_imm(b, w, SH_SAR, RAX, (unsigned)in->imm & (w ? 63 : 31)); st(c, RAX, in->rd); break;
    case S_ADD: alu_rr(c, in, ALU_ADD, w); st(c, RAX, in->rd); break;
    case S_SUB: alu_rr(c, in, ALU_SUB, w); st(c, RAX, in->rd); break;
    case S_XOR: alu_rr(c, in, ALU_XOR, w); st(c, RAX, in->rd); break;
    case S_OR:  alu_rr(c, in, ALU_OR, w); st(c, RAX, in->rd); break;
    case S_AND: alu_rr(c, in, ALU_AND, w); st(c, RAX, in->rd); break;
    case S_SLT:  set_rr(c, in, CC_L); break;
    case S_SLTU: set_rr(c, in, CC_B); break;
    case S_SLL: shift_rr(c, in, SH_SHL, w); st(c, RAX, in->rd); break;
    case S_SRL: shift_rr(c, in, SH_SHR, w); st(c, RAX, in->rd); break;
    case S_SRA: shift_rr(c, in, SH_SAR, w); st(c, RAX, in->rd); break;
    case S_ADDIW: ld32(c, RAX, in->rs1); if (in->imm) x_alu_imm(b, 0, ALU_ADD, RAX, (int32_t)in->imm);
                  sext32(c, RAX); st(c, RAX, in->rd); break;
    case S_SLLIW: ld32(c, RAX, in->rs1); x_shift_imm(b, 0, SH_SHL, RAX, (unsigned)in->imm & 31); sext32(c, RAX); st(c, RAX, in->rd); break;
    case S_SRLIW: ld32(c, RAX, in->rs1); x_shift_imm(b, 0, SH_SHR, RAX, (unsigned)in->imm & 31); sext32(c, RAX); st(c, RAX, in->rd); break;
    case S_SRAIW: ld32(c, RAX, in->rs1); x_shift_imm(b, 0, SH_SAR, RAX, (unsigned)in->imm & 31); sext32(c, RAX); st(c, RAX, in->rd); break;
    case S_ADDW: alu_rr(c, in, ALU_ADD, 0); sext32(c, RAX); st(c, RAX, in->rd); break;
    case S_SUBW: alu_rr(c, in, ALU_SUB, 0); sext32(c, RAX); st(c, RAX, in->rd); break;
    case S_SLLW: shift_rr(c, in, SH_SHL, 0); sext32(c, RAX); st(c, RAX, in->rd); break;
    case S_SRLW: shift_rr(c, in, SH_SHR, 0); sext32(c, RAX); st(c, RAX, in->rd); break;
    case S_SRAW: shift_rr(c, in, SH_SAR, 0); sext32(c, RAX); st(c, RAX, in->rd); break;
    case S_MUL:
        ld(c, RAX, in->rs1);
        op_reg(c, w, 0x0faf, RAX, in->rs2);
        st(c, RAX, in->rd);
        break;
    case S_MULW:
        ld32(c, RAX, in->rs1);
        op_reg(c, 0, 0x0faf, RAX, in->rs2);
        sext32(c, RAX);
        st(c, RAX, in->rd);
        break;
    case S_MULH:
    case S_MULHU:
        if (w) {                            /* rdx:rax = rax * [rs2] */
            ld(c, RAX, in->rs1);
            op_reg(c, 1, 0xf7, sem_of[in->id] == S_MULH ? 5 : 4, in->rs2);
            st(c, RDX, in->rd);
            break;
        }
        __attribute__((fallthrough));   /* RV32 does all three with one 64-bit product */
    case S_MULHSU:
        if (w) { call2(c, in, mulhsu64); break; }
        if (sem_of[in->id] == S_MULHU) ld32(c, RAX, in->rs1);
        else op_reg(c, 1, 0x63, RAX, in->rs1);                              /* movsxd */
        if (sem_of[in->id] == S_MULH) op_reg(c, 1, 0x63, RCX, in->rs2);
        else ld32(c, RCX, in->rs2);
        x_op_rr(b, 1, 0x0faf, RAX, RCX);
        x_shift_imm(b, 1, SH_SHR, RAX, 32);
        st(c, RAX, in->rd);
        break;
    case S_DIV:   call2(c, in, w ? div64 : div32); break;
    case S_DIVU:  call2(c, in, w ? divu64 : divu32); break;
    case S_REM:   call2(c, in, w ? rem64 : rem32); break;
    case S_REMU:  call2(c, in, w ? remu64 : remu32); break;
    case S_DIVW:  call2(c, in, divw); break;
    case S_DIVUW: call2(c, in, divuw); break;
    case S_REMW:  call2(c, in, remw); break;
    case S_REMUW: call2(c, in, remuw); break;
    case S_FENCE: break;
    case S_FLW: case S_FLD: case S_FSW: case S_FSD:
    case S_FADD_D: case S_FSUB_D: case S_FMUL_D: case S_FDIV_D: case S_FSQRT_D:
    case S_FMADD_D: case S_FMSUB_D: case S_FNMSUB_D: case S_FNMADD_D:
    case S_FSGNJ_D: case S_FSGNJN_D: case S_FSGNJX_D:
        fp_insn(c, in, k);
        break;
    default: break;     /* not reached: not native */
    }
    if (hooked(c, in))
        hook_call(c, in, k, off, off + in->len);
    return true;
}

/* Compiled to x86-64, or run through jit_interp: CSRs, system
 * instructions, AMOs, fence.i, illegal words and an instruction broken on
 * purpose (--debug-break-insn). */
static bool native(hart_t *h, const insn_t *in)
{
    return sem_of[in->id] != S_NONE && in->fn == exec_handler(h->xlen, in->id) &&
           (sem_of[in->id] < S_FLW || fp_native(in));
}

void *jit_compile_block(hart_t *h, dpage_t *d, unsigned slot,
                        uint8_t *buf, size_t room, size_t *used, const jit_stubs_t *stubs)
{
    sem_init();
    const uint8_t *page = h->m->ram + (d->pa - RAM_BASE);
    insn_t ins[JIT_MAX_INSNS];
    bool nat[JIT_MAX_INSNS];
    unsigned offs[JIT_MAX_INSNS], n = 0, off = slot * 2;
    while (n < JIT_MAX_INSNS && off + 2 <= PAGE_SIZE) {
        uint32_t raw = page[off] | (uint32_t)page[off + 1] << 8;
        if ((raw & 3) == 3) {
            if (off + 4 > PAGE_SIZE)
                break;          /* straddles the page: the interpreter's */
            raw |= (uint32_t)(page[off + 2] | page[off + 3] << 8) << 16;
        }
        insn_prepare(h, raw, &ins[n]);
        nat[n] = native(h, &ins[n]);
        offs[n] = off;
        off += ins[n].len;
        unsigned s = sem_of[ins[n++].id];
        if (s >= S_JAL && s <= S_BGEU)
            break;      /* a jump or branch ends the block */
    }
    if (n == 0)
        return JIT_INTERP;

    jc_t c = { .b = { buf, buf + room, 0 }, .d = d, .st = stubs, .w = h->xlen == 64,
               .n = n, .start_off = slot * 2, .hook_mask = h->m->jit_hook_mask,
               .native = nat };
    xbuf_t *b = &c.b;
    rc_init(&c);
    c.entry = b->p;
    /* Entry: only if the budget covers the whole block. */
    x_alu_imm(b, 1, ALU_CMP, R13, (int32_t)n);
    uint8_t *short_budget = x_jcc(b, CC_L);
    x_alu_imm(b, 1, ALU_SUB, R13, (int32_t)n);
    bool open = true;
    for (unsigned k = 0; k < n && open; k++)
        open = emit_insn(&c, &ins[k], k, offs[k]);
    if (open)           /* fell off the end: continue after it */
        chain(&c, off);
    /* Out of line: the budget-short exit and the slow paths. */
    x_patch(b, short_budget, b->p);
    set_pc_off(&c, c.start_off);
    exit_status(&c, 1, stubs->exit_sync);
    struct copy_fix { uint8_t *at; unsigned k; } copy_fix[4 * JIT_MAX_INSNS];
    unsigned ncopy_fix = 0;
    for (unsigned i = 0; i < c.nslow; i++) {
        slow_site_t *s = &c.slow[i];
        x_patch(b, s->patch, b->p);
        for (unsigned j = 0; j < s->ndirty; j++)
            x_store(b, 1, s->dirty_host[j], RBX, X(s->dirty_guest[j]));
        sync_state(&c, s->k, offs[s->k]);
        x_mov_rr(b, 1, RDI, RBX);
        if (s->kind == SLOW_INTERP) {
            x_rex(b, 1, 0, 0, RSI); x_byte(b, 0xb8 + (RSI & 7));  /* movabs rsi, &copy */
            x_u64(b, 0);                 /* one copy serves every site of ins[k] */
            copy_fix[ncopy_fix++] = (struct copy_fix){ b->p - 8, s->k };
            call_or_leave(&c, (const void *)jit_interp);
        } else {
            x_mov_rr(b, 1, RSI, RAX);
            x_mov_imm(b, RDX, s->site);
            call_or_leave(&c, s->kind == SLOW_STORE ? (const void *)jit_store_slow : (const void *)jit_load_slow);
        }
        for (unsigned j = 0; j < s->nmap; j++)
            x_load(b, 1, s->map_host[j], RBX, X(s->map_guest[j]));
        x_jmp_to(b, s->resume);
    }
    /* The decoded instructions jit_interp runs, after the code. */
    while ((uintptr_t)b->p & 7)
        x_byte(b, 0xcc);
    uint64_t copy_addr[JIT_MAX_INSNS];
    for (unsigned k = 0; k < n; k++) {
        if ((nat[k] && !c.copy[k]) || b->overflow)
            continue;
        uint64_t at = copy_addr[k] = (uint64_t)(uintptr_t)b->p;
        for (size_t i = 0; i < sizeof ins[k]; i++)
            x_byte(b, ((const uint8_t *)&ins[k])[i]);
        if (!b->overflow && !nat[k])
            memcpy(c.copy_at[k], &at, 8);
    }
    for (unsigned i = 0; i < ncopy_fix && !b->overflow; i++)
        memcpy(copy_fix[i].at, &copy_addr[copy_fix[i].k], 8);
    if (b->overflow)
        return NULL;
    *used = (size_t)(b->p - buf);
    if (slot * 2 < d->jit_lo)
        d->jit_lo = (uint16_t)(slot * 2);
    if (off > d->jit_hi)
        d->jit_hi = (uint16_t)off;      /* off: just past the last instruction */
    return c.entry;
}

/* int enter(hart_t *h, const void *code): the frame every block runs in. */
size_t jit_emit_stubs(uint8_t *buf, size_t room, jit_stubs_t *st)
{
    xbuf_t b = { buf, buf + room, 0 };
    st->enter = (int (*)(hart_t *, const void *))(void *)b.p;
    /* Callee-saved: the frame registers and the cache's rbp, r14, r15;
     * with the return address that is 7 words: one more aligns rsp. */
    x_push(&b, RBX); x_push(&b, RBP); x_push(&b, R12); x_push(&b, R13); x_push(&b, R14); x_push(&b, R15);
    x_alu_imm(&b, 1, ALU_SUB, RSP, 8);
    x_mov_rr(&b, 1, RBX, RDI);
    x_load(&b, 1, R12, RBX, OFF_VBASE);
    x_load(&b, 1, R13, RBX, OFF_BUDGET);
    x_jmp_reg(&b, RSI);
    st->exit_sync = b.p;
    x_store(&b, 1, R13, RBX, OFF_BUDGET);
    st->exit_nosync = b.p;
    x_alu_imm(&b, 1, ALU_ADD, RSP, 8);
    x_pop(&b, R15); x_pop(&b, R14); x_pop(&b, R13); x_pop(&b, R12); x_pop(&b, RBP); x_pop(&b, RBX);
    x_ret(&b);
    return b.overflow ? 0 : (size_t)(b.p - buf);
}

#else   /* not x86-64: no compiler; jit.c never calls these */
void *jit_compile_block(hart_t *h, dpage_t *d, unsigned slot,
                        uint8_t *buf, size_t room, size_t *used, const jit_stubs_t *st)
{
    (void)h; (void)d; (void)slot; (void)buf; (void)room; (void)used; (void)st;
    return JIT_INTERP;
}
size_t jit_emit_stubs(uint8_t *buf, size_t room, jit_stubs_t *st)
{
    (void)buf; (void)room; (void)st;
    return 0;
}
#endif
