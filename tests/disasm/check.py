#!/usr/bin/env python3
"""rvscope's disassembler against GNU objdump (binutils 2.40), for every line
of src/core/insn_table.h.

For each mnemonic and each XLEN its table line(s) exist in, random encodings
are drawn: random bits outside the line's mask, the match inside it.  Words
rvscope rejects (it prints `.insn`) are skipped and counted until N valid
ones are found; a mnemonic that never yields a valid encoding fails.  The
skipped words are still compared with objdump for the accept/reject decision.

On top of that, per XLEN:
  near-misses  every kept valid word with one random bit of its mask flipped
               (neighbouring encodings: other funct3/funct7, reserved bits,
               RV32 shamt[5], ...), compared like the rest;
  csr-names    csrrs a0,CSR,zero for all 4096 CSR numbers (random words only
               rarely hit a named CSR);
  compressed-all  every 16-bit word (49152), valid or not.

All words of one XLEN go through ONE `rvscope --disassemble` call and ONE
as + objdump call.  The words are `.insn` directives in an ELF object built
with -march=rv{32,64}imafdc_zicsr_zifencei_zba_zbb_zbs: objdump then
decodes exactly rvscope's ISA (the object's arch attribute makes it refuse
Q/V/... encodings, which a raw `-b binary` dump would decode), and `.insn`
words are marked as code (`.word` would be data, $d). Zicond is newer than
binutils 2.40: its words are a known difference here, and tests/disasm/run.sh
checks them against hand-assembled encodings.

Output: one line per mnemonic and XLEN,
  PASS disasm/rv64/addi
  FAIL disasm/rv64/addi: <word> rvscope '<...>' objdump '<...>'
then informational lines (not starting with PASS/FAIL).
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
    r'\s*(\w+)\s*,\s*(\w+)\s*,\s*"([^"]*)"\s*,\s*(\d+)\s*(?:,\s*(\w+)\s*)?\)')

# a disassembled objdump line: "   1a:\t00a50513          \taddi\ta0,a0,10"
OBJDUMP_LINE = re.compile(r'^\s*([0-9a-f]+):\s+([0-9a-f]+)\s+(.*)$')

ILLEGAL = "<illegal>"


def parse_table(path):
    lines = []
    with open(path) as f:
        for ln in f:
            m = INSN_RE.match(ln)
            if m:
                ident, mnem, mask, match, _fmt, _sem, ops, xlen, _ext = m.groups()
                lines.append(dict(id=ident, mnem=mnem, mask=int(mask, 16),
                                  match=int(match, 16), ops=ops, xlen=int(xlen)))
    if not lines:
        raise SystemExit("check.py: no INSN lines found in %s" % path)
    return lines


def is16(w):
    return (w & 3) != 3


def hexw(w):
    return "%04x" % w if is16(w) else "%08x" % w


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    if p.returncode != 0:
        sys.stdout.write("FAIL disasm/setup: %s exited %d: %s\n"
                         % (os.path.basename(cmd[0]), p.returncode, p.stderr.strip()[:500]))
        sys.exit(2)
    return p.stdout


def rvscope_disasm(rvscope, xlen, words):
    """{word: 'mnemonic\\toperands' or '.insn\\t...'}, in one call (more only
    when the words would not fit on one command line, for a large --count)."""
    out = ""
    for i in range(0, len(words), 30000):
        out += run([rvscope, "--disassemble", "--isa", "rv%dimac" % xlen]
                   + ["%x" % w for w in words[i:i + 30000]])
    res = {}
    for ln in out.splitlines():
        word, _, text = ln.partition("\t")
        res[int(word, 16)] = text
    missing = [w for w in words if w not in res]
    if missing:
        sys.stdout.write("FAIL disasm/setup: rvscope printed nothing for %x\n" % missing[0])
        sys.exit(2)
    return res


def objdump_disasm(tools, xlen, words, tmp):
    """{word: (address, text)}, in one as + one objdump call."""
    src = os.path.join(tmp, "w%d.s" % xlen)
    obj = os.path.join(tmp, "w%d.o" % xlen)
    addrs = {}
    addr = 0
    with open(src, "w") as f:
        f.write("\t.text\n")
        for w in words:
            f.write("\t.insn %d, 0x%x\n" % (2 if is16(w) else 4, w))
            addrs[addr] = w
            addr += 2 if is16(w) else 4
    run([tools + "as", "-march=rv%dimafdc_zicsr_zifencei_zba_zbb_zbs" % xlen,
         "-mabi=" + ("ilp32" if xlen == 32 else "lp64"), "-o", obj, src])
    out = run([tools + "objdump", "-d", "-M", "no-aliases", obj])
    res = {}
    for ln in out.splitlines():
        m = OBJDUMP_LINE.match(ln)
        if m and int(m.group(1), 16) in addrs:
            a = int(m.group(1), 16)
            if int(m.group(2), 16) == addrs[a]:
                res[addrs[a]] = (a, m.group(3))
    missing = [w for w in words if w not in res]
    if missing:
        sys.stdout.write("FAIL disasm/setup: no objdump line for word %x\n" % missing[0])
        sys.exit(2)
    return res


def norm_ws(s):
    # whitespace is cosmetic: objdump pads with spaces and tabs, rvscope uses one tab
    return re.sub(r"\s+", " ", s.strip())


def norm_rvscope(text):
    # `.insn\t2, 0x2000` (rvscope) and `.2byte\t0x2000` (objdump) both say "not an
    # instruction of this ISA"; the value is the word itself, compared anyway
    if text.startswith(".insn"):
        return ILLEGAL
    return norm_ws(text)


def norm_objdump(text, addr, xlen):
    # objdump's "# comment" tails (addresses it infers from register values it
    # tracks, e.g. "c.addi tp,0 # 0 <.text>") are not part of the instruction
    text = re.sub(r"\s+#.*$", "", text)
    if re.match(r"^\.(2|4|8)byte\b", text):
        return ILLEGAL
    # Branch/jump targets: objdump prints the absolute address (the word's
    # address in the object + offset) in hex without 0x, plus a symbol:
    # "fffffffffffdb5ea <.text+0x...>"; rvscope's --disassemble takes pc = 0
    # for every word and prints "0x...". Rebase objdump's target to pc = 0
    # (target - address of the word, modulo 2^XLEN) and print it like rvscope;
    # the offset itself is still fully compared.
    m = re.search(r"(?:^|[\s,])([0-9a-f]+) <[^>]*>$", text)
    if m:
        target = (int(m.group(1), 16) - addr) & ((1 << xlen) - 1)
        text = text[:m.start(1)] + "0x%x" % target
    return norm_ws(text)


# ---------------------------------------------------------------------------
# Known accept/reject differences, where rvscope follows the RISC-V spec and
# objdump does not decode the same set of words.  They are not counted as
# failures (unless --strict), but counted and listed.  Each is a decoder
# decision (src/core/decode.c), not a disassembler one.

def fence_twin(w):
    """FENCE / FENCE.I with the fields the spec reserves cleared."""
    if w & 0x707f == 0x000f:
        return w & 0x0ff0707f          # fm, rs1, rd
    if w & 0x707f == 0x100f:
        return 0x0000100f              # imm, rs1, rd
    return None


def known_difference(xlen, w, r, o):
    """Why rvscope's r and objdump's o (normalised) may differ for w, or None."""
    if is16(w):
        # RV32C: c.slli/c.srli/c.srai with shamt[5] = 1 are reserved for custom
        # extensions (unpriv. spec, "Integer Register-Immediate Operations");
        # binutils 2.40 decodes them as shifts by 32..63 on RV32 too.
        if (xlen == 32 and r == ILLEGAL and w & 0x1000 and
                (w & 0xe003 == 0x0002 or w & 0xec03 in (0x8001, 0x8401))):
            return "RV32 c.slli/c.srli/c.srai with shamt[5]=1 (reserved, rvscope rejects, objdump decodes)"
        # C.ADDI16SP with nzimm = 0 is reserved; objdump prints "c.addi16sp sp,0"
        if r == ILLEGAL and w == 0x6101:
            return "c.addi16sp with nzimm=0 (reserved, rvscope rejects, objdump decodes)"
        return None
    # RV32I: SLLI/SRLI/SRAI with imm[5] = 1 are reserved; objdump decodes them
    if (xlen == 32 and r == ILLEGAL and w & 0x7f == 0x13 and (w >> 12) & 3 == 1 and
            w & 0x02000000):
        return "RV32 slli/srli/srai with shamt[5]=1 (reserved, rvscope rejects, objdump decodes)"
    # SFENCE.VM rs1 is privileged spec 1.9.1 (removed in 1.10, rvscope is
    # 1.12); binutils still decodes it whatever the priv spec
    if r == ILLEGAL and w & 0xfff07fff == 0x10400073:
        return "sfence.vm (priv. spec 1.9.1 only; rvscope rejects, objdump decodes)"
    # URET belonged to the N extension, which the privileged spec dropped
    if r == ILLEGAL and w == 0x00200073:
        return "uret (N extension, dropped from the spec; rvscope rejects, objdump decodes)"
    # FENCE: "base implementations shall ignore" rs1/rd, and fm values other
    # than 0000 (and 1000 for fence.tso) "should be treated as a normal fence";
    # FENCE.I: imm, rs1 and rd likewise.  rvscope executes them; objdump only
    # decodes the zeroed forms (.4byte otherwise).  The operands are still
    # compared, against objdump's text for the word with those fields zeroed.
    if fence_twin(w) not in (None, w) and r != ILLEGAL and o == ILLEGAL:
        return "fence/fence.i with non-zero reserved fields (spec: ignore them; rvscope executes, objdump refuses)"
    # fcvt.d.s, fcvt.d.w, fcvt.d.wu are exact, but have an rm field like the
    # other conversions; binutils 2.40 decodes them only with rm = 000
    if (r != ILLEGAL and o == ILLEGAL and (w >> 12) & 7 and
            w & 0xfff0007f in (0x42000053, 0xd2000053, 0xd2100053)):
        return "fcvt.d.s/fcvt.d.w/fcvt.d.wu with rm != 000 (rvscope decodes the rm field, binutils 2.40 refuses)"
    if r != ILLEGAL and o == ILLEGAL and w & 0xfe00507f == 0x0e005033:
        return "czero.eqz/czero.nez (Zicond is newer than binutils 2.40; run.sh checks them by hand)"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-n", "--count", type=int, default=20,
                    help="valid encodings wanted per mnemonic and XLEN")
    ap.add_argument("--tries", type=int, default=0,
                    help="random encodings drawn per mnemonic and XLEN at most (default 3*count)")
    ap.add_argument("--rvscope", default=os.environ.get("RVSCOPE", os.path.join(ROOT, "build", "rvscope")))
    ap.add_argument("--tools", default="riscv64-unknown-elf-", help="binutils prefix")
    ap.add_argument("--xlen", type=int, choices=(32, 64), action="append")
    ap.add_argument("--strict", action="store_true",
                    help="known accept/reject differences fail too")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every word compared")
    args = ap.parse_args()
    tries = args.tries or 3 * args.count
    table = parse_table(TABLE)
    rng = random.Random(args.seed)
    failed = 0

    with tempfile.TemporaryDirectory() as tmp:
        for xlen in args.xlen or (32, 64):
            # test names: one per mnemonic (a mnemonic may have one line per
            # XLEN, e.g. slli32/slli64, or several, e.g. c.addi and c.nop)
            groups = {}
            for t in table:
                if t["xlen"] in (0, xlen):
                    groups.setdefault(t["mnem"], []).append(t)

            # the pool: up to `tries` distinct random encodings per mnemonic
            pool = {}
            for m, lines in groups.items():
                ws, seen = [], set()
                for _ in range(tries):
                    t = lines[rng.randrange(len(lines))]
                    bits = 16 if is16(t["match"]) else 32
                    w = (rng.getrandbits(bits) & ~t["mask"] | t["match"]) & ((1 << bits) - 1)
                    if w not in seen:
                        seen.add(w)
                        ws.append((w, t))
                pool[m] = ws
            # near misses: the first `count` pool words of each mnemonic with
            # one bit of their line's mask flipped (not the length bits 1:0,
            # and no 48/64-bit encodings)
            near = []
            for m in groups:
                for w, t in pool[m][:args.count]:
                    bits = [b for b in range(2, 16 if is16(w) else 32) if t["mask"] >> b & 1]
                    v = w ^ (1 << rng.choice(bits))
                    if is16(v) or v & 0x1f != 0x1f:
                        near.append((w, v))
            csrs = [(c << 20) | (2 << 12) | (10 << 7) | 0x73 for c in range(4096)]
            rvc = [w for w in range(0x10000) if is16(w)]

            everything = []
            for m in groups:
                everything += [w for w, _ in pool[m]]
            everything += [v for _, v in near] + csrs + rvc
            everything = list(dict.fromkeys(everything))      # distinct, in order
            twins = [fence_twin(w) for w in everything if fence_twin(w) is not None]
            rv = rvscope_disasm(args.rvscope, xlen, everything)
            od = objdump_disasm(args.tools, xlen, list(dict.fromkeys(everything + twins)), tmp)

            known = {}

            def compare(w):
                """None if rvscope and objdump agree on w, else the failure text."""
                r = norm_rvscope(rv[w])
                addr, otext = od[w]
                o = norm_objdump(otext, addr, xlen)
                why = known_difference(xlen, w, r, o) if r != o else None
                if why and fence_twin(w) not in (None, w):
                    # compare the operands against the canonical encoding
                    ta, ttext = od[fence_twin(w)]
                    if norm_objdump(ttext, ta, xlen) != r:
                        why = None
                        otext = "%s (for %s: %s)" % (otext, hexw(fence_twin(w)), ttext)
                if args.verbose:
                    sys.stdout.write("  rv%d %s  %-36s %s%s\n" % (
                        xlen, hexw(w), rv[w].replace("\t", " "), otext.replace("\t", " "),
                        "   [known: %s]" % why if why else ""))
                if r == o:
                    return None
                if why and not args.strict:
                    known.setdefault(why, {})[hexw(w)] = True
                    return None
                return "%s rvscope '%s' objdump '%s'%s" % (
                    hexw(w), rv[w].replace("\t", " "), otext.strip().replace("\t", " "),
                    " [%s]" % why if why else "")

            def report(name, fail):
                nonlocal failed
                if fail is None:
                    sys.stdout.write("PASS %s\n" % name)
                else:
                    failed += 1
                    sys.stdout.write("FAIL %s: %s\n" % (name, fail))

            skips = []
            for m in groups:
                valid = rejected = 0
                fail = None
                for w, _ in pool[m]:
                    if valid >= args.count:
                        break
                    if rv[w].startswith(".insn"):
                        rejected += 1
                    else:
                        valid += 1
                    f = compare(w)
                    fail = fail or f
                if valid == 0:
                    fail = fail or "no valid encoding in %d distinct random tries" % len(pool[m])
                if rejected:
                    skips.append("%s %d" % (m, rejected))
                report("disasm/rv%d/%s" % (xlen, m), fail)
            fail = None
            for _, v in near:
                f = compare(v)
                fail = fail or f
            report("disasm/rv%d/near-misses" % xlen, fail)
            fail = None
            for w in csrs:
                f = compare(w)
                fail = fail or f
            report("disasm/rv%d/csr-names" % xlen, fail)
            fail = None
            for w in rvc:
                f = compare(w)
                fail = fail or f
            report("disasm/rv%d/compressed-all" % xlen, fail)

            sys.stdout.write("rv%d: %d words; random encodings rvscope rejects (skipped, checked with objdump): %s\n"
                             % (xlen, len(everything), ", ".join(skips) or "none"))
            for why, ws in known.items():
                sys.stdout.write("rv%d: known difference, %d words (e.g. %s): %s\n"
                                 % (xlen, len(ws), " ".join(list(ws)[:4]), why))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
