# A jump to unmapped memory with mtvec never set: the fetch at 0x1000
# faults, its handler (0) faults on itself. The stuck report must name the
# first fault (at 0x1000), not only the last (at 0).
    .globl _start
_start:
    li t0, 0x1000
    jr t0
