# Spike HTIF: writing (7 << 1) | 1 to tohost ends the run with status 7.
# The upper word is written last, as RV32 riscv-tests do.
    .globl _start
_start:
    la t0, tohost
    li t1, (7 << 1) | 1
    sw t1, 0(t0)
    sw zero, 4(t0)
1:  j 1b
    .section .data
    .balign 64
    .globl tohost, fromhost
tohost:   .dword 0
fromhost: .dword 0
