#!/usr/bin/env python3
"""rvscope's Debug Module as Debian's real OpenOCD (0.12) and gdb-multiarch
see it: rvscope --jtag on a free port, OpenOCD started by GDB through a pipe
(gdb_port pipe: no port of its own), tools/openocd/rvscope.cfg, and the
guest of the debugger tests (tests/debugger/harts.c: hart i counts in
counters[i] for ever; hart 1 calls hit() every 1024 counts).

Sessions, each a new OpenOCD and GDB against the same rvscope:
  halted    --halted: at _start before OpenOCD halts anything, counters 0
  regs      the harts ran before OpenOCD halted them (counters > 0); one
            thread per hart with mhartid = thread - 1; misa as the spec
            spells rv32imac/rv64imac; dcsr (xdebugver 4, cause 3 = halt
            request, prv 3); GPR and CSR writes read back; dcsr.stepie is
            writable from GDB
  memory    writes through system bus access read back through the program
            buffer and the other way round; code bytes equal the ELF's
            (objdump); resume then halt: every counter moved
  points    software breakpoint (ebreak, dcsr.ebreakm) with the hart that
            hit it; stepi moves to the next instruction (objdump); a
            hardware breakpoint and a hardware watchpoint (trigger module)
            with old/new values one apart
  reset     monitor reset halt: every hart at _start with a0 = its hart id;
            load through each memory path; compare-sections matches the ELF
  stepie    OpenOCD's step (dcsr.step; GDB's own stepi is a software step on
            RISC-V) with a machine timer interrupt pending (mtimecmp = 0
            through the bus): with dcsr.stepie = 0 (OpenOCD's default) the
            step runs the next instruction; after `set $dcsr = $dcsr | 0x800`
            from GDB it ends at mtvec with mcause = MTI and mepc = where it was

usage: jtag_test.py RVSCOPE ELF HARTS NAME  (prints PASS/FAIL lines)"""
import os
import re
import subprocess
import sys

import elfref

RV, ELF, HARTS, NAME = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
CFG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../tools/openocd/rvscope.cfg")
XLEN = 64 if "rv64" in ELF else 32
# misa by hand: MXL (1 = 32, 2 = 64) at the top, I M A F D C S U (the
# default hart has every extension rvscope implements; docs/fp.md).
EXT = (1 << 8) | (1 << 12) | (1 << 0) | (1 << 5) | (1 << 3) | (1 << 2) | (1 << 18) | (1 << 20)
MISA = (2 << 62 if XLEN == 64 else 1 << 30) | EXT
results = []


def report(name, ok, why=""):
    print(("PASS %s" % name) if ok else ("FAIL %s: %s" % (name, why)), flush=True)


def symbol(name):
    return elfref.symbol(ELF, name, NAME)


def insns():
    return elfref.insns(ELF)


def start_rvscope(*extra):
    return elfref.start_rvscope([RV, "--jtag", "0", "--harts", str(HARTS), *extra, ELF], NAME)


def gdb(port, cmds, timeout=300):
    ocd = ("openocd -c 'set RVSCOPE_PORT %d' -c 'set RVSCOPE_HARTS %d' -c 'gdb_port pipe' "
           "-c 'telnet_port disabled' -c 'tcl_port disabled' -f %s" % (port, HARTS, CFG))
    args = ["gdb-multiarch", "-batch", "-nx", "-ex", "set pagination off", "-ex", "set confirm off",
            "-ex", "set width 0", "-ex", "target extended-remote | " + ocd]
    for c in cmds:
        args += ["-ex", c]
    args.append(ELF)
    try:
        r = subprocess.run(args, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return r.stdout + r.stderr
    except subprocess.TimeoutExpired as e:
        return "TIMEOUT\n" + (e.stdout or b"").decode(errors="replace")


def values(out, tag):
    """The values GDB printed after `echo <tag>\\n` markers: '$N = V'."""
    got = {}
    for m in re.finditer(r"@@(\w+)\n(?:(?!@@).*\n)*?\$\d+ = (.*)", out):
        got.setdefault(m.group(1), m.group(2).strip())
    return got


def p(tag, expr):
    return ["echo @@%s\\n" % tag, "p/x " + expr]


def check(name, cond, why, out):
    if not cond:
        tail = "\n".join(out.splitlines()[-25:])
        report(NAME + "/" + name, False, why + "\n--- GDB/OpenOCD said:\n" + tail)
        return False
    return True


def session_regs(port):
    cmds = ["info threads"] + p("c0", "counters[0]")
    for t in range(1, HARTS + 1):
        cmds += ["thread %d" % t] + p("hartid%d" % t, "$mhartid")
    cmds += ["thread 1"] + p("misa", "$misa") + p("dcsr", "$dcsr")
    cmds += ["set $s1 = 0x1234abcd"] + p("s1", "$s1")
    cmds += ["set $mscratch = 0x5a5a5a5a"] + p("mscratch", "$mscratch")
    cmds += ["set $dcsr = $dcsr | 0x800"] + p("dcsr2", "$dcsr")
    # an FPR (the default hart has D: 64-bit FPRs on RV32 too, data0+data1)
    cmds += ["set $ft0 = 0x4008000000000000"] + p("ft0", "$ft0")
    cmds += ["maintenance flush register-cache"] + p("s1b", "$s1") + p("mscratchb", "$mscratch")
    cmds += ["echo @@ft0force\\n", "monitor reg ft0 force"]    # past OpenOCD's own cache
    out = gdb(port, cmds)
    v = values(out, "")
    ok = check("regs", len(re.findall(r"^\*?\s+\d+\s+Thread \d+ \"rvscope\.cpu\d\"", out, re.M)) == HARTS
               if HARTS > 1 else "rvscope.cpu0" in out or "0x" in out, "not one thread per hart", out)
    ok = ok and check("regs", int(v.get("c0", "0"), 16) > 0, "hart 0 had not run before the halt", out)
    for t in range(1, HARTS + 1):
        ok = ok and check("regs", v.get("hartid%d" % t) == hex(t - 1), "thread %d: mhartid %s" % (t, v.get("hartid%d" % t)), out)
    ok = ok and check("regs", v.get("misa") == hex(MISA), "misa %s, expected %s" % (v.get("misa"), hex(MISA)), out)
    dcsr = int(v.get("dcsr", "0"), 16)
    ok = ok and check("regs", dcsr >> 28 == 4 and (dcsr >> 6) & 7 == 3 and dcsr & 3 == 3,
                      "dcsr %#x: expected xdebugver 4, cause 3 (halt request), prv 3" % dcsr, out)
    ok = ok and check("regs", v.get("s1") == "0x1234abcd" and v.get("s1b") == "0x1234abcd", "s1 write", out)
    ok = ok and check("regs", v.get("mscratch") == "0x5a5a5a5a" and v.get("mscratchb") == "0x5a5a5a5a", "mscratch write", out)
    ok = ok and check("regs", int(v.get("dcsr2", "0"), 16) & 0x800, "dcsr.stepie did not stay set", out)
    forced = re.search(r"@@ft0force\n.*?ft0 \(/64\): (0x[0-9a-f]+)", out, re.S)
    ok = ok and check("regs", "double = 0x4008000000000000" in v.get("ft0", "") and forced
                      and int(forced.group(1), 16) == 0x4008000000000000,
                      "ft0 write: %s, read back from the hart %s" % (v.get("ft0"), forced and forced.group(1)), out)
    if ok:
        report(NAME + "/regs", True)


def session_memory(port, counters, hit_bytes):
    cmds = ["monitor riscv set_mem_access sysbus", "set var counters[7] = 0x1111",
            "monitor riscv set_mem_access progbuf"] + p("m7", "counters[7]")
    cmds += ["set var counters[6] = 0x2222", "monitor riscv set_mem_access sysbus"] + p("m6", "counters[6]")
    cmds += ["echo @@code\\n", "x/%dxb hit" % len(hit_bytes)]
    cmds += ["thread 1"] + p("before", "counters[0]")
    cmds += ["monitor resume", "monitor halt", "maintenance flush register-cache"] + p("after", "counters[0]")
    out = gdb(port, cmds)
    v = values(out, "")
    ok = check("memory", v.get("m7") == "0x1111", "sysbus write / progbuf read: %s" % v.get("m7"), out)
    ok = ok and check("memory", v.get("m6") == "0x2222", "progbuf write / sysbus read: %s" % v.get("m6"), out)
    m = re.search(r"@@code\n((?:.*<hit.*\n?)+)", out)
    got = re.findall(r"0x([0-9a-f]{2})\b", m.group(1)) if m else []
    ok = ok and check("memory", got == hit_bytes, "code at hit: %s, the ELF has %s" % (got, hit_bytes), out)
    try:
        moved = int(v["after"], 16) > int(v["before"], 16)
    except (KeyError, ValueError):
        moved = False
    ok = ok and check("memory", moved, "counters[0] did not move between resume and halt "
                      "(%s -> %s)" % (v.get("before"), v.get("after")), out)
    if ok:
        report(NAME + "/memory", True)


def session_points(port, code):
    line_pc = symbol("count")
    # The breakpoint: hit() for 4 harts (hart 1 calls it), else the loop's
    # increment (GDB puts it after count's prologue; any stop there counts).
    target = "hit" if HARTS > 1 else "harts.c:27"
    cmds = ["break " + target, "continue"] + p("pc1", "$pc")
    cmds += ["echo @@step\\n", "stepi"] + p("pc2", "$pc")
    cmds += ["delete", "hbreak harts.c:28", "continue"] + p("pc3", "$pc")
    cmds += ["delete", "thread 1", "watch counters[0]", "continue", "delete"]
    out = gdb(port, cmds)
    v = values(out, "")
    ok = True
    if HARTS > 1:
        ok = check("points", re.search(r"Thread 2 \"rvscope\.cpu1\" hit Breakpoint 1, hit \(\)", out) is not None,
                   "the software breakpoint at hit() was not reported on hart 1", out)
    else:
        ok = check("points", "Breakpoint 1, count" in out, "no stop at the software breakpoint", out)
    try:
        pc1, pc2 = int(v["pc1"], 16), int(v["pc2"], 16)
        nxt = [a for a, _ in code if a > pc1][0]
    except (KeyError, ValueError, IndexError):
        pc1 = pc2 = nxt = -1
    ok = ok and check("points", pc2 == nxt, "stepi from %#x went to %#x, the next instruction is %#x" % (pc1, pc2, nxt), out)
    ok = ok and check("points", re.search(r"Breakpoint 2, (0x[0-9a-f]+ in )?count .*harts\.c:28", out) is not None,
                      "the hardware breakpoint (harts.c:28) did not stop", out)
    m = re.search(r"Hardware watchpoint \d+: counters\[0\]\s+Old value = (\d+)\s+New value = (\d+)", out)
    ok = ok and check("points", m is not None and int(m.group(2)) == int(m.group(1)) + 1,
                      "the hardware watchpoint on counters[0] did not report old/new one apart", out)
    ok = ok and check("points", "Could not insert" not in out and "Cannot insert" not in out,
                      "a breakpoint or watchpoint could not be inserted", out)
    _ = line_pc
    if ok:
        report(NAME + "/points", True)


def session_reset(port):
    start = symbol("_start")
    cmds = ["monitor reset halt", "maintenance flush register-cache"]
    for t in range(1, HARTS + 1):
        cmds += ["thread %d" % t] + p("pc%d" % t, "$pc") + p("a0%d" % t, "$a0")
    cmds += ["thread 1", "monitor riscv set_mem_access sysbus", "load", "echo @@cmp1\\n", "compare-sections",
             "monitor riscv set_mem_access progbuf", "load", "echo @@cmp2\\n", "compare-sections"]
    out = gdb(port, cmds)
    v = values(out, "")
    ok = True
    for t in range(1, HARTS + 1):
        ok = ok and check("reset", v.get("pc%d" % t) == hex(start) and v.get("a0%d" % t) == hex(t - 1),
                          "thread %d after reset: pc %s a0 %s, expected %s and %s" %
                          (t, v.get("pc%d" % t), v.get("a0%d" % t), hex(start), hex(t - 1)), out)
    for tag in ("cmp1", "cmp2"):
        m = re.search(r"@@%s\n((?:Section .*\n)+)" % tag, out)
        secs = m.group(1).splitlines() if m else []
        ok = ok and check("reset", secs and all(s.endswith("matched.") for s in secs),
                          "load + compare-sections (%s): %s" % (tag, secs or "nothing"), out)
    ok = ok and check("reset", out.count("Transfer rate") == 2, "a load failed", out)
    if ok:
        report(NAME + "/reset", True)


def session_stepie(port, code):
    hit, trap = symbol("hit"), symbol("default_trap")
    nxt = [a for a, _ in code if a > hit][0]
    cmds = ["thread 1", "set $mtvec = %#x" % trap, "set $mie = 0x80", "set $mstatus = $mstatus | 8",
            "set *(unsigned int *)0x2004000 = 0", "set *(unsigned int *)0x2004004 = 0",
            "set $pc = %#x" % hit, "monitor step", "maintenance flush register-cache"]
    cmds += p("pc1", "$pc") + p("mc1", "$mcause")
    cmds += ["set $pc = %#x" % hit, "set $dcsr = $dcsr | 0x800", "monitor step",
             "maintenance flush register-cache"]
    cmds += p("pc2", "$pc") + p("mc2", "$mcause") + p("mepc2", "$mepc")
    # Leave it as it was: no interrupt, stepie off, back in the loop.
    cmds += ["set *(unsigned int *)0x2004004 = 0xffffffff", "set $mie = 0", "set $dcsr = $dcsr & ~0x800"]
    out = gdb(port, cmds)
    v = values(out, "")
    irq = hex((1 << (XLEN - 1)) | 7)
    ok = check("stepie", v.get("pc1") == hex(nxt) and v.get("mc1") != irq,
               "stepie 0: pc %s mcause %s, expected the next instruction %#x and no trap" %
               (v.get("pc1"), v.get("mc1"), nxt), out)
    ok = ok and check("stepie", v.get("pc2") == hex(trap) and v.get("mc2") == irq and v.get("mepc2") == hex(hit),
                      "stepie 1: pc %s mcause %s mepc %s, expected mtvec %#x, %s, %#x" %
                      (v.get("pc2"), v.get("mc2"), v.get("mepc2"), trap, irq, hit), out)
    if ok:
        report(NAME + "/stepie", True)


def session_halted():
    """--halted: every hart is in debug mode at the entry before OpenOCD
    comes (its config told not to halt), and nothing ran: counters are 0."""
    rv, port, errfile = start_rvscope("--halted")
    try:
        r = subprocess.run(["openocd", "-c", "set RVSCOPE_PORT %d" % port, "-c", "set RVSCOPE_HARTS %d" % HARTS,
                            "-c", "set RVSCOPE_NOHALT 1", "-c", "gdb_port disabled", "-c", "telnet_port disabled",
                            "-c", "tcl_port disabled", "-f", CFG, "-c", "targets", "-c", "reg pc",
                            "-c", "mdw %#x %d" % (symbol("counters"), 2 * HARTS), "-c", "shutdown"],
                           capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
        out = r.stdout + r.stderr
    except subprocess.TimeoutExpired:
        out = "TIMEOUT"
    finally:
        rv.kill()
        rv.wait()
        os.unlink(errfile)
    m = re.search(r"pc \(/\d+\): 0x([0-9a-f]+)", out)
    words = re.findall(r"0x[0-9a-f]+: ((?:[0-9a-f]{8} ?)+)", out)
    zeros = words and all(w == "00000000" for w in " ".join(words).split())
    ok = check("halted", m is not None and int(m.group(1), 16) == symbol("_start"),
               "pc %s, expected _start %#x" % (m.group(1) if m else None, symbol("_start")), out)
    ok = ok and check("halted", len(re.findall(r"rvscope\.cpu\d+ +riscv .* halted", out)) == HARTS, "not every target halted", out)
    ok = ok and check("halted", zeros, "counters are not all 0: the harts ran", out)
    if ok:
        report(NAME + "/halted", True)


def main():
    code = insns()
    hit = symbol("hit")
    hit_bytes = []
    for a, b in code:
        if hit <= a < hit + 8:
            hit_bytes += [b[i:i + 2] for i in range(len(b) - 2, -1, -2)]
    hit_bytes = hit_bytes[:8]
    session_halted()
    rv, port, errfile = start_rvscope()
    try:
        session_regs(port)
        session_memory(port, symbol("counters"), hit_bytes)
        session_points(port, code)
        session_reset(port)
        session_stepie(port, code)
    finally:
        rv.kill()
        rv.wait()
        os.unlink(errfile)


main()
