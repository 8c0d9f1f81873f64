#!/usr/bin/env python3
"""The UART console on a terminal (tests/system/run.sh): rvscope runs
uart_rx.elf on a pseudo-terminal. Checks raw mode once the guest reads
input, Ctrl-C and Ctrl-A Ctrl-A reaching the guest, idle time paced in host
time while a person could type, Ctrl-A x quitting, and the terminal's
settings coming back after Ctrl-A x and after SIGTERM.
Prints PASS/FAIL lines (protocol of tests/run.sh).
Usage: pty_test.py RVSCOPE ELF [SPIN_ELF]
SPIN_ELF: a guest that never touches the UART (tests/cli loop.elf): the
terminal is raw from the start anyway (issue 16), as QEMU's."""
import fcntl, os, select, signal, subprocess, sys, termios, time

rvscope, elf = sys.argv[1], sys.argv[2]
spin_elf = sys.argv[3] if len(sys.argv) > 3 else None


def start(image=None):
    master, slave = os.openpty()
    before = termios.tcgetattr(slave)

    def child_setup():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    p = subprocess.Popen([rvscope, image or elf], stdin=slave, stdout=slave, stderr=slave,
                         preexec_fn=child_setup, close_fds=True)
    return p, master, slave, before


def read_until(master, want, timeout=5.0, acc=b""):
    end = time.time() + timeout
    while want not in acc:
        left = end - time.time()
        if left <= 0:
            break
        r, _, _ = select.select([master], [], [], left)
        if not r:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        acc += chunk
    return acc


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_raw(slave):
    """True once the terminal is in the console's raw mode (a guard of 5 s
    against a hang): no ISIG either, which readline's prompt keeps."""
    flags = termios.ICANON | termios.ECHO | termios.ISIG
    end = time.time() + 5
    while time.time() < end:
        if not (termios.tcgetattr(slave)[3] & flags):
            return True
        time.sleep(0.02)
    return False


def wait_exit(p):
    """rvscope's exit status, or "timeout" (then it is killed)."""
    try:
        return p.wait(timeout=5)
    except subprocess.TimeoutExpired:
        p.kill()
        return "timeout"


def check(name, ok, why):
    print(f"PASS {name}" if ok else f"FAIL {name}: {why}")
    return ok


def session_quit():
    p, master, slave, before = start()
    try:
        out = read_until(master, b"ready\r\n")
        if not check("pty/ready", b"ready\r\n" in out, f"no 'ready' line: {out!r}"):
            return
        raw = termios.tcgetattr(slave)
        lflag = raw[3]
        check("pty/raw-mode", not (lflag & (termios.ICANON | termios.ECHO | termios.ISIG)),
              f"terminal not in raw mode (lflag {lflag:#x})")
        os.write(master, b"hi\r")
        out = read_until(master, b"echo: HI\r\n")
        check("pty/echo", b"echo: HI\r\n" in out, f"got {out!r}")
        os.write(master, b"\x03\x01\x01\r")
        out = read_until(master, b"echo: <03><01>\r\n")
        check("pty/ctrl-c-and-ctrl-a-reach-guest", b"echo: <03><01>\r\n" in out, f"got {out!r}")
        # Periodic 10 ms guest timer while idle: paced in host time.  The
        # bounds are relative to the host time measured around the sleep,
        # which a busy machine stretches: they tell a timer that follows
        # host time from one that does not (or an idle loop that spins),
        # and do not depend on how fast the machine is.
        cpu0 = cpu_seconds(p.pid)
        t0 = time.monotonic()
        os.write(master, b"T")
        time.sleep(1.0)
        os.write(master, b"?")
        elapsed = time.monotonic() - t0
        out = read_until(master, b"\r\n", acc=b"")
        cpu = cpu_seconds(p.pid) - cpu0
        ticks = -1
        if b"ticks: " in out:
            ticks = int(out.split(b"ticks: ")[1].split(b"\r")[0])
        want = elapsed * 100
        check("pty/idle-paced", 0.4 * want <= ticks <= 1.6 * want and cpu < 0.5 * elapsed,
              f"{ticks} ticks of 10 ms in {elapsed:.2f} s of host time (want about {want:.0f}), "
              f"{cpu:.2f} s CPU")
        os.write(master, b"\x01x")
        rc = wait_exit(p)
        out = read_until(master, b"terminated", timeout=1)
        check("pty/ctrl-a-x", rc == 0 and b"terminated" in out, f"exit {rc}, output {out!r}")
        after = termios.tcgetattr(slave)
        check("pty/restored-after-ctrl-a-x", after == before, "terminal settings differ")
    finally:
        if p.poll() is None:
            p.kill()
        os.close(master)
        os.close(slave)


def session_sigterm():
    p, master, slave, before = start()
    try:
        out = read_until(master, b"ready\r\n")
        if not check("pty/ready-2", b"ready\r\n" in out, f"no 'ready' line: {out!r}"):
            return
        time.sleep(0.1)
        p.send_signal(signal.SIGTERM)
        rc = wait_exit(p)
        after = termios.tcgetattr(slave)
        check("pty/restored-after-sigterm", rc == -signal.SIGTERM and after == before,
              f"exit {rc}, settings {'same' if after == before else 'differ'}")
    finally:
        if p.poll() is None:
            p.kill()
        os.close(master)
        os.close(slave)


def session_raw_from_start():
    """A guest that never reads the UART (issue 16: raw mode came only
    once the guest read input, so Ctrl-A x was ignored): raw at once,
    Ctrl-A h lists the commands, Ctrl-A x quits, the terminal comes back."""
    p, master, slave, before = start(spin_elf)
    try:
        raw = wait_raw(slave)
        check("pty/raw-from-start", raw, "terminal still cooked for a guest that never reads")
        os.write(master, b"\x01h")
        out = read_until(master, b"exit rvscope")
        check("pty/ctrl-a-h-help", b"C-a x    exit rvscope" in out, f"got {out!r}")
        os.write(master, b"\x01x")
        rc = wait_exit(p)
        out = read_until(master, b"terminated", timeout=1)
        check("pty/ctrl-a-x-no-reads", rc == 0 and b"terminated" in out, f"exit {rc}, output {out!r}")
        check("pty/restored-no-reads", termios.tcgetattr(slave) == before, "terminal settings differ")
    finally:
        if p.poll() is None:
            p.kill()
        os.close(master)
        os.close(slave)


def session_monitor_escape():
    """Ctrl-A c in a plain run (issue 16): the guest stops and the monitor
    opens on the terminal (readline's); its commands work; 'c'
    gives the terminal back to the guest, raw again; Ctrl-A c opens it
    again and 'q' ends rvscope."""
    p, master, slave, before = start(spin_elf)
    try:
        wait_raw(slave)
        os.write(master, b"\x01c")
        out = read_until(master, b"(rvscope) ")
        check("pty/ctrl-a-c-monitor", b"rvscope monitor (Ctrl-A c): the guest is stopped at 0x" in out
              and b"(rvscope) " in out, f"got {out!r}")
        os.write(master, b"p 6*7\r")
        out = read_until(master, b"(42)")
        check("pty/ctrl-a-c-command", b"0x2a (42)" in out, f"got {out!r}")
        os.write(master, b"c\r")
        # the console's raw mode, not readline's (which keeps ISIG)
        raw = wait_raw(slave)
        check("pty/ctrl-a-c-resumes-raw", raw and p.poll() is None, "the run did not go on in raw mode")
        read_until(master, b"never", timeout=0.2)     # what the first session still said
        os.write(master, b"\x01c")
        out = read_until(master, b"'q' quits.")
        out = read_until(master, b"(rvscope) ", acc=out)
        os.write(master, b"q\r")
        rc = wait_exit(p)
        check("pty/ctrl-a-c-quit", rc == 0 and b"(rvscope) " in out, f"exit {rc}, output {out!r}")
        check("pty/ctrl-a-c-restored", termios.tcgetattr(slave) == before, "terminal settings differ")
    finally:
        if p.poll() is None:
            p.kill()
        os.close(master)
        os.close(slave)


session_quit()
session_sigterm()
if spin_elf:
    session_raw_from_start()
    session_monitor_escape()
