#!/usr/bin/env python3
"""Expected values for tests/elf/test_elf, computed from binutils only
(nm, readelf, objdump, addr2line), never from rvscope's own loader.

    expect.py header|syms|symat|lines|line2addr|load ELF

prints the lines test_elf reads on stdin (see its header comment).
CROSS (default riscv64-unknown-elf-) is the binutils prefix."""
import os
import re
import subprocess
import sys

CROSS = os.environ.get("CROSS", "riscv64-unknown-elf-")


def tool(name, *args, stdin=None):
    return subprocess.run([CROSS + name, *args], input=stdin, capture_output=True,
                          text=True, check=True).stdout


def nm(elf):
    """Defined symbols as (addr, size or None, type letter, name), the ones
    the loader keeps: no RISC-V mapping symbols ($x), no .L labels."""
    out = []
    for line in tool("nm", "-S", "-n", "--defined-only", elf).splitlines():
        f = line.split()
        if len(f) == 4:
            addr, size, typ, name = int(f[0], 16), int(f[1], 16), f[2], f[3]
        elif len(f) == 3:
            addr, size, typ, name = int(f[0], 16), None, f[1], f[2]
        else:
            continue
        if name.startswith("$") or name.startswith(".L"):
            continue
        out.append((addr, size, typ, name))
    return out


def exec_ranges(elf, need="AX"):
    """[start, end) of allocated executable sections, from readelf -S
    (of all allocated sections with need="A")."""
    ranges = []
    for line in tool("readelf", "-SW", elf).splitlines():
        line = line.replace("[ ", "[")
        f = line.split()
        if len(f) < 8 or not f[0].startswith("["):
            continue
        try:
            addr, size = int(f[3], 16), int(f[5], 16)
        except ValueError:
            continue
        flags = f[7] if len(f) > 7 else ""
        if all(c in flags for c in need) and size:
            ranges.append((addr, addr + size))
    return ranges


def header(elf):
    entry = xlen = None
    for line in tool("readelf", "-h", elf).splitlines():
        if "Entry point address:" in line:
            entry = line.split()[-1]
        if line.strip().startswith("Class:"):
            xlen = 64 if "ELF64" in line else 32
    print(entry[2:] if entry.startswith("0x") else entry, xlen)


def syms(elf):
    table = nm(elf)
    by_name = {}
    for addr, _, typ, name in table:
        by_name.setdefault(name, []).append((typ, addr))
    for name, defs in sorted(by_name.items()):
        # a global definition wins over statics of the same name, then the
        # lowest address (the loader's documented rule)
        glob = [a for t, a in defs if t.isupper()]
        want = min(glob) if glob else min(a for _, a in defs)
        print(name, "%x" % want, len(table))


def symat(elf):
    # absolute symbols are constants, not places in memory
    table = [s for s in nm(elf) if s[2] not in "aA"]
    addrs = sorted({s[0] for s in table})
    count = {}
    for s in table:
        count[s[0]] = count.get(s[0], 0) + 1

    def next_after(a):
        for b in addrs:
            if b > a:
                return b
        return None

    out = []
    if addrs and addrs[0] > 0:
        out.append((addrs[0] - 1, "-", 0))
    for addr, size, typ, name in table:
        if count[addr] > 1:
            continue  # which of several names is "best" is a loader choice
        nxt = next_after(addr)
        if size:  # a function or object: its whole extent, nothing after
            end = addr + size
            if nxt is not None and nxt < end:
                continue  # something inside it: objdump would show that one
            out.append((addr, name, 0))
            out.append((end - 1, name, size - 1))
            if nxt is None or nxt > end:
                out.append((end, "-", 0))
        else:  # a label: the nearest symbol below, up to 64 KiB
            out.append((addr, name, 0))
            last = (nxt - 1) if nxt is not None else addr + 0xffff
            last = min(last, addr + 0xffff)
            out.append((last, name, last - addr))
            if last == addr + 0xffff and (nxt is None or nxt > addr + 0x10000):
                out.append((addr + 0x10000, "-", 0))
    for a, n, o in out:
        print("%x %s %x" % (a, n, o))


def lines(elf):
    addrs = [int(m.group(1), 16) for m in
             re.finditer(r"^\s*([0-9a-f]+):\t", tool("objdump", "-d", elf), re.M)]
    # also the byte after every instruction run and odd addresses inside
    # instructions: a range covers all of its bytes
    extra = [a + 1 for a in addrs]
    # and next to the code but outside every section (addr2line would name
    # a variable's declaration line for an address in data)
    alloc = exec_ranges(elf, "A")
    outside = [a for s, e in exec_ranges(elf) for a in (s - 1, e, e + 0x100)
               if not any(s2 <= a < e2 for s2, e2 in alloc)]
    query = addrs + extra + outside
    out = tool("addr2line", "-e", elf, stdin="\n".join("%x" % a for a in query) + "\n")
    for a, res in zip(query, out.splitlines()):
        res = res.split(" (discriminator")[0]
        path, _, num = res.rpartition(":")
        if path.startswith("??") or not num.isdigit() or int(num) == 0:
            print("%x -" % a)
        else:
            print("%x %s %s" % (a, os.path.basename(path), num))


def line2addr(elf):
    """Lowest is_stmt address of each file:line in executable sections;
    a line without rows gets the next line that has some; past the last
    line of a file there is nothing."""
    ranges = exec_ranges(elf)
    rows = {}  # basename -> {line: lowest addr}
    for line in tool("readelf", "-wL", elf).splitlines():
        f = line.split()
        if len(f) < 4 or not f[1].isdigit() or not f[2].startswith("0x") or f[-1] != "x":
            continue
        addr = int(f[2], 16)
        if ranges and not any(s <= addr < e for s, e in ranges):
            continue  # removed by --gc-sections
        d = rows.setdefault(os.path.basename(f[0]), {})
        ln = int(f[1])
        d[ln] = min(d.get(ln, addr), addr)
    for name, d in sorted(rows.items()):
        last = max(d)
        for ln in range(1, last + 3):
            nxt = [l for l in d if l >= ln]
            want = "%x" % d[min(nxt)] if nxt else "-"
            print(name, ln, want)


def load(elf):
    for line in tool("readelf", "-lW", elf).splitlines():
        f = line.split()
        if f and f[0] == "LOAD" and int(f[5], 16) > 0:
            # offset vaddr paddr filesz memsz
            print(f[1][2:], f[3][2:], f[4][2:], f[5][2:])


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("header", "syms", "symat", "lines",
                                                 "line2addr", "load"):
        sys.exit(__doc__)
    globals()[sys.argv[1]](sys.argv[2])
