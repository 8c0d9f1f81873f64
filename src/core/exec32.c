/* RV32 instance of the instruction semantics. */
#define XLEN 32
#include "exec.inc"
