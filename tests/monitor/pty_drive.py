#!/usr/bin/env python3
"""Drives `rvscope -m` through a pseudo-terminal, as a person would: the
readline prompt, Ctrl-C while the guest runs (back to the prompt), Ctrl-C at
the prompt (the line is dropped), history (Up arrow), Tab completion and q.
Usage: pty_drive.py RVSCOPE GUEST; prints PASS/FAIL lines (tests/run.sh protocol)."""
import os, pty, select, sys, time

rv, guest = sys.argv[1], sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "dumb"
    os.execv(rv, [rv, "-m", guest])

buf = b""

def read_until(token, timeout=10.0):
    global buf
    end = time.time() + timeout
    while token not in buf:
        left = end - time.time()
        if left <= 0:
            return False
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return token in buf
            if not data:
                return token in buf
            buf += data
    return True

def take():
    global buf
    out, buf = buf, b""
    return out

def check(name, ok, why):
    print(("PASS monitor/" + name) if ok else ("FAIL monitor/%s: %s" % (name, why)))

ok = read_until(b"(rvscope) ")
check("tty-prompt", ok, "no prompt: %r" % take()[-200:])
take()
os.write(fd, b"c\r")
time.sleep(0.7)
os.write(fd, b"\x03")
ok = read_until(b"Interrupted.") and read_until(b"(rvscope) ")
check("tty-ctrl-c-running", ok, "no 'Interrupted.' and prompt: %r" % take()[-300:])
take()
os.write(fd, b"p 40+2")
time.sleep(0.2)
os.write(fd, b"\x03")
time.sleep(0.2)
os.write(fd, b"p 1+2\r")
ok = read_until(b"0x3 (3)")
out = take()
check("tty-ctrl-c-prompt", ok and b"0x2a" not in out, "line not dropped: %r" % out[-300:])
read_until(b"(rvscope) ")
take()
os.write(fd, b"\x1b[A\r")          # Up: the last command again
ok = read_until(b"0x3 (3)")
check("tty-history", ok, "Up did not recall 'p 1+2': %r" % take()[-300:])
read_until(b"(rvscope) ")
take()
# Tab completion (issue 16): commands, registers, symbols; never file names
os.write(fd, b"hel\t\r")
ok = read_until(b"Commands (help CMD for more):")
check("tty-complete-command", ok, "hel<Tab> did not run help: %r" % take()[-300:])
read_until(b"(rvscope) ")
take()
os.write(fd, b"p $mep\t\r")
ok = read_until(b"(rvscope) ")
out = take()
check("tty-complete-register", b"$mepc" in out and b"unknown register" not in out, "got %r" % out[-300:])
os.write(fd, b"p _sta\t\r")
ok = read_until(b"0x80000000")
out = take()
check("tty-complete-symbol", ok and b"_start" in out, "got %r" % out[-300:])
read_until(b"(rvscope) ")
take()
os.write(fd, b"p tests/monitor/pty_dr\t\r")
read_until(b"(rvscope) ")
out = take()
check("tty-complete-no-files", b"pty_drive.py" not in out, "a host file name was completed: %r" % out[-300:])
# d alone asks at a terminal (issue 16): n keeps, y deletes everything
os.write(fd, b"b _start\r")
read_until(b"(rvscope) ")
take()
os.write(fd, b"d\r")
ok = read_until(b"(y or n) ")
os.write(fd, b"n\r")
read_until(b"(rvscope) ")
os.write(fd, b"info b\r")
kept = read_until(b"breakpoint  0x")
read_until(b"(rvscope) ")
os.write(fd, b"d\r")
read_until(b"(y or n) ")
os.write(fd, b"y\r")
read_until(b"(rvscope) ")
os.write(fd, b"info b\r")
gone = read_until(b"No breakpoints or watchpoints.")
check("tty-delete-all-asks", ok and kept and gone, "got %r" % take()[-400:])
read_until(b"(rvscope) ")
os.write(fd, b"q\r")
_, status = os.waitpid(pid, 0)
check("tty-quit", os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "status %r" % status)
