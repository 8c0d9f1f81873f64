#!/usr/bin/env python3
"""rvscope --jtag PORT --gdb PORT2: Debian's OpenOCD 0.12 (through its Tcl
port, tools/openocd/rvscope.cfg) and gdb-multiarch (on the stub's port)
debug the same machine at the same time (docs/jtag.md, "With --gdb").
GDB runs the script; its `shell` commands drive OpenOCD while GDB holds
the machine stopped, and background ones while GDB's continue runs.
The guest is tests/debugger/harts.c (hart i counts in counters[i]; hart 1
calls hit() every 1024 counts).

  wait      OpenOCD connects and examines the harts while rvscope waits for
            GDB (every target then reads as running)
  gdbstop   GDB's breakpoint fires while OpenOCD is connected
  held      while GDB holds the machine stopped, OpenOCD halts the hart
            GDB stopped on and reads its pc (= GDB's) and its counter
            (= GDB's value), writes counters[7] through the bus (GDB reads
            it back), steps it (pc = the next instruction, objdump) and
            resumes it; the hart does not run until GDB continues
            (counter unchanged), yet OpenOCD sees it running
  dmhalt    OpenOCD halts the harts: GDB sees "halted in debug mode" and
            dcsr.cause 3; GDB's continue waits without spinning (rvscope
            uses < 0.5 s of CPU over the 3 s before OpenOCD resumes) and its temporary
            breakpoint fires only after OpenOCD resumed the harts (a file
            the resumer writes just before the resume exists when GDB stops)
  ctrlc     harts halted by OpenOCD, GDB continues: Ctrl-C (SIGINT to GDB)
            still stops it, and the harts stay in debug mode
  step      GDB's stepi of a hart halted by OpenOCD says so and does not
            move it; after OpenOCD's resume stepi moves it
  running   while GDB's continue runs the machine, OpenOCD reads counters
            that have moved past GDB's last value, then halts the harts
            (all read halted) and resumes them: GDB hears of neither, its
            continue ends with the Ctrl-C that follows
  exit      OpenOCD shuts down cleanly, GDB detaches, rvscope (--gdb-once)
            exits 0

usage: gdb_both_test.py RVSCOPE ELF HARTS NAME  (prints PASS/FAIL lines)
       gdb_both_test.py --ocd TCLPORT CMD...  (one OpenOCD Tcl command
       each; prints "@@ocd CMD" and the result)"""
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

import elfref

CFG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../tools/openocd/rvscope.cfg")
SELF = os.path.abspath(__file__)


def ocd_main(port, cmds):
    """OpenOCD's Tcl server: a command, then 0x1a; the result, then 0x1a."""
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    for c in cmds:
        s.sendall(c.encode() + b"\x1a")
        buf = b""
        while not buf.endswith(b"\x1a"):
            d = s.recv(4096)
            if not d:
                break
            buf += d
        print("@@ocd %s\n%s" % (c, buf.rstrip(b"\x1a").decode(errors="replace")), flush=True)
    s.close()


if len(sys.argv) > 2 and sys.argv[1] == "--ocd":
    ocd_main(int(sys.argv[2]), sys.argv[3:])
    sys.exit(0)

RV, ELF, HARTS, NAME = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
XLEN = 64 if "rv64" in ELF else 32
WORD = XLEN // 8                       # sizeof(unsigned long)
K = 1 if HARTS > 1 else 0              # the hart GDB's breakpoint stops on
BP = "hit" if HARTS > 1 else "harts.c:27"


def report(name, ok, why=""):
    print(("PASS %s/%s" % (NAME, name)) if ok else ("FAIL %s/%s: %s" % (NAME, name, why)), flush=True)


def symbol(name):
    return elfref.symbol(ELF, name, NAME)


def insns():
    """Instruction addresses, from objdump (the reference)."""
    return [a for a, _ in elfref.insns(ELF)]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])     # utime + stime


def main():
    tmp = tempfile.mkdtemp(prefix="rvscope-both.")
    errpath = os.path.join(tmp, "rvscope.err")
    err = open(errpath, "w+")
    rv = subprocess.Popen([RV, "--jtag", "0", "--gdb", "0", "--gdb-once", "--harts", str(HARTS), ELF],
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
    ocd = None
    try:
        jport = gport = None
        for _ in range(400):
            err.seek(0)
            text = err.read()
            mj = re.search(r"JTAG \(OpenOCD remote_bitbang\) listening on 127\.0\.0\.1:(\d+)", text)
            mg = re.search(r"GDB stub listening on 127\.0\.0\.1:(\d+)", text)
            if mj and mg:
                jport, gport = int(mj.group(1)), int(mg.group(1))
                break
            if rv.poll() is not None:
                break
            time.sleep(0.05)
        if not jport:
            err.seek(0)
            report("start", False, "rvscope did not listen on both ports (exit %s): %s" % (rv.poll(), err.read()))
            return
        tport = free_port()
        ocdlog = open(os.path.join(tmp, "openocd.log"), "w+")
        ocd = subprocess.Popen(["openocd", "-c", "set RVSCOPE_PORT %d" % jport, "-c", "set RVSCOPE_HARTS %d" % HARTS,
                                "-c", "set RVSCOPE_NOHALT 1", "-c", "gdb_port disabled", "-c", "telnet_port disabled",
                                "-c", "tcl_port %d" % tport, "-f", CFG],
                               stdin=subprocess.DEVNULL, stdout=ocdlog, stderr=subprocess.STDOUT)
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", tport), timeout=1).close()
                break
            except OSError:
                if ocd.poll() is not None:
                    break
                time.sleep(0.05)
        # wait: OpenOCD examined the harts while rvscope waits for GDB.
        r = subprocess.run([sys.executable, SELF, "--ocd", str(tport), "targets"], capture_output=True,
                           text=True, timeout=120)
        running = re.findall(r"rvscope\.cpu\d+ +riscv .* running", r.stdout)
        ocdlog.seek(0)
        report("wait", len(running) == HARTS, "OpenOCD's targets while rvscope waits for GDB:\n%s%s"
               % (r.stdout, ocdlog.read()[-2000:]))

        code = insns()
        counters = symbol("counters")
        me = "%s %s --ocd %d" % (sys.executable, SELF, tport)
        tgt = "targets rvscope.cpu%d" % K
        mark = os.path.join(tmp, "resumed")
        runfile = os.path.join(tmp, "running.txt")
        cpufile = os.path.join(tmp, "cpu.txt")
        cmds = ["set pagination off", "set confirm off", "set width 0", "target remote 127.0.0.1:%d" % gport,
                # gdbstop
                "break " + BP, "continue", "echo @@c1\\n", "p/x counters[%d]" % K, "echo @@pc1\\n", "p/x $pc",
                # held
                "shell %s halt '%s' 'reg pc' 'mdw %#x' 'mww %#x 0x77' step 'reg pc' resume targets"
                % (me, tgt, counters + WORD * K, counters + WORD * 7),
                "maintenance flush register-cache", "flushregs",
                "echo @@c2\\n", "p/x counters[%d]" % K, "echo @@m7\\n", "p/x counters[7]",
                "echo @@pc2\\n", "p/x $pc",
                # dmhalt
                "delete", "shell %s halt" % me, "maintenance flush register-cache",
                "echo @@threads1\\n", "info threads", "echo @@dcsr\\n", "p/x $dcsr",
                "tbreak " + BP, "echo @@cpu0\\n", "shell cat /proc/%d/stat" % rv.pid,
                # the mark is made just before the resume: the hart cannot
                # run before, and GDB's stop may come before the Tcl reply
                "shell (sleep 3; cat /proc/%d/stat >%s; touch %s; %s resume >/dev/null) &"
                % (rv.pid, cpufile, mark, me),
                "continue", "shell echo @@cpu1; cat %s" % cpufile,
                "shell test -f %s && echo @@resumed-before-stop" % mark,
                # ctrlc
                "shell %s halt" % me, "shell (sleep 2; kill -INT $PPID) &", "continue",
                "echo @@threads2\\n", "info threads",
                # step
                "echo @@pc3\\n", "p/x $pc", "stepi", "echo @@pc4\\n", "p/x $pc",
                "shell %s resume" % me, "stepi", "echo @@pc5\\n", "p/x $pc",
                # running
                "shell (sleep 1; %s 'mdw %#x' targets halt targets resume >%s; sleep 0.5; kill -INT $PPID) &"
                % (me, counters + WORD * K, runfile),
                "continue",
                # exit
                "shell %s shutdown" % me, "detach"]
        args = ["gdb-multiarch", "-batch", "-nx"]
        for c in cmds:
            args += ["-ex", c]
        args.append(ELF)
        try:
            g = subprocess.run(args, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
            out = g.stdout + g.stderr
        except subprocess.TimeoutExpired as e:
            out = "TIMEOUT\n" + (e.stdout or b"").decode(errors="replace")
        check_session(out, code, runfile, rv, ocd, ocdlog)
    finally:
        for p in (ocd, rv):
            if p and p.poll() is None:
                p.kill()
                p.wait()
        subprocess.run(["rm", "-rf", tmp])


def val(out, tag):
    m = re.search(r"@@%s\n(?:(?!@@).*\n)*?\$\d+ = (0x[0-9a-f]+)" % tag, out)
    return int(m.group(1), 16) if m else None


def ocd_result(out, cmd):
    m = re.search(r"@@ocd %s\n(.*?)(?=@@|\Z)" % re.escape(cmd), out, re.S)
    return m.group(1) if m else ""


def check(name, cond, why, out):
    if not cond:
        tail = "\n".join(out.splitlines()[-40:])
        report(name, False, why + "\n--- GDB and OpenOCD said:\n" + tail)
    return cond


def check_session(out, code, runfile, rv, ocd, ocdlog):
    # gdbstop
    if HARTS > 1:
        hit = re.search(r"Thread 2 .*hit Breakpoint 1, hit \(\)", out)
    else:
        hit = re.search(r"Breakpoint 1, count \(id=0\) at .*harts\.c:27", out)
    if check("gdbstop", hit is not None, "GDB's breakpoint at %s did not stop with OpenOCD attached" % BP, out):
        report("gdbstop", True)

    # held
    c1, pc1, c2, m7, pc2 = val(out, "c1"), val(out, "pc1"), val(out, "c2"), val(out, "m7"), val(out, "pc2")
    regs = re.findall(r"pc \(/\d+\): 0x([0-9a-f]+)", ocd_result(out, "reg pc"))
    opc = [int(x, 16) for x in re.findall(r"@@ocd reg pc\npc \(/\d+\): 0x([0-9a-f]+)", out)]
    word = re.search(r"0x[0-9a-f]+: ([0-9a-f]{8})", ocd_result(out, "mdw %#x" % (symbol("counters") + WORD * K)))
    nxt = [a for a in code if pc1 is not None and a > pc1]
    ok = check("held", len(opc) >= 2 and pc1 is not None and opc[0] == pc1,
               "OpenOCD's pc %s, GDB's %s" % ([hex(x) for x in opc], pc1 and hex(pc1)), out)
    ok = ok and check("held", word is not None and c1 is not None and int(word.group(1), 16) == c1 & 0xffffffff,
                      "OpenOCD read counters[%d] = %s, GDB %s" % (K, word and word.group(1), c1), out)
    ok = ok and check("held", m7 == 0x77, "counters[7] written by OpenOCD reads %s in GDB" % m7, out)
    ok = ok and check("held", nxt and opc[1] == nxt[0] and pc2 == nxt[0],
                      "OpenOCD's step: pc %s (GDB %s), the next instruction is %s" %
                      (opc[1:2] and hex(opc[1]), pc2 and hex(pc2), nxt[:1] and hex(nxt[0])), out)
    ok = ok and check("held", c2 == c1, "the hart ran while GDB held the machine (counter %s -> %s)" % (c1, c2), out)
    st = ocd_result(out, "targets")
    ok = ok and check("held", len(re.findall(r"rvscope\.cpu\d+ +riscv .* running", st)) == HARTS,
                      "OpenOCD does not see the resumed harts running:\n" + st, out)
    _ = regs
    if ok:
        report("held", True)

    # dmhalt
    t1 = re.search(r"@@threads1\n((?:(?!@@).*\n)*)", out)
    dcsr = val(out, "dcsr")
    cpu = [re.search(r"@@%s\n\d+ \(.*?\) (.*)" % tag, out) for tag in ("cpu0", "cpu1")]
    ticks = None
    if all(cpu):
        f0, f1 = (c.group(1).split() for c in cpu)
        ticks = int(f1[11]) + int(f1[12]) - int(f0[11]) - int(f0[12])
    ok = check("dmhalt", t1 is not None and t1.group(1).count("halted in debug mode") == HARTS,
               "info threads after OpenOCD's halt: %s" % (t1 and t1.group(1)), out)
    ok = ok and check("dmhalt", dcsr is not None and (dcsr >> 6) & 7 == 3,
                      "dcsr %s: expected cause 3 (halt request)" % (dcsr and hex(dcsr)), out)
    ok = ok and check("dmhalt", re.search(r"Temporary breakpoint 2, (0x[0-9a-f]+ in )?(hit|count)", out) is not None,
                      "GDB's temporary breakpoint did not fire after OpenOCD resumed the harts", out)
    ok = ok and check("dmhalt", "@@resumed-before-stop" in out,
                      "GDB's continue stopped before OpenOCD resumed the harts", out)
    ok = ok and check("dmhalt", ticks is not None and ticks < 50,
                      "rvscope used %s ticks of CPU (1/100 s) while every hart was halted" % ticks, out)
    if ok:
        report("dmhalt", True)

    # ctrlc
    t2 = re.search(r"@@threads2\n((?:(?!@@).*\n)*)", out)
    ok = check("ctrlc", re.search(r"(Program|Thread \d+) received signal SIGINT",
                                  out.split("@@resumed-before-stop")[-1]) is not None,
               "Ctrl-C did not stop GDB's continue while OpenOCD held the harts", out)
    ok = ok and check("ctrlc", t2 is not None and t2.group(1).count("halted in debug mode") == HARTS,
                      "the harts left debug mode: %s" % (t2 and t2.group(1)), out)
    if ok:
        report("ctrlc", True)

    # step
    pc3, pc4, pc5 = val(out, "pc3"), val(out, "pc4"), val(out, "pc5")
    ok = check("step", "is halted by the Debug Module (OpenOCD)" in out and pc3 is not None and pc4 == pc3,
               "stepi of a hart OpenOCD halted: pc %s -> %s" % (pc3, pc4), out)
    ok = ok and check("step", pc5 is not None and pc5 != pc4, "stepi after OpenOCD's resume did not move", out)
    if ok:
        report("step", True)

    # running
    try:
        with open(runfile) as f:
            rtext = f.read()
    except OSError:
        rtext = ""
    word = re.search(r"0x[0-9a-f]+: ([0-9a-f]{8})", rtext)
    states = [re.findall(r"rvscope\.cpu\d+ +riscv .* (running|halted)", ocd_result(rtext, "targets"))]
    halted = re.search(r"@@ocd halt\n.*?@@ocd targets\n(.*?)(?=@@|\Z)", rtext, re.S)
    ok = check("running", word is not None and c1 is not None and int(word.group(1), 16) > c1 & 0xffffffff
               and states[0] == ["running"] * HARTS,
               "OpenOCD while GDB's continue ran: %s (GDB's last counter %s)" % (rtext, c1), out)
    ok = ok and check("running", halted is not None and halted.group(1).count("halted") == HARTS,
                      "OpenOCD's halt during GDB's continue: %s" % rtext, out)
    # OpenOCD's halt and resume during the continue are not GDB stops: the
    # continue ends with the Ctrl-C that follows, and GDB saw no SIGTRAP.
    ok = ok and check("running", len(re.findall(r"(Program|Thread \d+) received signal SIGINT", out)) == 2
                      and "SIGTRAP" not in out,
                      "the last continue was not (only) stopped by Ctrl-C", out)
    if ok:
        report("running", True)

    # exit
    try:
        ocd_rc = ocd.wait(timeout=30)
        rv_rc = rv.wait(timeout=30)
    except subprocess.TimeoutExpired:
        ocd_rc = ocd.poll()
        rv_rc = rv.poll()
    ocdlog.seek(0)
    log = ocdlog.read()
    ok = check("exit", ocd_rc == 0 and "shutdown command invoked" in log and "Error" not in log.split("shutdown")[-1],
               "OpenOCD exit %s:\n%s" % (ocd_rc, log[-1500:]), out)
    ok = ok and check("exit", "[Inferior 1 (Remote target) detached]" in out and rv_rc == 0,
                      "GDB detach / rvscope exit status %s" % rv_rc, out)
    if ok:
        report("exit", True)


main()
