#!/usr/bin/env python3
"""Cost of OS-aware debugging on xv6-riscv (issue 13): wall time of
`usertests -q` under GDB with nothing armed ("plain") and with a breakpoint
scoped to an address space plus a catchpoint on satp writes into that
space ("armed"). The space is one no process ever runs in, so nothing
stops: what is measured is what arming costs (the breakpoint's code page
checked in every process that maps it, every satp write reported to the
debugger). Not part of `make test` (timing).

  python3 scripts/xv6_cost.py XV6_DIR [RUNS] [HARTS]

XV6_DIR: a built xv6-riscv tree (kernel/kernel, fs.img). docs/os-debugging.md.
"""
import os, shutil, socket, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RVSCOPE = os.environ.get("RVSCOPE", os.path.join(ROOT, "build", "rvscope"))
ARMED = {
    "plain": [],
    # a space the user binds to a page table no process has
    "armed": ["monitor space x 0x8000000000012345", "monitor b 0x10 space x", "monitor catch satp x"],
    # a space that follows a program (the OS description's; zombie never runs
    # during usertests): each satp write asks the process table
    "follow": ["monitor b 0x10 space zombie", "monitor catch satp zombie"],
}


def run(xv6, mode, harts):
    tmp = tempfile.mkdtemp()
    try:
        img = os.path.join(tmp, "fs.img")
        shutil.copy(os.path.join(xv6, "fs.img"), img)
        sock = os.path.join(tmp, "s")
        rv = subprocess.Popen([RVSCOPE, "--harts", str(harts), "--osdesc",
                               os.path.join(ROOT, "tools", "xv6.osdesc"), "--disk", img,
                               "--gdb", "unix:" + sock, "kernel/kernel"], cwd=xv6,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if os.path.exists(sock):
                break
            time.sleep(0.05)
        cmds = ["target remote " + sock] + ARMED[mode] + ["continue"]
        args = ["gdb-multiarch", "-q", "-batch", "-nx"]
        for c in cmds:
            args += ["-ex", c]
        # no ELF for GDB: xv6 is built rv64gc (lp64d) and GDB refuses its
        # double-float ABI on a target without F/D; nothing here needs symbols
        gdb = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = b""
        while b"$ " not in out:
            c = rv.stdout.read(1)
            if not c:
                raise SystemExit("rvscope ended before the shell prompt")
            out += c
        if gdb.poll() is not None:
            raise SystemExit("GDB did not stay attached")
        rv.stdin.write(b"usertests -q\n")
        rv.stdin.flush()
        t0 = time.monotonic()
        out = b""
        while b"ALL TESTS PASSED" not in out and b"SOME TESTS FAILED" not in out:
            c = rv.stdout.read(1)
            if not c:
                raise SystemExit("rvscope ended during usertests")
            out += c
        t = time.monotonic() - t0
        ok = b"ALL TESTS PASSED" in out and gdb.poll() is None
        gdb.kill()
        rv.kill()
        gdb.wait()
        # rvscope's CPU time (boot + usertests): far less disturbed by other
        # load on the machine than wall time
        _, _, ru = os.wait4(rv.pid, 0)
        rv.returncode = 0
        return t, ru.ru_utime + ru.ru_stime, ok
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    xv6 = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    harts = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    res = {m: [] for m in ARMED}
    cpu = {m: [] for m in ARMED}
    for i in range(runs):                      # take turns, so load changes hit all
        for mode in ARMED:
            t, c, ok = run(xv6, mode, harts)
            res[mode].append(t)
            cpu[mode].append(c)
            print("%-6s run %d: wall %.2f s, rvscope CPU %.2f s%s" % (
                mode, i + 1, t, c, "" if ok else " (SOME TESTS FAILED)"), flush=True)
    p, pc = min(res["plain"]), min(cpu["plain"])
    for mode in ("armed", "follow"):
        a, ac = min(res[mode]), min(cpu[mode])
        print("usertests -q, %d hart(s), best of %d: wall plain %.2f s, %s %.2f s (speed %.3f); "
              "CPU plain %.2f s, %s %.2f s (speed %.3f)" % (harts, runs, p, mode, a, p / a, pc, mode,
                                                          ac, pc / ac))


if __name__ == "__main__":
    main()
