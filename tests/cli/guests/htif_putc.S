# Spike HTIF console putchar from RV32: low word ('A', odd: alone it would
# read as an exit) then high word (device 1, command 1), a wait for
# fromhost, then an exit with status 0 the same way (low, then high).
    .globl _start
_start:
    la t0, tohost
    la t2, fromhost
    li t1, 'A'
    sw t1, 0(t0)
    nop
    nop
    li t1, 0x01010000
    sw t1, 4(t0)
1:  lw t3, 0(t2)
    lw t4, 4(t2)
    or t3, t3, t4
    beqz t3, 1b
    sw zero, 0(t2)
    sw zero, 4(t2)
    li t1, 1
    sw t1, 0(t0)
    sw zero, 4(t0)
2:  j 2b
    .section .data
    .balign 64
    .globl tohost, fromhost
tohost:   .dword 0
fromhost: .dword 0
