#!/usr/bin/env python3
"""rvscope's disassembler against GNU objdump (binutils), for every line of
src/core/insn_table.h.

For each table line and each XLEN the line exists in, random encodings are
made: random bits outside the line's mask, the match inside it.  All words
of one XLEN go through ONE `rvscope --disassemble` call and ONE assembler +
objdump call (`.insn` directives in an ELF object built with -march
rv{32,64}imac_zicsr_zifencei, so objdump knows exactly rvscope's ISA: the
arch attribute of the object makes it refuse F/D/V/... encodings as rvscope
does, which a raw `-b binary` dump would not).

Words rvscope rejects (it prints `.insn`) are skipped and counted per
mnemonic: they do not count towards the N encodings wanted, and a mnemonic
that never yields a valid encoding fails.  They are still compared with
objdump for the accept/reject decision: a word objdump decodes but rvscope
rejects is a failure too.

Output: one line per mnemonic and XLEN,
  PASS disasm/rv64/addi
  FAIL disasm/rv64/addi: <word> rvscope '<...>' objdump '<...>'
followed by informational lines (not starting with PASS/FAIL).
Exit status 0 when everything passed, 1 otherwise, 2 on a setup error.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TABLE = os.path.join(ROOT, "src", "core", "insn_table.h")

INSN_RE = re.compile(
    r'^\s*INSN\(\s*(\w+)\s*,\s*"([^"]*)"\s*,\s*(0x[0-9a-fA-F]+)\s*,\s*(0x[0-9a-fA-F]+)\s*,'
    r'\s*(\w+)\s*,\s*(\w+)\s*,\s*"([^"]*)"\s*,\s*(\d+)\s*\)')

# a disassembled objdump line: "   1a:\t00a50513          \taddi\ta0,a0,10"
OBJDUMP_LINE = re.compile(r'^\s*([0-9a-f]+):\s+([0-9a-f]+)\s+(.*)$')


def parse_table(path):
    lines = []
    with open(path) as f:
        for ln in f:
            m = INSN_RE.match(ln)
            if m:
                ident, mnem, mask, match, _fmt, _sem, ops, xlen = m.groups()
                lines.append(dict(id=ident, mnem=mnem, mask=int(mask, 16),
                                  match=int(match, 16), ops=ops, xlen=int(xlen)))
    if not lines:
        raise SystemExit("check.py: no INSN lines found in %s" % path)
    return lines


def run(cmd, **kw):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True, **kw)
    if p.returncode != 0:
        sys.stdout.write("FAIL disasm/setup: %s exited %d: %s\n"
                         % (os.path.basename(cmd[0]), p.returncode, p.stderr.strip()[:500]))
        sys.exit(2)
    return p.stdout


def rvscope_disasm(rvscope, xlen, words):
    """word -> 'mnemonic\toperands' (or '.insn\t...'), all in one call."""
    out = run([rvscope, "--disassemble", "--isa", "rv%dimac" % xlen]
              + ["%x" % w for w in words])
    res = {}
    for ln in out.splitlines():
        word, _, text = ln.partition("\t")
        res[int(word, 16)] = text
    return res


def objdump_disasm(tools, xlen, words, tmp):
    """List of (word, address, text) in the order given, one objdump call."""
    src = os.path.join(tmp, "w%d.s" % xlen)
    obj = os.path.join(tmp, "w%d.o" % xlen)
    addrs = []
    addr = 0
    with open(src, "w") as f:
        f.write("\t.text\n")
        for w in words:
            size = 4 if (w & 3) == 3 else 2
            f.write("\t.insn %d, 0x%x\n" % (size, w))
            addrs.append(addr)
            addr += size
    run([tools + "as", "-march=rv%dimac_zicsr_zifencei" % xlen,
         "-mabi=" + ("ilp32" if xlen == 32 else "lp64"), "-o", obj, src])
    out = run([tools + "objdump", "-d", "-M", "no-aliases", obj])
    by_addr = {}
    for ln in out.splitlines():
        m = OBJDUMP_LINE.match(ln)
        if m:
            by_addr[int(m.group(1), 16)] = (int(m.group(2), 16), m.group(3))
    res = []
    for w, a in zip(words, addrs):
        got = by_addr.get(a)
        if got is None or got[0] != w:
            sys.stdout.write("FAIL disasm/setup: objdump has no line for word %x at 0x%x\n" % (w, a))
            sys.exit(2)
        res.append((w, a, got[1]))
    return res


def norm_ws(s):
    # whitespace is cosmetic: objdump pads with spaces/tabs, rvscope uses one tab
    return re.sub(r"\s+", " ", s.strip())


def norm_rvscope(text):
    # `.insn\t2, 0x2000` (rvscope) and `.2byte\t0x2000` (objdump) both say "not an
    # instruction of this ISA"; the value is the word itself, already compared
    if text.startswith(".insn"):
        return "<illegal>"
    return norm_ws(text)


def norm_objdump(text, addr, xlen):
    # objdump's "# comment" tails (e.g. the target of auipc pairs) are not part
    # of the instruction; rvscope has none
    text = re.sub(r"\s+#.*$", "", text)
    if re.match(r"^\.(2|4|8)byte\b", text) or text.startswith(".word") or text.startswith(".short"):
        return "<illegal>"
    # Branch/jump targets: objdump prints the absolute address of the word in
    # the object plus a symbol, "fffffffffffdb5ea <.text+0x...>"; rvscope's
    # --disassemble takes pc = 0 for every word and prints "0x...". Rebase the
    # objdump target to pc = 0 (target - address of the word, modulo XLEN) and
    # print it the same way; the offset itself is still fully compared.
    m = re.search(r"(^|[\s,])([0-9a-f]+) <[^>]*>$", text)
    if m:
        target = (int(m.group(2), 16) - addr) & ((1 << xlen) - 1)
        text = text[:m.start(2)] + "0x%x" % target
    return norm_ws(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-n", "--count", type=int, default=20,
                    help="valid encodings wanted per mnemonic and XLEN")
    ap.add_argument("--tries", type=int, default=0,
                    help="random encodings drawn per mnemonic and XLEN at most (default 20*count)")
    ap.add_argument("--rvscope", default=os.environ.get("RVSCOPE", os.path.join(ROOT, "build", "rvscope")))
    ap.add_argument("--tools", default="riscv64-unknown-elf-", help="binutils prefix")
    ap.add_argument("--xlen", type=int, choices=(32, 64), action="append")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every word compared")
    args = ap.parse_args()
    tries = args.tries or 20 * args.count
    table = parse_table(TABLE)
    rng = random.Random(args.seed)
    failed = 0

    with tempfile.TemporaryDirectory() as tmp:
        for xlen in args.xlen or (32, 64):
            # group the table lines by the test name (a mnemonic may have one
            # line per XLEN, e.g. slli32/slli64)
            groups = {}
            for t in table:
                if t["xlen"] in (0, xlen):
                    groups.setdefault(t["mnem"], []).append(t)
            # draw candidates; rvscope says which are valid. Drawing is done
            # in rounds so one rvscope call per round suffices (at most a few).
            cands = {m: [] for m in groups}
            seen = set()
            valid = {m: [] for m in groups}
            rejected = {m: [] for m in groups}
            drawn = {m: 0 for m in groups}
            rounds = 0
            while True:
                batch = []
                for m, lines in groups.items():
                    if len(valid[m]) >= args.count or drawn[m] >= tries:
                        continue
                    want = max(args.count - len(valid[m]), 1) * (2 if rounds else 1)
                    for _ in range(min(want * 2, tries - drawn[m])):
                        t = lines[rng.randrange(len(lines))]
                        bits = 16 if (t["match"] & 3) != 3 else 32
                        w = (rng.getrandbits(bits) & ~t["mask"] | t["match"]) & ((1 << bits) - 1)
                        drawn[m] += 1
                        if w in seen:
                            continue
                        seen.add(w)
                        batch.append((m, w))
                if not batch:
                    break
                rounds += 1
                dis = rvscope_disasm(args.rvscope, xlen, [w for _, w in batch])
                for m, w in batch:
                    if w not in dis:
                        sys.stdout.write("FAIL disasm/setup: rvscope printed nothing for %x\n" % w)
                        return 2
                    if dis[w].startswith(".insn"):
                        rejected[m].append((w, dis[w]))
                    elif len(valid[m]) < args.count:
                        valid[m].append((w, dis[w]))

            order = []
            for m in groups:
                order += [(m, w, d) for w, d in valid[m]] + [(m, w, d) for w, d in rejected[m]]
            od = objdump_disasm(args.tools, xlen, [w for _, w, _ in order], tmp)

            result = {m: None for m in groups}
            for (m, w, d), (_, addr, otext) in zip(order, od):
                r = norm_rvscope(d)
                o = norm_objdump(otext, addr, xlen)
                if args.verbose:
                    sys.stdout.write("  rv%d %-12s %08x  %-40s %s\n" % (xlen, m, w, d.replace("\t", " "), otext))
                if r != o and result[m] is None:
                    width = 8 if (w & 3) == 3 else 4
                    result[m] = "%0*x rvscope '%s' objdump '%s'" % (
                        width, w, d.replace("\t", " "), otext.strip().replace("\t", " "))
            for m in groups:
                name = "disasm/rv%d/%s" % (xlen, m)
                if result[m] is None and not valid[m]:
                    result[m] = "no valid encoding in %d random tries (all %d distinct ones rejected by rvscope)" % (
                        drawn[m], len(rejected[m]))
                if result[m] is None:
                    sys.stdout.write("PASS %s\n" % name)
                else:
                    failed += 1
                    sys.stdout.write("FAIL %s: %s\n" % (name, result[m]))
            skips = ["%s %d" % (m, len(rejected[m])) for m in groups if rejected[m]]
            sys.stdout.write("rv%d: %d words compared; skipped (rejected by rvscope, objdump agrees): %s\n"
                             % (xlen, len(order), ", ".join(skips) or "none"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
