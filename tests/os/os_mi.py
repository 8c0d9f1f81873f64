#!/usr/bin/env python3
"""rvos through GDB/MI, the way an IDE (VS Code's cppdbg, Native Debug)
drives GDB: the stub with the OS description, the symbol extension
(tools/gdb/rvscope.py) sourced, a breakpoint on spin's write ecall, a
stop whose frames are user source (usys.S, spin.c) after the extension
loaded spin.elf, a stepi into the trap vector (S mode), and the thread
list with the guest's processes.

usage: os_mi.py RVSCOPE OS_DIR ECALL_ADDR   (PASS/FAIL lines, tests/run.sh)"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "debugger"))
from mi import GDB, MIError  # noqa: E402

RV, OS, ECALL = sys.argv[1], sys.argv[2], sys.argv[3]
NAME = "spaces-gdb-mi"


def main():
    tmp = tempfile.mkdtemp()
    sock = os.path.join(tmp, "s")
    rv = subprocess.Popen([RV, "--osdesc", "os/rvos.osdesc", "--gdb", "unix:" + sock,
                           os.path.join(OS, "os.elf")], stdin=subprocess.PIPE,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rv.stdin.write(b"sleep 1000 &\nspin A 1 &\nwait\nhalt\n")
    rv.stdin.flush()
    for _ in range(100):
        if os.path.exists(sock):
            break
        time.sleep(0.05)
    g = GDB(os.path.join(OS, "os.elf"))
    why = []
    try:
        g.cmd('-interpreter-exec console "source tools/gdb/rvscope.py"')
        g.cmd("-target-select remote " + sock)
        g.console("monitor b %s if $a0 == 1 && $a2 == 4" % ECALL)
        g.cmd("-exec-continue")
        g.wait(r"^\*stopped")
        frames = g.cmd("-stack-list-frames")
        if 'func="write"' not in frames or 'file="os/user/usys.S"' not in frames:
            why.append("frame 0 not write in usys.S: " + frames[:200])
        if 'func="main"' not in frames or 'spin.c' not in frames:
            why.append("no main in spin.c among the frames")
        g.cmd("-exec-step-instruction")
        st = g.wait(r'^\*stopped.*addr="0x0000003ffffff000"', timeout=10)
        if 'addr="0x0000003ffffff000"' not in st:
            why.append("stepi on ecall did not stop at the trap vector: " + st[:200])
        if g.value("$priv") != "1":
            why.append("not S mode after the ecall")
        threads = g.cmd("-thread-info")
        for t in ("pid 1 init, SLEEPING", "pid 3 sleep, SLEEPING"):
            if t not in threads:
                why.append("no '%s' in -thread-info" % t)
    except MIError as e:
        why.append(str(e))
    finally:
        g.close()
        rv.kill()
        rv.wait()
    if why:
        print("FAIL %s: %s | %s" % (NAME, "; ".join(why), " ".join(g.log[-6:])[-600:]))
    else:
        print("PASS " + NAME)


main()
