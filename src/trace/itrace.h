/* Instruction trace: one line per executed instruction. */
#ifndef RVSCOPE_ITRACE_H
#define RVSCOPE_ITRACE_H
#include "../core/hart.h"
#include <stdio.h>
/* Read the instruction word at the hart's pc and format
 * "pc: raw  disassembly" into buf; false if the pc cannot be read. */
bool itrace_format(hart_t *h, char *buf, size_t n);
void itrace_stream(hart_t *h);
#endif
