# Spike HTIF, riscv-arch-test's halt (the Sail/Spike model header): one sw
# of the low word of tohost, the high word never written. Spike stops (it
# acts on any write that makes tohost non-zero): status 7 here.
    .globl _start
_start:
    la t0, tohost
    li t1, (7 << 1) | 1
    sw t1, 0(t0)
1:  j 1b
    .section .data
    .balign 64
    .globl tohost, fromhost
tohost:   .dword 0
fromhost: .dword 0
