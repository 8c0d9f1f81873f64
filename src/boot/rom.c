/* The boot ROM's contents. rvscope executes instructions from RAM only,
 * so harts do not run this code: they start with the registers it would
 * leave (boot/loader.c, boot_reset_harts), and the ROM is there to be read
 * — by fw_dynamic for its info block, by a debugger or a curious guest.
 * The words are the real instructions, so what is read is what QEMU's
 * machine would have run. */
#include "boot/rom.h"
#include <stdlib.h>
#include <string.h>

#define FW_DYNAMIC_MAGIC   0x4942534full   /* "OSBI" */
#define FW_DYNAMIC_VERSION 2
#define FW_DYNAMIC_NEXT_S  1               /* next stage runs in S mode */

enum { T0 = 5, A0 = 10, A1 = 11, A2 = 12 };

static uint32_t i_type(uint32_t opcode, unsigned rd, unsigned f3, unsigned rs1, int32_t imm)
{
    return ((uint32_t)imm << 20) | rs1 << 15 | f3 << 12 | rd << 7 | opcode;
}

typedef struct rom {
    uint8_t bytes[ROM_RESET_VEC_SIZE + 6 * 8];
} rom_t;

static void put32(uint8_t *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i)); }
static void put64(uint8_t *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i)); }

static bool rom_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    const rom_t *r = opaque;
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++)
        if (off + i < sizeof r->bytes)
            v |= (uint64_t)r->bytes[off + i] << (8 * i);
    *val = v;
    return true;
}

static bool rom_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    (void)opaque; (void)off; (void)size; (void)val;
    return true;                  /* read-only memory: writes are ignored */
}

void rom_new(machine_t *m, uint64_t start, uint64_t fdt, uint64_t next)
{
    rom_t *r = calloc(1, sizeof *r);
    if (!r)
        return;
    bool rv32 = m->xlen == 32;
    unsigned ld = rv32 ? 2 : 3;                                /* lw or ld */
    uint8_t *p = r->bytes;
    put32(p + 0, 0x17u | T0 << 7);                             /* auipc t0, 0 */
    put32(p + 4, i_type(0x13, A2, 0, T0, ROM_RESET_VEC_SIZE));  /* addi a2, t0, info */
    put32(p + 8, i_type(0x73, A0, 2, 0, 0xf14));               /* csrr a0, mhartid */
    put32(p + 12, i_type(0x03, A1, ld, T0, 32));                /* l[wd] a1, 32(t0) */
    put32(p + 16, i_type(0x03, T0, ld, T0, 24));                /* l[wd] t0, 24(t0) */
    put32(p + 20, i_type(0x67, 0, 0, T0, 0));                   /* jr t0 */
    put64(p + 24, rv32 ? (uint32_t)start : start);
    put64(p + 32, rv32 ? (uint32_t)fdt : fdt);
    /* fw_dynamic_info: magic, version, next_addr, next_mode, options,
     * boot_hart, each an XLEN-wide word. Hart 0 boots, as on QEMU. */
    uint64_t info[6] = { FW_DYNAMIC_MAGIC, FW_DYNAMIC_VERSION, next, FW_DYNAMIC_NEXT_S, 0, 0 };
    for (int i = 0; i < 6; i++) {
        if (rv32)
            put32(p + ROM_RESET_VEC_SIZE + 4 * i, (uint32_t)info[i]);
        else
            put64(p + ROM_RESET_VEC_SIZE + 8 * i, info[i]);
    }
    device_t d = { .name = "rom", .base = ROM_BASE, .size = ROM_SIZE, .opaque = r,
                   .read = rom_read, .write = rom_write, .destroy = free };
    machine_add_device(m, &d);
}
