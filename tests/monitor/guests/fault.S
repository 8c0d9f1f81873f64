# Walks into a fault with mtvec never set: the hart is stuck (the monitor
# shows the instruction ring).
    .globl _start
_start:
    li a0, 1
    li a1, 2
    add a2, a0, a1
    call helper
    li t0, 0x100              # not RAM
    lw t1, 0(t0)              # load access fault -> mtvec 0 -> stuck
1:  j 1b
helper:
    addi a2, a2, 1
    ret
