#!/usr/bin/env python3
"""Source-level values: the monitor against gdb-multiarch on the same ELF.

For each guest (RV32/RV64, -O0/-O2) and each stop (a FILE:LINE breakpoint),
GDB (attached to rvscope's GDB stub) and the monitor (rvscope -m) print the
same expressions; each value must read the same. The monitor writes
"(TYPE) VALUE", GDB "$N = VALUE": the type prefix is dropped from both (GDB
gives one for pointers). Also compared: bt's function names and arguments,
finish's returned value, and the lines next and step stop at (into and
out of calls, through recursion). Prints "PASS srcdebug/NAME" or "FAIL ..."."""
import os, re, socket, subprocess, sys, tempfile, time

R = os.environ.get("RVSCOPE", "build/rvscope")
GDB = os.environ.get("GDB", "gdb-multiarch")
SRC = "tests/srcdebug/guests/procs.c"

def stop_line(n):
    for i, l in enumerate(open(SRC), 1):
        if "STOP %d */" % n in l:
            return i
    raise SystemExit("FAIL srcdebug/setup: no STOP %d in %s" % (n, SRC))

STOPS = [
    (1, ["counter", "&counter", "arr", "arr[3]", "*p", "p->name", "p->parent", "p->state",
         "procs[0]", "procs[2].name", "local", "tick", "grid", "grid[1][2]", "big", "bytes",
         "msg", "current", "current->prio", "(char)arr[2]", "sizeof(struct proc)", "*current->parent",
         "arr[1] + arr[2] * 3", "&procs[1]", "&procs[1].prio", "p->flags", "p->ticks",
         "(struct proc *)&procs[2]", "bytes[4]", "procs[1].state == RUNNABLE"]),
    (2, ["here", "n", "out", "*out", "counter", "spins", "arr[n]"]),
]

def strip_type(v):
    v = v.strip()
    if v.startswith("("):
        depth = 0
        for i, c in enumerate(v):
            depth += c == "("
            depth -= c == ")"
            if depth == 0:
                rest = v[i + 1:].strip()
                return rest if rest else v
    return v

def start_stub(elf):
    p = subprocess.Popen([R, "--gdb", "127.0.0.1:0", elf], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    line = p.stderr.readline()
    m = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
    if not m:
        p.kill()
        raise RuntimeError("stub did not start: " + line)
    return p, int(m.group(1))

def gdb_values(elf, line, exprs):
    p, port = start_stub(elf)
    try:
        args = [GDB, "-batch", "-nx", "-ex", "set pagination off", "-ex", "set width 0",
                "-ex", "set confirm off", "-ex", "target remote 127.0.0.1:%d" % port,
                "-ex", "break procs.c:%d" % line, "-ex", "continue"]
        for e in exprs:
            args += ["-ex", "echo @@%s\\n" % e.replace("\\", "\\\\"), "-ex", "print " + e]
        args += ["-ex", "echo @@bt\\n", "-ex", "bt", "-ex", "echo @@finish\\n", "-ex", "finish", "-ex", "kill"]
        out = subprocess.run(args, capture_output=True, text=True, timeout=60).stdout
    finally:
        p.kill()
        p.wait()
    return out

def mon_values(elf, line, exprs):
    cmds = ["b procs.c:%d" % line, "c"] + ["p " + e for e in exprs] + ["bt", "finish", "q"]
    return subprocess.run([R, "-m", elf], input="\n".join(cmds) + "\n", capture_output=True,
                          text=True, timeout=60).stdout

def parse_gdb(out, exprs):
    vals, cur = {}, None
    for l in out.splitlines():
        if l.startswith("@@"):
            cur = l[2:]
            continue
        m = re.match(r"^\$\d+ = (.*)$", l)
        if cur in exprs and m and cur not in vals:
            vals[cur] = m.group(1)
        elif cur in exprs and cur not in vals and ("No symbol" in l or "optimized out" in l):
            vals[cur] = l
    return vals

def parse_mon(out, exprs):
    vals, lines = {}, out.splitlines()
    for i, l in enumerate(lines):
        if l.startswith("(rvscope) p ") and i + 1 < len(lines):
            e = l[len("(rvscope) p "):]
            nxt = lines[i + 1]
            if nxt.startswith(e):   # an error: the text, then a caret line
                nxt = lines[i + 2] if i + 2 < len(lines) else ""
            vals[e] = nxt
    return vals

def norm(v):
    v = strip_type(v)
    if "No symbol" in v:
        return "No symbol"
    return v

def bt_frames(out, mon):
    """function (args) per frame, from a bt."""
    fr = []
    for l in out.splitlines():
        m = re.match(r"^#(\d+)\s+(?:0x[0-9a-f]+ in )?(\w+) \((.*?)\)( at .*)?$", l)
        if m:
            fr.append("%s (%s)" % (m.group(2), m.group(3)))
    return fr

def bt_arg_norm(frames):
    """GDB's "n=n@entry=1" says n's value now is its value at entry (from
    the caller's call site); rvscope prints the value, n=1."""
    out = []
    for f in frames:
        name, args = f.split(" (", 1)
        parts = []
        for a in args.rstrip(")").split(", "):
            a = re.sub(r"^(\w+)=\1@entry=", r"\1=", a)
            parts.append(a)
        out.append((name, parts))
    return out

def bt_same(gf, mf):
    g, m = bt_arg_norm(gf), bt_arg_norm(mf)
    if [x[0] for x in g] != [x[0] for x in m]:
        return False
    for (_, ga), (_, ma) in zip(g, m):
        if len(ga) != len(ma):
            return False
        for a, b in zip(ga, ma):
            if a != b:
                return False
    return True

def gdb_lines(elf, line, cmds):
    """The source line GDB reports after each of cmds, from a stop at line."""
    p, port = start_stub(elf)
    try:
        args = [GDB, "-batch", "-nx", "-ex", "set pagination off", "-ex", "set confirm off",
                "-ex", "target remote 127.0.0.1:%d" % port, "-ex", "break procs.c:%d" % line,
                "-ex", "continue"]
        for c in cmds:
            args += ["-ex", "echo @@\\n", "-ex", c]
        args += ["-ex", "kill"]
        out = subprocess.run(args, capture_output=True, text=True, timeout=60).stdout
    finally:
        p.kill()
        p.wait()
    got = []
    for chunk in out.split("@@\n")[1:]:
        m = re.search(r"^(\d+)\t", chunk, re.M)
        got.append(int(m.group(1)) if m else None)
    return got

def mon_lines(elf, line, cmds):
    out = subprocess.run([R, "-m", elf], input="\n".join(["b procs.c:%d" % line, "c"] + cmds + ["q"]) + "\n",
                         capture_output=True, text=True, timeout=60).stdout
    got = []
    for chunk in out.split("(rvscope) ")[3:3 + len(cmds)]:
        m = re.search(r" at procs\.c:(\d+)$", chunk, re.M)
        got.append(int(m.group(1)) if m else None)
    return got

def main():
    elfs = sys.argv[1:]
    bad = 0
    for elf in elfs:
        tag = os.path.basename(elf).replace(".elf", "")
        for stop, exprs in STOPS:
            line = stop_line(stop)
            g = gdb_values(elf, line, exprs)
            m = mon_values(elf, line, exprs)
            gv, mv = parse_gdb(g, exprs), parse_mon(m, exprs)
            for e in exprs:
                name = "%s/stop%d/p %s" % (tag, stop, e)
                if e not in gv:
                    print("FAIL srcdebug/%s: gdb printed nothing: %s" % (name, g[-600:].replace("\n", " | ")))
                    bad += 1
                elif norm(gv[e]) != norm(mv.get(e, "<none>")):
                    print("FAIL srcdebug/%s: gdb '%s', monitor '%s'" % (name, gv[e], mv.get(e)))
                    bad += 1
                else:
                    print("PASS srcdebug/%s" % name)
            # bt: up to main (the runtime's frames below it are asm, no DWARF args)
            gbt = g.split("@@bt", 1)[-1].split("@@finish", 1)[0]
            gf = [f for f in bt_frames(gbt, False)]
            mf = bt_frames(m.split("(rvscope) bt", 1)[-1].split("(rvscope) finish", 1)[0], True)
            cut = lambda fs: fs[:next((i + 1 for i, f in enumerate(fs) if f.startswith("main ")), len(fs))]
            gf, mf = cut(gf), cut(mf)
            name = "%s/stop%d/bt" % (tag, stop)
            if gf and bt_same(gf, mf):
                print("PASS srcdebug/" + name)
            else:
                print("FAIL srcdebug/%s: gdb %s, monitor %s" % (name, gf, mf))
                bad += 1
            gr = re.search(r"^Value returned is \$\d+ = (.*)$", g, re.M)
            mr = re.search(r"^Value returned is (.*)$", m, re.M)
            name = "%s/stop%d/finish" % (tag, stop)
            if gr and mr and norm(gr.group(1)) == norm(mr.group(1)):
                print("PASS srcdebug/" + name)
            elif not gr and not mr:
                print("PASS srcdebug/" + name)   # void function: neither prints a value
            else:
                print("FAIL srcdebug/%s: gdb %s, monitor %s" % (name, gr and gr.group(1), mr and mr.group(1)))
                bad += 1
        # b FUNC: past the prologue, at the address GDB picks
        funcs = ["depth", "run", "main"]
        g = subprocess.run([GDB, "-batch", "-nx"] + sum((["-ex", "break " + f] for f in funcs), []) + [elf],
                           capture_output=True, text=True, timeout=60).stdout
        m = subprocess.run([R, "-m", elf], input="".join("b %s\n" % f for f in funcs) + "q\n",
                           capture_output=True, text=True, timeout=60).stdout
        ga = re.findall(r"^Breakpoint \d+ at 0x([0-9a-f]+): file .*, line (\d+)\.$", g, re.M)
        ma = re.findall(r"^Breakpoint \d+ at 0x([0-9a-f]+) <[^>]*>: file .*, line (\d+)\.$", m, re.M)
        name = "%s/break-functions" % tag
        if len(ga) == len(funcs) and ga == ma:
            print("PASS srcdebug/" + name)
        else:
            print("FAIL srcdebug/%s: gdb %s, monitor %s" % (name, ga, ma))
            bad += 1
        # next and step: the same source lines as GDB, into and out of calls
        for what, stop, cmds in (("next", 1, ["next"] * 4),
                                 ("step-into", 0, ["next", "step", "next", "next", "next"])):
            line = stop_line(stop) if stop else next(i for i, l in enumerate(open(SRC), 1) if "run(&procs[1], 5);" in l)
            g, m = gdb_lines(elf, line, cmds), mon_lines(elf, line, cmds)
            name = "%s/%s" % (tag, what)
            if g == m and None not in g:
                print("PASS srcdebug/" + name)
            else:
                print("FAIL srcdebug/%s: gdb lines %s, monitor %s" % (name, g, m))
                bad += 1
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
