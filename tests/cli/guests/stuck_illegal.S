# An illegal 32-bit instruction after a few good ones, mtvec never set:
# the report must name it (cause, pc, instruction), not only the fault at 0.
    .globl _start
_start:
    nop
    nop
    .word 0xffffffff
