/* The target description GDB reads with qXfer:features:read:target.xml.
 *
 * Three features, with the register numbers of GDB's riscv-tdep.h so that
 * p/P numbers and GDB's own numbers agree (as OpenOCD does):
 *   org.gnu.gdb.riscv.cpu      x0..x31 = 0..31, pc = 32
 *   org.gnu.gdb.riscv.fpu      f0..f31 = 33..64, fflags/frm/fcsr = 65 + number
 *                              (with F; FLEN 64 with D: GDB compares it with
 *                              the ELF's float ABI, lp64d needs 8)
 *   org.gnu.gdb.riscv.csr      every other CSR this hart implements, 65 + number
 *   org.gnu.gdb.riscv.virtual  priv = 4161 (privilege level in bits 1:0)
 *
 * <osabi>none</osabi>: a bare-metal ELF names no OS ABI, and Debian's GDB
 * would then default to GNU/Linux, whose RISC-V support steps by planting
 * breakpoints (software single-step). That runs every hart and cannot
 * follow ecall, mret or sret; with "none" GDB sends real steps (vCont;s),
 * which step one hart exactly. */
#include "gdb.h"
#include "../core/csr.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* GDB's names for the FP registers (features/riscv/64bit-fpu.xml). */
static const char *const fpr_names[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7",
    "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
    "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7",
    "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

static void fpu_feature(rsp_buf_t *b, const hart_t *h)
{
    unsigned flen = gdb_flen_bytes(h) * 8;
    if (!flen)
        return;
    rsp_buf_printf(b, "</feature>\n<feature name=\"org.gnu.gdb.riscv.fpu\">\n");
    /* With D a register holds a double or a NaN-boxed float: GDB's union. */
    if (flen == 64)
        rsp_buf_printf(b, "  <union id=\"riscv_double\">\n"
                       "    <field name=\"float\" type=\"ieee_single\"/>\n"
                       "    <field name=\"double\" type=\"ieee_double\"/>\n"
                       "  </union>\n");
    for (int i = 0; i < 32; i++)
        rsp_buf_printf(b, "  <reg name=\"%s\" bitsize=\"%u\" type=\"%s\" regnum=\"%d\"/>\n",
                       fpr_names[i], flen, flen == 64 ? "riscv_double" : "ieee_single",
                       GDB_REG_F0 + i);
    static const char *const fcsr_names[3] = { "fflags", "frm", "fcsr" };
    for (unsigned c = CSR_FFLAGS; c <= CSR_FCSR; c++)
        rsp_buf_printf(b, "  <reg name=\"%s\" bitsize=\"%d\" type=\"int\" regnum=\"%u\" group=\"float\"/>\n",
                       fcsr_names[c - CSR_FFLAGS], h->xlen, GDB_REG_CSR0 + c);
}

/* GDB's names for the integer registers (features/riscv/64bit-cpu.xml). */
static const char *const gpr_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
    "fp", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
    "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

char *gdb_target_xml(machine_t *m, size_t *len)
{
    hart_t *h = m->harts[0];
    int xl = m->xlen;
    rsp_buf_t b = {0};
    rsp_buf_printf(&b,
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
        "<target version=\"1.0\">\n"
        "<architecture>riscv:rv%d</architecture>\n"
        "<osabi>none</osabi>\n"
        "<feature name=\"org.gnu.gdb.riscv.cpu\">\n", xl);
    for (int i = 0; i < 32; i++) {
        const char *type = i == 1 ? "code_ptr" : i == 2 ? "data_ptr" : "int";
        rsp_buf_printf(&b, "  <reg name=\"%s\" bitsize=\"%d\" type=\"%s\" regnum=\"%d\"/>\n",
                       gpr_names[i], xl, type, i);
    }
    rsp_buf_printf(&b, "  <reg name=\"pc\" bitsize=\"%d\" type=\"code_ptr\" regnum=\"%d\"/>\n",
                   xl, GDB_REG_PC);
    fpu_feature(&b, h);
    rsp_buf_printf(&b, "</feature>\n<feature name=\"org.gnu.gdb.riscv.csr\">\n");
    for (unsigned c = 0; c < 4096; c++) {
        uint64_t v;
        if ((c >= CSR_FFLAGS && c <= CSR_FCSR) || !csr_debug_read(h, c, &v))
            continue;       /* the FP CSRs are in the fpu feature */
        const char *name = csr_name(c);
        char fallback[16];
        if (!name) {
            snprintf(fallback, sizeof fallback, "csr%u", c);   /* GDB's alias form */
            name = fallback;
        }
        rsp_buf_printf(&b, "  <reg name=\"%s\" bitsize=\"%d\" regnum=\"%u\"/>\n",
                       name, xl, GDB_REG_CSR0 + c);
    }
    rsp_buf_printf(&b, "</feature>\n<feature name=\"org.gnu.gdb.riscv.virtual\">\n"
                   "  <reg name=\"priv\" bitsize=\"%d\" regnum=\"%d\"/>\n"
                   "</feature>\n</target>\n", xl, GDB_REG_PRIV);
    *len = b.len;
    return b.data;
}
