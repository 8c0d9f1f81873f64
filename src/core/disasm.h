/* Disassembly in the style of objdump -M no-aliases, driven by the
 * instruction table's operand templates. */
#ifndef RVSCOPE_DISASM_H
#define RVSCOPE_DISASM_H
#include <stddef.h>
#include <stdint.h>

/* Writes "mnemonic\toperands" for the instruction word raw at pc. */
void disasm(int xlen, uint64_t pc, uint32_t raw, char *buf, size_t n);
/* ABI name of x0..x31 (32 = zero, the write sink). */
const char *reg_abi_name(unsigned r);
/* ABI name of f0..f31 (ft0, ..., fa0, ...). */
const char *freg_abi_name(unsigned r);

#endif
