/* ftrace: calls and returns, named by ELF symbols, indented by depth.
 *
 * A call is jal/jalr (and c.jal, c.jalr) that links into ra or t0 (the
 * calling convention's link registers); a return is jalr x0 through ra or
 * t0 (ret, c.jr ra). Tail calls (a plain jump into another function) are
 * not calls and are not shown. The target is computed before the
 * instruction runs, from the registers it reads. */
#include "trace.h"
#include <inttypes.h>
#include <string.h>

void ftrace_reset(trace_t *t)
{
    memset(t->depth, 0, sizeof t->depth);
}

static int64_t sext(uint64_t v, unsigned bits)
{
    return (int64_t)(v << (64 - bits)) >> (64 - bits);
}

static bool is_link(unsigned r) { return r == 1 || r == 5; }

/* Decodes the jumps that matter: *rd, *rs1 (-1 for jal) and the target. */
static bool decode_jump(const hart_t *h, uint32_t raw, unsigned *rd, int *rs1, uint64_t *target)
{
    uint64_t pc = h->pc;
    if ((raw & 3) == 3) {
        unsigned op = raw & 0x7f;
        if (op == 0x6f) {                       /* jal */
            int64_t imm = sext(((raw >> 31) & 1) << 20 | ((raw >> 12) & 0xff) << 12 |
                               ((raw >> 20) & 1) << 11 | ((raw >> 21) & 0x3ff) << 1, 21);
            *rd = (raw >> 7) & 31;
            *rs1 = -1;
            *target = pc + (uint64_t)imm;
        } else if (op == 0x67 && ((raw >> 12) & 7) == 0) {   /* jalr */
            *rd = (raw >> 7) & 31;
            *rs1 = (int)((raw >> 15) & 31);
            *target = (h->x[*rs1] + (uint64_t)sext(raw >> 20, 12)) & ~(uint64_t)1;
        } else {
            return false;
        }
    } else {
        unsigned q = raw & 3, f3 = (raw >> 13) & 7;
        if (q == 1 && f3 == 1 && h->xlen == 32) {   /* c.jal */
            int64_t imm = sext(((raw >> 12) & 1) << 11 | ((raw >> 11) & 1) << 4 |
                               ((raw >> 9) & 3) << 8 | ((raw >> 8) & 1) << 10 |
                               ((raw >> 7) & 1) << 6 | ((raw >> 6) & 1) << 7 |
                               ((raw >> 3) & 7) << 1 | ((raw >> 2) & 1) << 5, 12);
            *rd = 1;
            *rs1 = -1;
            *target = pc + (uint64_t)imm;
        } else if (q == 2 && f3 == 4 && ((raw >> 2) & 31) == 0 && ((raw >> 7) & 31) != 0) {
            *rd = (raw >> 12) & 1;                  /* c.jalr: ra; c.jr: x0 */
            *rs1 = (int)((raw >> 7) & 31);
            *target = h->x[*rs1] & ~(uint64_t)1;
        } else {
            return false;
        }
    }
    if (h->xlen == 32)
        *target = (uint32_t)*target;
    return true;
}

void ftrace_insn(trace_t *t, hart_t *h, uint32_t raw)
{
    unsigned rd;
    int rs1;
    uint64_t target;
    if (!decode_jump(h, raw, &rd, &rs1, &target))
        return;
    int *d = &t->depth[h->hartid];
    char here[96], there[96];
    FILE *out = trace_stream(h->m);
    if (is_link(rd)) {
        trace_sym(h->m, target, there, sizeof there);
        fprintf(out, "[ftrace] %u 0x%" PRIx64 ": %*scall 0x%" PRIx64 " %s\n", h->hartid, h->pc,
                2 * *d, "", target, there);
        if (*d < 200)
            (*d)++;
    } else if (rd == 0 && rs1 >= 0 && is_link((unsigned)rs1)) {
        if (*d > 0)
            (*d)--;
        uint64_t off;
        const char *fn = t->syms ? symset_at(t->syms, h->pc, &off) : NULL;
        snprintf(here, sizeof here, "%s", fn ? fn : "?");
        trace_sym(h->m, target, there, sizeof there);
        fprintf(out, "[ftrace] %u 0x%" PRIx64 ": %*sret from %s to 0x%" PRIx64 " %s\n", h->hartid,
                h->pc, 2 * *d, "", here, target, there);
    }
}
