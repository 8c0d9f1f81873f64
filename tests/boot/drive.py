#!/usr/bin/env python3
"""Types at a guest's console through a pipe, as a person would: waits for
each expected text on the guest's output, then sends the next input.
Usage: drive.py OUT TIMEOUT STEPS -- COMMAND...
  STEPS: 'WANT|SEND;WANT|SEND;...' (\\n in SEND is a newline; an empty SEND
  sends nothing). Then waits for COMMAND to exit.
Writes everything the guest printed to OUT; exits with COMMAND's status, or
with 124 (and 'drive.py: waited for ...' on stderr) when an expected text
did not come in TIMEOUT seconds (generous: no timing is asserted)."""
import os, select, subprocess, sys, time

out_path, timeout, steps = sys.argv[1], float(sys.argv[2]), sys.argv[3]
cmd = sys.argv[sys.argv.index("--") + 1:]
pairs = [s.split("|", 1) for s in steps.split(";") if s]
p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
acc, seen, end = b"", 0, time.time() + timeout
os.set_blocking(p.stdout.fileno(), False)


def pump(wait):
    global acc
    r, _, _ = select.select([p.stdout], [], [], wait)
    if r:
        chunk = p.stdout.read()
        if chunk:
            acc += chunk
            return True
        return False
    return True


status = None
for want, send in pairs:
    want_b = want.encode()
    while acc.find(want_b, seen) < 0:
        if time.time() > end or not pump(1.0):
            break
    i = acc.find(want_b, seen)
    if i < 0:
        sys.stderr.write(f"drive.py: waited for {want!r}; the guest printed: ...{acc[-300:]!r}\n")
        p.kill()
        status = 124
        break
    seen = i + len(want_b)
    if send:
        p.stdin.write(send.replace("\\n", "\n").encode())
        p.stdin.flush()
if status is None:
    while time.time() < end and pump(1.0) and p.poll() is None:
        pass
    while pump(0.1):
        if p.poll() is not None and not select.select([p.stdout], [], [], 0)[0]:
            break
    try:
        status = p.wait(timeout=max(1.0, end - time.time()))
    except subprocess.TimeoutExpired:
        sys.stderr.write("drive.py: the guest did not exit\n")
        p.kill()
        status = 124
with open(out_path, "wb") as f:
    f.write(acc)
sys.exit(status)
