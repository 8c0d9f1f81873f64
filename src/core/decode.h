/* Decoding of instruction words through the instruction table. */
#ifndef RVSCOPE_DECODE_H
#define RVSCOPE_DECODE_H
#include "hart.h"

enum insn_id {
#define INSN(id, name, mask, match, fmt, sem, ops, xl, ext) I_##id,
#include "insn_table.h"
#undef INSN
    I_COUNT,
    I_ILLEGAL = I_COUNT
};

typedef struct insn_info {
    const char *name;   /* mnemonic as objdump -M no-aliases prints it */
    uint32_t mask, match;
    uint8_t  fmt, xlen;
    uint8_t  ext;       /* enum isa_ext: the extension the line belongs to */
    const char *ops;    /* disassembly template (see insn_table.h) */
    const char *sem;    /* semantic handler name */
} insn_info_t;

extern const insn_info_t insn_table[I_COUNT + 1];

/* Fills every field of *out but fn; returns false (id = I_ILLEGAL) when the
 * word is not a valid instruction for this XLEN. */
bool insn_decode(uint32_t raw, int xlen, insn_t *out);
static inline unsigned insn_length(uint32_t raw) { return (raw & 3) == 3 ? 4 : 2; }
/* Looks a mnemonic up; -1 if unknown (used by --debug-break-insn). */
int insn_find(const char *name);
/* The handler for a decoded instruction on this XLEN (exec32.c / exec64.c). */
exec_fn exec_handler(int xlen, unsigned id);
bool insn_is_jump(unsigned id);

#endif
