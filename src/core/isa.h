/* The hart's ISA as a set of extensions: parsed from --isa strings
 * (rv64gc, rv32imafdc_zba_zbb, ...), shown in misa and the device tree. */
#ifndef RVSCOPE_ISA_H
#define RVSCOPE_ISA_H
#include "hart.h"

/* Everything rvscope implements: IMAFDC, Zba, Zbb, Zbs, Zicond. */
#define ISA_ALL ((1u << EXT_COUNT) - 1)

/* Parses S; *xlen = 32 or 64. False with a message in err (what is wrong
 * or what rvscope cannot do). */
bool isa_parse(const char *s, int *xlen, uint32_t *isa, char *err, size_t errlen);
/* misa's extension bits (A..Z, plus S and U) for an extension set. */
uint64_t isa_misa_bits(uint32_t isa);
/* The ISA string for the device tree's riscv,isa. */
void isa_string(int xlen, uint32_t isa, char *buf, size_t len);

#endif
