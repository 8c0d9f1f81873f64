/* RV64 instance of the instruction semantics. */
#define XLEN 64
#include "exec.inc"
