/* Instruction trace lines: "hart pc: raw  disassembly". */
#include "itrace.h"
#include "../core/disasm.h"
#include "../core/mmu.h"
#include "../machine.h"
#include <inttypes.h>

FILE *itrace_file;

bool itrace_format(hart_t *h, char *buf, size_t n)
{
    uint64_t pa;
    int cause;
    uint8_t b[4] = {0};
    if (!mmu_translate(h, h->pc, ACC_EXEC, &pa, &cause) || !machine_phys_read(h->m, pa, b, 2))
        return false;
    uint32_t raw = b[0] | b[1] << 8;
    if ((raw & 3) == 3 && machine_phys_read(h->m, pa + 2, b + 2, 2))
        raw |= (uint32_t)(b[2] | b[3] << 8) << 16;
    char d[96];
    disasm(h->xlen, h->pc, raw, d, sizeof d);
    if ((raw & 3) == 3)
        snprintf(buf, n, "%" PRIx64 ": %08x  %s", h->pc, raw, d);
    else
        snprintf(buf, n, "%" PRIx64 ": %04x      %s", h->pc, raw, d);
    return true;
}

void itrace_stream(hart_t *h)
{
    char line[160];
    if (itrace_format(h, line, sizeof line))
        fprintf(itrace_file ? itrace_file : stderr, "[%u] %s\n", h->hartid, line);
}
