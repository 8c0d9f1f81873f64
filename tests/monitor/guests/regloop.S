# A hot loop for register watches in compiled code: s1 counts 1..100000,
# written once per iteration by `bump`. `w $s1 == 777` must stop right
# after the bump that makes s1 777 (pc = after_bump) and again after the
# one that makes it 778; the loop is long enough to run compiled.
    .option norelax
    .globl _start, bump, after_bump
_start:
    li s1, 0
    li t0, 100000
    li t1, 0
loop:
bump:
    addi s1, s1, 1
after_bump:
    addi t1, t1, 3
    xor t2, t1, s1
    bne s1, t0, loop
    li t1, 0x100000           # finisher: exit 0
    li t2, 0x5555
    sw t2, 0(t1)
1:  j 1b
