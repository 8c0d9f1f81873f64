/* Registers by GDB's numbers (tdesc.c): g/G carry x0..x31 and pc, the
 * rest (FP registers, CSRs, priv) go through p/P. Every register is XLEN
 * bits but f0..f31, which are FLEN bits; all are sent as little-endian
 * hex. */
#include "gdb.h"
#include "../core/csr.h"
#include <string.h>

unsigned gdb_reg_bytes(const hart_t *h)
{
    return (unsigned)h->xlen / 8;
}

/* FLEN in bytes: 8 with D, 4 with F only, 0 without F. */
unsigned gdb_flen_bytes(const hart_t *h)
{
    return h->isa & (1u << EXT_D) ? 8 : h->isa & (1u << EXT_F) ? 4 : 0;
}

static bool is_freg(const hart_t *h, unsigned regnum)
{
    return regnum >= GDB_REG_F0 && regnum < GDB_REG_F0 + 32 && gdb_flen_bytes(h);
}

static unsigned reg_size(const hart_t *h, unsigned regnum)
{
    return is_freg(h, regnum) ? gdb_flen_bytes(h) : gdb_reg_bytes(h);
}

static uint64_t xlen_mask(const hart_t *h, uint64_t v)
{
    return h->xlen == 32 ? (uint32_t)v : v;
}

bool gdb_reg_read(hart_t *h, unsigned regnum, uint64_t *val)
{
    if (regnum < 32) {
        *val = regnum ? xlen_mask(h, h->x[regnum]) : 0;
        return true;
    }
    if (regnum == GDB_REG_PC) {
        *val = xlen_mask(h, h->pc);
        return true;
    }
    if (regnum == GDB_REG_PRIV) {
        *val = (uint64_t)h->priv;
        return true;
    }
    if (is_freg(h, regnum)) {
        uint64_t v = h->f[regnum - GDB_REG_F0];
        *val = gdb_flen_bytes(h) == 4 ? (uint32_t)v : v;
        return true;
    }
    if (regnum >= GDB_REG_CSR0 && regnum < GDB_REG_CSR0 + 4096) {
        if (!csr_debug_read(h, regnum - GDB_REG_CSR0, val))
            return false;
        *val = xlen_mask(h, *val);
        return true;
    }
    return false;
}

bool gdb_reg_write(hart_t *h, unsigned regnum, uint64_t val)
{
    if (is_freg(h, regnum)) {        /* binary32 values stay NaN-boxed */
        h->f[regnum - GDB_REG_F0] = gdb_flen_bytes(h) == 4 ? 0xffffffff00000000ull | (uint32_t)val : val;
        return true;
    }
    val = xlen_mask(h, val);
    if (regnum < 32) {
        if (regnum)                   /* x0 stays zero */
            h->x[regnum] = val;
        return true;
    }
    if (regnum == GDB_REG_PC) {
        h->pc = val;
        return true;
    }
    if (regnum == GDB_REG_PRIV) {
        /* M, S or U (bit 2, V, would be the H extension's). */
        if (val != PRIV_M && val != PRIV_S && val != PRIV_U)
            return false;
        h->priv = (int)val;
        hart_flush_tlb(h);            /* translations depend on privilege */
        return true;
    }
    if (regnum >= GDB_REG_CSR0 && regnum < GDB_REG_CSR0 + 4096)
        return csr_debug_write(h, regnum - GDB_REG_CSR0, val);
    return false;
}

/* One register of the selected thread: a hart's, or a process's saved
 * one (procs.c; false = not saved, sent as "xx.."). */
static bool thread_reg(gdb_t *g, hart_t *h, unsigned r, uint64_t *v)
{
    if (g->g_proc)
        return gdb_proc_reg(g, g->g_proc, r, v) || (r == 0 && !(*v = 0));
    return gdb_reg_read(h, r, v);
}

static void unavailable(gdb_t *g, unsigned n)
{
    for (unsigned i = 0; i < 2 * n; i++)
        rsp_buf_str(&g->out, "x");
}

void gdb_cmd_g(gdb_t *g)
{
    hart_t *h = gdb_hart(g, g->g_hart);
    unsigned n = gdb_reg_bytes(h);
    rsp_buf_clear(&g->out);
    for (unsigned r = 0; r <= GDB_REG_PC; r++) {
        uint64_t v;
        if (thread_reg(g, h, r, &v))
            rsp_buf_le(&g->out, v, n);
        else
            unavailable(g, n);
    }
    gdb_reply_out(g);
}

/* n little-endian bytes of hex at s. */
static bool parse_le(const char *s, unsigned n, uint64_t *v)
{
    uint8_t b[8];
    if (n > 8 || !rsp_unhex(s, n, b))
        return false;
    *v = 0;
    for (unsigned i = 0; i < n; i++)
        *v |= (uint64_t)b[i] << (8 * i);
    return true;
}

void gdb_cmd_G(gdb_t *g, const char *arg)
{
    hart_t *h = gdb_hart(g, g->g_hart);
    unsigned n = gdb_reg_bytes(h);
    size_t len = strlen(arg);
    /* Whole registers only, at most x0..x31 and pc. */
    if (len % (2 * n) || len / (2 * n) > GDB_REG_PC + 1) {
        gdb_reply(g, "E01");
        return;
    }
    uint64_t vals[GDB_REG_PC + 1];
    unsigned count = (unsigned)(len / (2 * n));
    for (unsigned r = 0; r < count; r++)
        if (!parse_le(arg + 2 * n * r, n, &vals[r])) {
            gdb_reply(g, "E01");
            return;
        }
    for (unsigned r = 0; r < count; r++)
        gdb_reg_write(h, r, vals[r]);
    gdb_reply(g, "OK");
}

void gdb_cmd_p(gdb_t *g, const char *arg)
{
    hart_t *h = gdb_hart(g, g->g_hart);
    uint64_t r, v;
    if (g->g_proc && rsp_parse_hex(&arg, &r) && !*arg && r <= 0xffffffffu) {
        rsp_buf_clear(&g->out);
        if (gdb_proc_reg(g, g->g_proc, (unsigned)r, &v))
            rsp_buf_le(&g->out, v, gdb_reg_bytes(h));
        else
            unavailable(g, gdb_reg_bytes(h));
        gdb_reply_out(g);
        return;
    }
    if (!rsp_parse_hex(&arg, &r) || *arg || r > 0xffffffffu || !gdb_reg_read(h, (unsigned)r, &v)) {
        gdb_reply(g, "E01");
        return;
    }
    rsp_buf_clear(&g->out);
    rsp_buf_le(&g->out, v, reg_size(h, (unsigned)r));
    gdb_reply_out(g);
}

void gdb_cmd_P(gdb_t *g, const char *arg)
{
    hart_t *h = gdb_hart(g, g->g_hart);
    uint64_t r, v;
    if (g->g_proc || !rsp_parse_hex(&arg, &r) || *arg++ != '=' || r > 0xffffffffu) {
        gdb_reply(g, "E01");
        return;
    }
    size_t len = strlen(arg);
    if (!len || len % 2 || len / 2 > 8 || !parse_le(arg, (unsigned)(len / 2), &v)) {
        gdb_reply(g, "E01");
        return;
    }
    gdb_reply(g, gdb_reg_write(h, (unsigned)r, v) ? "OK" : "E01");
}
