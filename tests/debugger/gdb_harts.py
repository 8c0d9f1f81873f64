#!/usr/bin/env python3
"""The debugger layer seen from the real gdb-multiarch (GDB/MI), on a 4-hart
guest whose harts each count in counters[hartid] (tests/debugger/harts.c):

  nonstop     non-stop mode: hart 1 stops at a breakpoint while the others
              keep counting; interrupt; continue one thread alone
  debugmode   hart 2 enters debug mode (ebreak with dcsr.ebreakm) and halts
              alone; harts 0, 1, 3 run on; resuming it (dret) goes on after
              the ebreak
  schedlock   all-stop with scheduler-locking: continue and stepi run one
              hart while the others hold still, exactly
  monwatch    an expression watch set with `monitor w` stops GDB with the
              monitor's report (old and new value), and only when the value
              changes

usage: gdb_harts.py RVSCOPE ELF NAME-PREFIX
Prints PASS/FAIL lines (tests/run.sh protocol)."""
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mi import GDB, MIError  # noqa: E402

RV, ELF, PREFIX = sys.argv[1], sys.argv[2], sys.argv[3]


class Fail(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Fail(what)


def start_rvscope():
    err = tempfile.TemporaryFile(mode="w+")
    p = subprocess.Popen([RV, "--gdb", "127.0.0.1:0", "--harts", "4", ELF],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
    for _ in range(200):
        err.seek(0)
        m = re.search(r"listening on 127\.0\.0\.1:(\d+)", err.read())
        if m:
            return p, int(m.group(1))
        if p.poll() is not None:
            break
        time.sleep(0.05)
    p.kill()
    raise Fail("rvscope did not start")


def connect(non_stop):
    p, port = start_rvscope()
    g = GDB(ELF)
    if non_stop:
        g.cmd("-gdb-set non-stop on")
    g.cmd("-gdb-set mi-async on")
    g.cmd("-target-select remote 127.0.0.1:%d" % port)
    return p, g


def counter(g, i):
    return int(g.value("counters[%d]" % i), 0)


def thread_states(g):
    """{thread id: 'running' | 'stopped'} from -thread-info."""
    r = g.cmd("-thread-info")
    return {int(t): s for t, s in re.findall(r'\{id="(\d+)".*?state="(\w+)"', r)}


def wait_states(g, want, timeout=10):
    deadline = time.monotonic() + timeout
    while True:
        st = thread_states(g)
        if all(st.get(t) == s for t, s in want.items()):
            return st
        if time.monotonic() > deadline:
            raise Fail("thread states %s, wanted %s" % (st, want))
        time.sleep(0.05)


def advances(g, i, pause=0.3):
    """Does counters[i] grow while we wait (its hart runs)?"""
    a = counter(g, i)
    time.sleep(pause)
    return counter(g, i) > a


def test_nonstop(g):
    g.cmd("-break-insert hit")
    g.cmd("-exec-continue --all")
    g.wait(r'\*stopped,reason="breakpoint-hit".*thread-id="2"')
    wait_states(g, {1: "running", 2: "stopped", 3: "running", 4: "running"})
    c1 = counter(g, 1)
    check(c1 % 1024 == 0 and c1 > 0, "hart 1 stopped in hit() at counters[1] = %d" % c1)
    check(advances(g, 0) and advances(g, 3), "harts 0 and 3 keep counting")
    check(counter(g, 1) == c1, "hart 1 holds still at its breakpoint")
    # interrupt: every running thread stops (vCont;t)
    g.cmd("-exec-interrupt --all")
    wait_states(g, {1: "stopped", 2: "stopped", 3: "stopped", 4: "stopped"})
    c0 = counter(g, 0)
    time.sleep(0.2)
    check(counter(g, 0) == c0, "hart 0 holds still after interrupt")
    # continue thread 4 (hart 3) alone
    c3 = counter(g, 3)
    g.cmd("-break-delete")
    g.cmd("-exec-continue --thread 4")
    wait_states(g, {4: "running", 1: "stopped"})
    check(advances(g, 3), "hart 3 counts after 'continue' on its thread")
    check(counter(g, 0) == c0 and counter(g, 1) == c1, "harts 0 and 1 stay stopped")
    check(counter(g, 3) > c3, "hart 3 ran")
    # thread N: registers of a stopped thread, while another runs; each
    # thread shows its own hart's registers (a stop elsewhere does not
    # change which hart GDB's selected thread reads)
    g.cmd("-thread-select 2")
    pc = g.value("$pc")
    check("hit" in g.console("info symbol $pc"), "thread 2 stands in hit() (pc %s)" % pc)
    for t, hart in ((1, 0), (3, 2)):
        g.cmd("-thread-select %d" % t)
        check(int(g.value("$mhartid"), 0) == hart, "thread %d reads hart %d's registers" % (t, hart))
        check("hit" not in g.console("info symbol $pc"), "thread %d is not in hit()" % t)


def test_debugmode(g):
    # On connecting in non-stop mode one hart is stopped and the others run
    # (GDB 13 takes one initially stopped thread): stop them all first.
    g.cmd("-exec-interrupt --all")
    wait_states(g, {1: "stopped", 2: "stopped", 3: "stopped", 4: "stopped"})
    g.cmd("-thread-select 3")
    g.console("set $dcsr = $dcsr | 0x8000")     # ebreakm: ebreak enters debug mode
    check(int(g.value("($dcsr >> 15) & 1"), 0) == 1, "dcsr.ebreakm set on hart 2")
    g.cmd("-exec-continue --all")
    wait_states(g, {1: "running", 2: "running", 3: "running", 4: "running"})
    g.value("want_ebreak = 1")                     # written while the harts run
    stop = g.wait(r'\*stopped.*thread-id="3"')
    check('thread-id="3"' in stop, "the stop names thread 3 (hart 2)")
    wait_states(g, {1: "running", 2: "running", 3: "stopped", 4: "running"})
    check(advances(g, 0) and advances(g, 1) and advances(g, 3),
          "harts 0, 1 and 3 keep counting while hart 2 is in debug mode")
    c2 = counter(g, 2)
    time.sleep(0.2)
    check(counter(g, 2) == c2, "hart 2 holds still in debug mode")
    g.cmd("-thread-select 3")
    check(int(g.value("($dcsr >> 6) & 7"), 0) == 1, "dcsr.cause = 1 (ebreak)")
    check("ebreak" in g.console("x/i $pc"), "pc (dpc) is the ebreak")
    info = g.cmd("-thread-info 3")
    check("debug mode" in info, "thread 3 says it is halted in debug mode: %s" % info)
    # resume it as dret does, after the ebreak
    g.console("set $pc = $pc + 4")
    g.cmd("-exec-continue --thread 3")
    wait_states(g, {3: "running"})
    check(advances(g, 2), "hart 2 counts again after leaving debug mode")


def test_schedlock(g):
    g.cmd("-break-insert hit")
    g.cmd("-exec-continue")
    g.wait(r'\*stopped,reason="breakpoint-hit".*thread-id="2"')
    v = [counter(g, i) for i in range(4)]
    check(all(x > 0 for x in v), "every hart counted before the first stop: %s" % v)
    g.cmd("-gdb-set scheduler-locking on")
    g.cmd("-thread-select 2")
    g.cmd("-exec-continue")
    g.wait(r'\*stopped,reason="breakpoint-hit".*thread-id="2"')
    w = [counter(g, i) for i in range(4)]
    check(w[1] == v[1] + 1024, "hart 1 ran to its next hit(): %d -> %d" % (v[1], w[1]))
    check(w[0] == v[0] and w[2] == v[2] and w[3] == v[3],
          "harts 0, 2, 3 held still under scheduler locking: %s -> %s" % (v, w))
    for _ in range(3):
        g.cmd("-exec-next-instruction")
        g.wait(r'\*stopped,reason="end-stepping-range"')
    x = [counter(g, i) for i in range(4)]
    check(x[0] == v[0] and x[2] == v[2] and x[3] == v[3], "stepi moved no other hart: %s" % x)
    # `monitor` commands act on GDB's selected thread
    g.cmd("-thread-select 3")
    out = g.console("monitor p $mhartid")
    check(re.search(r"^0x2\b", out.strip()) is not None, "monitor p $mhartid on thread 3: %r" % out)
    g.cmd("-thread-select 2")
    g.cmd("-gdb-set scheduler-locking off")
    g.cmd("-exec-continue")
    g.wait(r'\*stopped,reason="breakpoint-hit"')
    check(counter(g, 0) > v[0] and counter(g, 3) > v[3], "without locking every hart runs")


def test_monwatch(g):
    out = g.console("monitor w *hits")
    check("Memory watchpoint" in out, "monitor w accepted: %r" % out)
    for n in (1, 2):
        g.pending.clear()               # the stop at connection is not this one
        start = len(g.log)
        g.cmd("-exec-continue")
        stop = g.wait(r"\*stopped")
        check('reason="signal-received"' in stop and "SIGTRAP" in stop,
              "a watch stop reaches GDB as SIGTRAP: %s" % stop)
        text = "".join(l for l in g.log[start:] if l.startswith('@') or l.startswith('~'))
        text = text.encode().decode("unicode_escape")
        check("Watchpoint 1: *hits" in text, "the monitor's report reaches GDB: %r" % text)
        check("Old value = 0x%x" % (n - 1) in text and "New value = 0x%x" % n in text,
              "old and new value %d -> %d in %r" % (n - 1, n, text))
        check(int(g.value("hits"), 0) == n, "hits is %d at the stop" % n)
    info = g.console("monitor info w")
    check(re.search(r"\b2\b", info) is not None, "monitor info w counts the hits: %r" % info)


TESTS = [("nonstop", True, test_nonstop), ("debugmode", True, test_debugmode),
         ("schedlock", False, test_schedlock), ("monwatch", False, test_monwatch)]

only = os.environ.get("ONLY")
for name, non_stop, fn in TESTS:
    if only and name != only:
        continue
    p = g = None
    try:
        p, g = connect(non_stop)
        fn(g)
        print("PASS %s-%s" % (PREFIX, name))
    except (Fail, MIError) as e:
        print("FAIL %s-%s: %s" % (PREFIX, name, e))
        if g:
            for line in g.log[-25:]:
                print("    | " + line)
    finally:
        if g:
            g.close()
        if p:
            p.kill()
            p.wait()
