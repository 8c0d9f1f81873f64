#!/usr/bin/env python3
"""Random numbers-only expressions for the monitor's evaluator, and a C
program that computes the same expressions with the host compiler's
uint32_t/uint64_t arithmetic, so the two can be compared line by line.

The expression text relies on C precedence (minimal parentheses, a few
redundant ones), while the C text parenthesizes and casts every node, so
a precedence mistake in the parser shows up as a different value.
Division and modulo divide by (x | 1) and shifts shift by (x & XLEN-1), so
every expression is defined in C and in the evaluator.

usage: gen.py --xlen 32|64 --count N --seed S --exprs OUT.txt --c OUT.c
"""
import argparse
import random

# Binary operators with C's precedence (higher binds tighter).
BINARY = {
    "*": 10, "/": 10, "%": 10, "+": 9, "-": 9, "<<": 8, ">>": 8,
    "<": 7, ">": 7, "<=": 7, ">=": 7, "==": 6, "!=": 6,
    "&": 5, "^": 4, "|": 3, "&&": 2, "||": 1,
}
UNARY = ["-", "!", "~"]
# Arithmetic drawn three times as often as comparisons and logic, which
# give only 0 or 1 and would otherwise flatten most results.
WEIGHTED = [op for op in BINARY for _ in range(1 if BINARY[op] in (1, 2, 6, 7) else 3)]
UNARY_PREC = 11


class Gen:
    def __init__(self, rng, xlen):
        self.rng = rng
        self.xlen = xlen
        self.mask = (1 << xlen) - 1

    def number(self):
        r, bits = self.rng, self.xlen
        pick = r.random()
        if pick < 0.3:
            v = r.randrange(17)
        elif pick < 0.5:
            v = r.randrange(1 << 16)
        elif pick < 0.7:
            k = r.randrange(bits)  # powers of two and their neighbours
            v = ((1 << k) + r.choice([-1, 0, 1])) & self.mask
        elif pick < 0.8:
            v = self.mask - r.randrange(4)
        else:
            v = r.randrange(1 << bits)
        return ("num", v)

    def tree(self, depth):
        r = self.rng
        if depth == 0 or r.random() < 0.2:
            return self.number()
        if r.random() < 0.2:
            return ("un", r.choice(UNARY), self.tree(depth - 1))
        op = r.choice(WEIGHTED)
        left, right = self.tree(depth - 1), self.tree(depth - 1)
        if op in ("/", "%"):
            right = ("bin", "|", right, ("num", 1))
        elif op in ("<<", ">>"):
            right = ("bin", "&", right, ("num", self.xlen - 1))
        return ("bin", op, left, right)


def prec(node):
    if node[0] == "num":
        return 99
    if node[0] == "un":
        return UNARY_PREC
    return BINARY[node[1]]


def number_text(rng, v):
    if rng.random() < 0.5:
        return str(v)
    text = "%x" % v
    return ("0X" if rng.random() < 0.1 else "0x") + (text.upper() if rng.random() < 0.3 else text)


def expr_text(rng, node):
    """As a user would write it: parentheses only where precedence needs
    them (the right operand needs them at equal precedence, since every
    operator is left associative), and a few redundant ones."""
    def wrap(child, need):
        text = expr_text(rng, child)
        return "(" + text + ")" if need or rng.random() < 0.05 else text

    sp = lambda: rng.choice(["", " ", " ", "  ", "\t"])
    if node[0] == "num":
        return number_text(rng, node[1])
    if node[0] == "un":
        return node[1] + sp() + wrap(node[2], prec(node[2]) < UNARY_PREC)
    p = BINARY[node[1]]
    return (wrap(node[2], prec(node[2]) < p) + sp() + node[1] + sp()
            + wrap(node[3], prec(node[3]) <= p))


def c_text(node, ctype):
    """Every node cast to the XLEN type: C's comparisons and ! && || give an
    int, which must not leak into signed arithmetic or shifts."""
    if node[0] == "num":
        return "((%s)0x%xull)" % (ctype, node[1])
    if node[0] == "un":
        return "((%s)(%s%s))" % (ctype, node[1], c_text(node[2], ctype))
    return "((%s)(%s %s %s))" % (ctype, c_text(node[2], ctype), node[1],
                                 c_text(node[3], ctype))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--xlen", type=int, choices=[32, 64], required=True)
    ap.add_argument("--count", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--depth", type=int, default=7)
    ap.add_argument("--exprs", required=True)
    ap.add_argument("--c", required=True)
    args = ap.parse_args()

    # One generator per XLEN, so the two runs do not share expressions.
    rng = random.Random(args.seed * 100 + args.xlen)
    gen = Gen(rng, args.xlen)
    ctype = "uint%d_t" % args.xlen
    with open(args.exprs, "w") as ex, open(args.c, "w") as c:
        c.write("#include <stdint.h>\n#include <stdio.h>\nint main(void)\n{\n")
        for _ in range(args.count):
            node = gen.tree(rng.randrange(1, args.depth + 1))
            ex.write(expr_text(rng, node) + "\n")
            c.write('    printf("%%llu\\n", (unsigned long long)%s);\n' % c_text(node, ctype))
        c.write("    return 0;\n}\n")


if __name__ == "__main__":
    main()
