"""A small GDB/MI driver for the debugger-layer tests: gdb-multiarch runs
with --interpreter=mi3 on pipes, a reader thread collects its records, and
the test sends commands and waits for results and async records (*stopped,
*running) the way an IDE does. Every wait has a timeout, so a missing
event fails the test instead of hanging it."""
import queue
import re
import subprocess
import threading
import time


class MIError(Exception):
    pass


class GDB:
    def __init__(self, elf, gdb="gdb-multiarch"):
        self.p = subprocess.Popen([gdb, "-nx", "-q", "--interpreter=mi3", elf],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines = queue.Queue()
        self.log = []          # every record, for the failure report
        self.pending = []      # async records not consumed by a wait yet
        self.token = 100
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.p.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def _next(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise MIError("timed out")
        line = self.lines.get(timeout=left)
        if line is None:
            raise MIError("gdb exited")
        self.log.append(line)
        return line

    def cmd(self, command, timeout=20):
        """Send an MI or CLI command; return the result record (^done...)."""
        self.token += 1
        tok = str(self.token)
        self.p.stdin.write(tok + command + "\n")
        self.p.stdin.flush()
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._next(deadline)
            except (queue.Empty, MIError) as e:
                raise MIError("no result for %r (%s)" % (command, e))
            if line.startswith(tok + "^"):
                if line.startswith(tok + "^error"):
                    raise MIError("%r failed: %s" % (command, line))
                return line[len(tok):]
            if line.startswith("*") or line.startswith("="):
                self.pending.append(line)

    def wait(self, pattern, timeout=20):
        """The first async record (*stopped, =thread-...) matching pattern."""
        rx = re.compile(pattern)
        for i, line in enumerate(self.pending):
            if rx.search(line):
                del self.pending[:i + 1]
                return line
        self.pending.clear()
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._next(deadline)
            except (queue.Empty, MIError) as e:
                raise MIError("no record matching /%s/ (%s)" % (pattern, e))
            if rx.search(line):
                return line

    def value(self, expr):
        """An expression's value as GDB prints it."""
        r = self.cmd('-data-evaluate-expression "%s"' % expr.replace('"', '\\"'))
        m = re.search(r'value="([^"]*)"', r)
        if not m:
            raise MIError("no value in %r" % r)
        return m.group(1)

    def console(self, command):
        """A CLI command; its output (console ~"..." and target @"..."
        records, where `monitor` output goes) as text."""
        start = len(self.log)
        self.cmd('-interpreter-exec console "%s"' % command.replace('"', '\\"'))
        out = []
        for line in self.log[start:]:
            if line.startswith('~"') or line.startswith('@"'):
                out.append(line[2:-1].encode().decode("unicode_escape"))
        return "".join(out)

    def close(self):
        try:
            self.p.stdin.write("-gdb-exit\n")
            self.p.stdin.flush()
            self.p.wait(timeout=10)
        except Exception:
            self.p.kill()
