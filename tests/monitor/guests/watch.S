# Seed 001 task 1, step by step: the test creates the seed's four
# watchpoints after `si 2` (a0 then points at `data`) and steps on.
    .option norelax
    .globl _start
_start:
    la a0, data               # 2 instructions (auipc, addi): `si 2`
    # the seed's two steps
    lui t1, %hi(scratch)      # writes no memory (nor a0)
    sw t0, %lo(scratch)(t1)   # writes memory (0 over 0: no value changes)
    # for the precise policy
    addi a0, a0, 4            # writes a0: $a0 and *$a0 change
    li t2, 7
    sw t2, 8(a0)              # a store beside *$a0: nothing to re-evaluate
    sw t2, 0(a0)              # a store onto *$a0: watchpoint 4 changes
    csrr t3, mscratch         # reads a CSR, writes t3
    csrw mscratch, t2         # $mscratch changes
    li t1, 0x100000           # finisher: exit 0
    li t2, 0x5555
    sw t2, 0(t1)
1:  j 1b

    .section .data
    .balign 8
data:    .word 0x11, 0x22, 0x33, 0x44
scratch: .word 0
