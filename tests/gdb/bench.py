#!/usr/bin/env python3
"""The cost of a GDB watchpoint in rvscope (issue 6): a CPU-bound guest
(bench.c, ~1.1 G instructions) stores `result` once, at its end. It runs
under GDB three ways, and rvscope's own CPU time is compared:
  plain   no GDB at all (rvscope IMAGE)
  gdb     under GDB, `continue` to the end
  watch   under GDB, `watch result`, `continue` (stops at the store), `continue`
The watchpoint keeps only its page off the TLB fast path, so `watch` must
cost < 5% over `gdb` (PASS/FAIL line). bench_shared.elf also stores to a
variable on result's page in every iteration: its ratio is reported only
(every such store then takes the checked slow path).

usage: bench.py RVSCOPE GUEST_DIR [REPEATS]
"""
import os
import re
import subprocess
import sys
import time

RVSCOPE, GDIR = sys.argv[1], sys.argv[2]
REPEATS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
GDB = os.environ.get("GDB", "gdb-multiarch")


def cpu_of(p):
    """Wait for child p; its user+system CPU seconds."""
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return ru.ru_utime + ru.ru_stime


def run(elf, mode):
    if mode == "plain":
        p = subprocess.Popen([RVSCOPE, elf], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        out = p.stdout.read()
        return cpu_of(p), out
    p = subprocess.Popen([RVSCOPE, "--gdb", "127.0.0.1:0", elf], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    port = re.search(rb"listening on 127\.0\.0\.1:(\d+)", p.stderr.readline()).group(1).decode()
    cmds = ["continue"] if mode == "gdb" else ["watch result", "continue", "continue"]
    args = [GDB, "-batch", "-nx", "-ex", "target remote 127.0.0.1:" + port]
    for c in cmds:
        args += ["-ex", c]
    g = subprocess.run(args + [elf], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    out = p.stdout.read()
    cpu = cpu_of(p)
    if mode == "watch" and b"Hardware watchpoint 1: result" not in g.stdout:
        raise RuntimeError("the watchpoint did not trigger:\n" + g.stdout.decode()[-800:])
    if b"exited normally" not in g.stdout:
        raise RuntimeError("GDB did not see the guest exit:\n" + g.stdout.decode()[-800:])
    return cpu, out


def interleaved(elf, modes):
    """best() of each mode, the modes taking turns run by run, so a slow
    spell of this shared machine hits all of them alike."""
    times, outs = {m: [] for m in modes}, {}
    for _ in range(REPEATS):
        for m in modes:
            t, o = run(elf, m)
            if m in outs and outs[m] != o:
                raise RuntimeError("%s: output differs between runs" % m)
            outs[m] = o
            times[m].append(t)
    return [(min(times[m]), outs[m]) for m in modes]


def best(elf, mode, repeats=None):
    times, out = [], None
    for _ in range(repeats or REPEATS):
        t, o = run(elf, mode)
        if out is not None and o != out:
            raise RuntimeError("%s: output differs between runs" % mode)
        out = o
        times.append(t)
    return min(times), out


# SPEC §7's bound is 5%; `make bench` checks it (GDB_COST_LIMIT=1.05). In
# `make test` the machine may be busy with other work, so the default is a
# looser smoke check that still catches a watchpoint slowing every access.
LIMIT = float(os.environ.get("GDB_COST_LIMIT", "1.20"))


def main():
    elf = os.path.join(GDIR, "rv64", "bench.elf")
    shared = os.path.join(GDIR, "rv64", "bench_shared.elf")
    try:
        (plain, o1), (gdb, o2), (watch, o3) = interleaved(elf, ("plain", "gdb", "watch"))
        # reported only: one run each
        sgdb, _ = best(shared, "gdb", 1)
        swatch, _ = best(shared, "watch", 1)
    except Exception as e:
        print("FAIL gdb/watch-cost: %s" % e)
        return
    if not (o1 == o2 == o3 and o1.startswith(b"result ")):
        print("FAIL gdb/watch-cost: the guest printed different results: %r %r %r" % (o1, o2, o3))
        return
    r_stub, r_watch, r_shared = gdb / plain, watch / gdb, swatch / sgdb
    print("gdb: bench (rv64, ~1.1G instructions, best of %d (the shared-page pair: one run), rvscope CPU seconds): "
          "plain %.3f, under GDB %.3f (x%.3f), with `watch result` %.3f (x%.3f); "
          "result's page stored to every iteration: %.3f -> %.3f (x%.2f)"
          % (REPEATS, plain, gdb, r_stub, watch, r_watch, sgdb, swatch, r_shared))
    if r_watch < LIMIT:
        print("PASS gdb/watch-cost (x%.3f)" % r_watch)
    else:
        print("FAIL gdb/watch-cost: a watchpoint on a variable written once costs x%.3f (limit %.2f)"
              % (r_watch, LIMIT))
    if r_stub < LIMIT:
        print("PASS gdb/stub-cost (x%.3f)" % r_stub)
    else:
        print("FAIL gdb/stub-cost: running under GDB costs x%.3f over a plain run (limit %.2f)"
              % (r_stub, LIMIT))


main()
