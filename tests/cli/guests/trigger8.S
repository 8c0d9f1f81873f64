# A store trigger with action 8 (external trigger output): rvscope stops
# right after the store to `target` and names the trigger.
    .globl _start
_start:
    li t0, 0x60008042         # mcontrol6: action 8, m, store (RV32 layout)
    la t1, target
    csrw tdata1, t0
    csrw tdata2, t1
    li t2, 5
    sw t2, -4(t1)             # a neighbour: no fire
    sw t2, 0(t1)              # fires after this store
    li t0, 0x100000           # not reached: would pass
    li t1, 0x5555
    sw t1, 0(t0)
1:  j 1b
    .section .data
    .balign 4
    .word 0
target: .word 0
