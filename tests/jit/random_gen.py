#!/usr/bin/env python3
"""Random straight-line programs for a differential test of the block
compiler: rvscope compiled, rvscope --no-jit and QEMU must print the same
register dump (tests/jit/run.sh). Usage: random_gen.py SEED XLEN > prog.S

The loop body is BODY random instructions over all registers but gp (the
base of a scratch buffer) and tp (the loop counter): ALU, shifts, compares,
M, W forms (RV64), lui/auipc, loads and stores into the buffer (aligned, so
QEMU and rvscope agree whatever they do with misaligned accesses), and
forward branches and jumps inside the body. 29 live registers are more
than the compiler's register cache holds, so blocks evict and reload; the
body is longer than a block (64 instructions), so blocks end mid-run too.
After the loop the program prints every register and a checksum of the
buffer on the UART and exits through the sifive_test finisher."""
import random
import sys

seed, xlen = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed * 1000 + xlen)
BODY, ITERS, BUF = 160, 6, 512           # BUF bytes of scratch at gp
regs = [r for r in range(1, 32) if r not in (3, 4)]
x = lambda r: "x%d" % r

rr = ["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
      "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"]
ri = ["addi", "slti", "sltiu", "xori", "ori", "andi"]
sh = ["slli", "srli", "srai"]
loads = [("lb", 1), ("lh", 2), ("lw", 4), ("lbu", 1), ("lhu", 2)]
stores = [("sb", 1), ("sh", 2), ("sw", 4)]
if xlen == 64:
    rr += ["addw", "subw", "sllw", "srlw", "sraw", "mulw", "divw", "divuw", "remw", "remuw"]
    ri += ["addiw"]
    sh += ["slliw", "srliw", "sraiw"]
    loads += [("ld", 8), ("lwu", 4)]
    stores += [("sd", 8)]

out = []
emit = out.append
emit("    .globl _start\n    .text\n_start:")
emit("    la gp, buf")
for r in regs:
    emit("    li %s, %d" % (x(r), rng.getrandbits(xlen) - (1 << (xlen - 1))))
emit("    li tp, %d" % ITERS)
emit("loop:")
labels = 0
pending = []                               # (label, position) of forward targets
for i in range(BODY):
    for lab, at in [p for p in pending if p[1] == i]:
        emit("%s:" % lab)
    pending = [p for p in pending if p[1] != i]
    k = rng.random()
    d, a, b = rng.choice(regs), rng.choice(regs + [0]), rng.choice(regs + [0])
    if k < 0.45:
        emit("    %s %s, %s, %s" % (rng.choice(rr), x(d), x(a), x(b)))
    elif k < 0.62:
        emit("    %s %s, %s, %d" % (rng.choice(ri), x(d), x(a), rng.randint(-2048, 2047)))
    elif k < 0.70:
        op = rng.choice(sh)
        emit("    %s %s, %s, %d" % (op, x(d), x(a), rng.randrange(32 if op.endswith("w") or xlen == 32 else 64)))
    elif k < 0.73:
        emit("    %s %s, %d" % (rng.choice(["lui", "auipc"]), x(d), rng.randrange(1 << 20)))
    elif k < 0.83:
        op, n = rng.choice(loads)
        emit("    %s %s, %d(gp)" % (op, x(d), rng.randrange(BUF // n) * n))
    elif k < 0.93:
        op, n = rng.choice(stores)
        emit("    %s %s, %d(gp)" % (op, x(b if b else d), rng.randrange(BUF // n) * n))
    elif i < BODY - 4:
        labels += 1
        lab = "f%d" % labels
        pending.append((lab, i + 1 + rng.randint(1, 3)))
        if rng.random() < 0.8:
            op = rng.choice(["beq", "bne", "blt", "bge", "bltu", "bgeu"])
            emit("    %s %s, %s, %s" % (op, x(a), x(b), lab))
        else:
            emit("    jal %s, %s" % (x(d), lab))
for lab, at in pending:
    emit("%s:" % lab)
emit("    addi tp, tp, -1")
emit("    bnez tp, loop")
# Dump: every register (gp is the buffer address: the same everywhere) into
# the words after the buffer, then a checksum of the buffer; print all 32.
XB = xlen // 8
ST, LD = ("sd", "ld") if xlen == 64 else ("sw", "lw")
for r in range(1, 32):
    emit("    %s %s, %d(gp)" % (ST, x(r), BUF + (r - 1) * XB))
emit("    li t6, 0\n    mv t5, gp\n    li t4, %d" % (BUF // 4))
emit("1:  %s t3, 0(t5)" % ("lwu" if xlen == 64 else "lw"))
emit("    add t6, t6, t3\n    slli t3, t6, 7\n    xor t6, t6, t3\n    addi t5, t5, 4\n    addi t4, t4, -1\n    bnez t4, 1b")
emit("    %s t6, %d(gp)" % (ST, BUF + 31 * XB))
emit("""    addi t5, gp, %d
    li a0, 32
    li a5, 0x10000000
2:  %s a1, 0(t5)
    li a2, %d
4:  addi a2, a2, -4
    srl a3, a1, a2
    andi a3, a3, 15
    li a4, 10
    blt a3, a4, 5f
    addi a3, a3, 39
5:  addi a3, a3, 48
    sb a3, 0(a5)
    bnez a2, 4b
    li a3, 10
    sb a3, 0(a5)
    addi t5, t5, %d
    addi a0, a0, -1
    bnez a0, 2b
    li a5, 0x100000
    li a3, 0x5555
    sw a3, 0(a5)
8:  j 8b""" % (BUF, LD, xlen, XB))
emit("    .data\n    .balign 8")
emit("buf:")
for i in range(BUF // 4):
    emit("    .word 0x%08x" % rng.getrandbits(32))
emit("    .space %d" % (32 * XB))          # the dump
print("\n".join(out))
