# wfi with every interrupt disabled: nothing can ever wake the hart.
    .globl _start
_start:
    csrw mie, zero
1:  wfi
    j 1b
