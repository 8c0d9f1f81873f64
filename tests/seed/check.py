#!/usr/bin/env python3
"""Compare a seed-001 program's output with the output the seed prints.

The seed's outputs come from NEMU, where the program sits at other
addresses, so addresses (8 hex digits starting with 8) and instruction
words are masked for the line-by-line comparison.  Every masked value is
then checked on its own against the ELF (nm for arr, objdump for the
ecall and the store that the trigger watches), so masking hides nothing.

usage: check.py MODE ELF SRC EXPECTED OUTPUT
  MODE prefix  output starts with EXPECTED (checks up to the trigger)
       full    output equals EXPECTED
       stop    output starts with EXPECTED and the program went no
               further (seed task 2: action 8 halts the machine)
Prints nothing and exits 0 on success, else prints one line saying why.
"""
import re
import subprocess
import sys

OBJDUMP = "riscv64-unknown-elf-objdump"
NM = "riscv64-unknown-elf-nm"


def mask(line):
    line = re.sub(r"\b8[0-9a-f]{7}\b", "ADDR", line)
    return re.sub(r"instr=[0-9a-f]+", "instr=INSN", line)


def elf_facts(elf, src):
    """arr's address, the ecall in main, and the store `arr[i] = i + 1`."""
    facts = {"words": {}}
    for l in subprocess.run([NM, elf], capture_output=True, text=True, check=True).stdout.splitlines():
        f = l.split()
        if len(f) == 3 and f[2] == "arr":
            facts["arr"] = int(f[0], 16)
    store_line = None
    with open(src) as fh:
        for n, l in enumerate(fh, 1):
            if "arr[i] = i + 1;" in l:
                store_line = n
    dump = subprocess.run([OBJDUMP, "-d", "-l", elf], capture_output=True, text=True, check=True).stdout
    in_main, cur_line = False, None
    for l in dump.splitlines():
        if re.match(r"^[0-9a-f]+ <", l):
            in_main = l.endswith("<main>:")
            continue
        m = re.match(r"^\S*:(\d+)( \(discriminator \d+\))?$", l)
        if m:
            cur_line = int(m.group(1))
            continue
        m = re.match(r"^\s*([0-9a-f]+):\s+([0-9a-f]+)\s+(\S+)", l)
        if not m:
            continue
        addr, word, op = int(m.group(1), 16), int(m.group(2), 16), m.group(3)
        facts["words"][addr] = word
        if in_main and op == "ecall":
            facts["ecall"] = addr
        if in_main and cur_line == store_line and op in ("sw", "c.sw"):
            facts["store"] = addr
    return facts


def check_values(lines, facts):
    """Check each line's real addresses against the ELF; return an error or None."""
    arr = facts["arr"]
    for l in lines:
        m = re.match(r"Setting up trigger on &arr\[5\]=([0-9a-f]+)$", l)
        if m and int(m.group(1), 16) != arr + 20:
            return f"&arr[5] printed as {m.group(1)}, nm says {arr + 20:x}"
        m = re.match(r"Storing arr\[(\d+)\], addr = ([0-9a-f]+),", l)
        if m and int(m.group(2), 16) != arr + 4 * int(m.group(1)):
            return f"bad address in: {l}"
        m = re.match(r"Environment call from M-mode, epc=([0-9a-f]+), instr=([0-9a-f]+)$", l)
        if m:
            if int(m.group(1), 16) != facts.get("ecall"):
                return f"ecall epc {m.group(1)}, objdump says the ecall is at {facts.get('ecall', 0):x}"
            if m.group(2) != "73":
                return f"ecall instr printed as {m.group(2)}"
        m = re.match(r"Breakpoint, epc=([0-9a-f]+), instr=([0-9a-f]+), tdata2=([0-9a-f]+)\((-?\d+)\)$", l)
        if m:
            epc, insn, t2, val = int(m.group(1), 16), int(m.group(2), 16), int(m.group(3), 16), int(m.group(4))
            # Sdtrig store trigger, hit = immediately after: mepc is the
            # instruction after the store (no C in seed builds: +4).
            want = facts.get("store", -4) + 4
            if epc != want:
                return f"breakpoint epc {epc:x}, want {want:x} (the instruction after the store)"
            if insn != facts["words"].get(epc):
                return f"breakpoint instr {insn:x}, objdump has {facts['words'].get(epc, 0):x} at {epc:x}"
            idx = (t2 - arr) // 4
            if (t2 - arr) % 4 or not 0 <= idx < 10 or val != idx + 1:
                return f"bad tdata2/value in: {l}"
        m = re.match(r"Next trigger: &arr\[(\d+)\]=([0-9a-f]+)$", l)
        if m and int(m.group(2), 16) != arr + 4 * int(m.group(1)):
            return f"bad address in: {l}"
    return None


def main():
    mode, elf, src, expected, output = sys.argv[1:6]
    with open(expected) as fh:
        want = fh.read().splitlines()
    with open(output, errors="replace") as fh:
        got = fh.read().splitlines()
    gm, wm = [mask(l) for l in got], [mask(l) for l in want]
    n = len(wm) if mode != "full" else max(len(wm), len(gm))
    for i in range(n):
        g = gm[i] if i < len(gm) else "<end of output>"
        w = wm[i] if i < len(wm) else "<end of expected>"
        if g != w:
            print(f"line {i + 1}: got {got[i] if i < len(got) else g!r}, want {want[i] if i < len(want) else w!r}")
            return 1
    if mode == "stop":
        after = [l for l in got[len(want):] if l.startswith(("Storing arr", "Loading arr"))]
        if after:
            print(f"the program went on after the trigger: {after[0]!r}")
            return 1
    err = check_values(got[:n], elf_facts(elf, src))
    if err:
        print(err)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
