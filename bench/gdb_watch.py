#!/usr/bin/env python3
"""The cost of a GDB watchpoint in rvscope (issue 6), run by `make bench`
(bench/bench.mk: make bench-gdb): a CPU-bound guest (tests/gdb/guests/
bench.c built with 1.2 G iterations, ~11 G instructions, as BENCH_ELF)
stores `result` once, at its end. It runs
under GDB three ways, and rvscope's own CPU time is compared:
  plain   no GDB at all (rvscope IMAGE)
  gdb     under GDB, `continue` to the end
  watch   under GDB, `watch result`, `continue` (stops at the store), `continue`
The watchpoint keeps only its page off the TLB fast path; SPEC section 7
wants `watch` within 5% of `gdb`.  bench_shared.elf also stores to a
variable on result's page in every iteration (every such store then takes
the checked slow path).  The ratios are printed, not judged: on a shared
machine they move by more than 5% from run to run.  A run that goes wrong
(the watchpoint does not trigger, the guest's output differs) is an error:
"bench: FAIL: ..." on stderr and exit status 1.  `make test` checks that
behaviour without timing it (tests/gdb/run.sh, *-watch-long-run).

usage: gdb_watch.py RVSCOPE GUEST_DIR [REPEATS [BENCH_ELF]]
(BENCH_ELF defaults to GUEST_DIR/rv64/bench.elf, make test's short one)
"""
import os
import re
import subprocess
import sys
import time

RVSCOPE, GDIR = sys.argv[1], sys.argv[2]
REPEATS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
BENCH_ELF = sys.argv[4] if len(sys.argv) > 4 else os.path.join(GDIR, "rv64", "bench.elf")
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


def main():
    elf = BENCH_ELF
    shared = os.path.join(GDIR, "rv64", "bench_shared.elf")
    try:
        (plain, o1), (gdb, o2), (watch, o3) = interleaved(elf, ("plain", "gdb", "watch"))
        # one run each: the slow case, for its order of magnitude
        sgdb, _ = best(shared, "gdb", 1)
        swatch, _ = best(shared, "watch", 1)
    except Exception as e:
        print("bench: FAIL: gdb watch: %s" % e, file=sys.stderr)
        return 1
    if not (o1 == o2 == o3 and o1.startswith(b"result ")):
        print("bench: FAIL: gdb watch: the guest printed different results: %r %r %r" % (o1, o2, o3),
              file=sys.stderr)
        return 1
    r_stub, r_watch, r_shared = gdb / plain, watch / gdb, swatch / sgdb
    print("gdb watch (%s, rvscope CPU seconds, best of %d, the modes taking turns):"
          % (os.path.basename(elf), REPEATS))
    print("  plain %.3f, under GDB %.3f (x%.3f over plain), with `watch result` %.3f "
          "(x%.3f over GDB; SPEC target <= 1.05)" % (plain, gdb, r_stub, watch, r_watch))
    print("  bench_shared.elf (result's page stored to every iteration, one run): "
          "under GDB %.3f, with the watch %.3f (x%.2f)" % (sgdb, swatch, r_shared))
    print("BENCH gdb_watch stub_ratio=%.3f watch_ratio=%.3f shared_page_watch_ratio=%.2f"
          % (r_stub, r_watch, r_shared))
    return 0


sys.exit(main())
