# mtvec is 0 after reset: the illegal instruction traps to address 0,
# which faults on itself forever. rvscope must say so and stop.
    .globl _start
_start:
    .word 0
