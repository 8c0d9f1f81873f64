#!/usr/bin/env python3
"""Protocol-level tests of rvscope's GDB stub: a tiny RSP client talks to
`rvscope --gdb 127.0.0.1:0` directly, where GDB itself would never send
what these tests send (bad checksums, oversized and malformed packets,
garbage, disconnects while running). Prints PASS/FAIL lines (tests/run.sh).

usage: rsp_test.py RVSCOPE GUEST_ELF SPIN_ELF TIMING_ELF
  GUEST_ELF   any guest that runs to its end (gdbprog.elf)
  SPIN_ELF    a guest that loops forever (tests/cli loop.elf)
  TIMING_ELF  timing.elf: prints a hash of when its timer interrupts came
"""
import random
import re
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

RVSCOPE, GUEST, SPIN, TIMING = sys.argv[1:5]


class Stub:
    """rvscope in the background plus one connection to it."""

    def __init__(self, elf, *opts):
        self.p = subprocess.Popen([RVSCOPE, "--gdb", "127.0.0.1:0", *opts, elf],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = self.p.stderr.readline().decode()
        m = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
        if not m:
            raise RuntimeError("rvscope did not announce a port: " + line)
        self.port = int(m.group(1))
        self.noack = False
        self.connect()

    def connect(self):
        self.s = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        self.s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass

    def finish(self, timeout=5):
        """Wait for rvscope to exit (kill it after timeout); its status."""
        self.close()
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
            return "timeout"

    def alive(self):
        return self.p.poll() is None

    def raw(self, data):
        self.s.sendall(data)

    def read_byte(self):
        while not self.buf:
            chunk = self.s.recv(65536)
            if not chunk:
                raise EOFError("connection closed")
            self.buf += chunk
        b, self.buf = self.buf[:1], self.buf[1:]
        return b

    def read_packet(self):
        """Next packet's payload (acks skipped); acks it unless no-ack."""
        while True:
            b = self.read_byte()
            if b == b"$":
                break
        data = b""
        while True:
            b = self.read_byte()
            if b == b"#":
                break
            data += b
        cs = self.read_byte() + self.read_byte()
        if int(cs, 16) != sum(data) % 256:
            raise ValueError("bad checksum from stub: %r" % data[:80])
        if not self.noack:
            self.raw(b"+")
        return data

    def read_ack(self):
        b = self.read_byte()
        while b not in (b"+", b"-"):
            b = self.read_byte()
        return b

    @staticmethod
    def frame(payload):
        if isinstance(payload, str):
            payload = payload.encode()
        return b"$" + payload + b"#%02x" % (sum(payload) % 256)

    def cmd(self, payload):
        """Send a packet and return the reply's payload (skipping O packets)."""
        self.raw(self.frame(payload))
        if not self.noack:
            ack = self.read_ack()
            if ack != b"+":
                raise ValueError("stub NAKed %r" % payload)
        while True:
            r = self.read_packet()
            if not (r.startswith(b"O") and r != b"OK"):
                return r


results = []


def check(name, cond, why=""):
    print(("PASS gdb/%s" % name) if cond else ("FAIL gdb/%s: %s" % (name, why)))
    sys.stdout.flush()


def test(fn):
    try:
        fn()
    except Exception as e:  # a crash of the stub shows up here
        print("FAIL gdb/%s: %s: %s" % (fn.__name__.replace("_", "-"), type(e).__name__, e))
    return fn


@test
def rsp_handshake():
    s = Stub(GUEST)
    r = s.cmd("qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+;vContSupported+").decode()
    want = ["PacketSize=", "qXfer:features:read+", "qXfer:exec-file:read+", "swbreak+", "hwbreak+",
            "vContSupported+",
            "QStartNoAckMode+", "QNonStop+"]
    missing = [w for w in want if w not in r]
    check("rsp-handshake", not missing, "qSupported reply %r lacks %s" % (r, missing))
    r2 = s.cmd("qSupported:multiprocess+").decode()
    check("rsp-supported-only-offered", "swbreak+" not in r2,
          "swbreak+ offered to a GDB that did not list it: %r" % r2)
    check("rsp-vcont", s.cmd("vCont?") == b"vCont;c;C;s;S;t", "vCont? reply")
    check("rsp-stop-query", re.match(rb"T05thread:1;", s.cmd("?")) is not None, "? reply")
    check("rsp-threads", s.cmd("qfThreadInfo") == b"m1" and s.cmd("qsThreadInfo") == b"l"
          and s.cmd("qC") == b"QC1" and s.cmd("qAttached") == b"1", "thread queries")
    extra = bytes.fromhex(s.cmd("qThreadExtraInfo,1").decode()).decode()
    check("rsp-thread-extra", extra == "hart 0, M-mode, halted", "qThreadExtraInfo: %r" % extra)
    s.cmd("k") if False else s.raw(s.frame("k"))
    st = s.finish()
    check("rsp-kill-exits", st == 0, "rvscope exit status after k: %s" % st)


@test
def rsp_robustness():
    s = Stub(GUEST)
    # a bad checksum is NAKed; the same packet sent right is answered
    s.raw(b"$qC#00")
    check("rsp-bad-checksum", s.read_ack() == b"-", "no '-' for a bad checksum")
    check("rsp-bad-checksum-recovers", s.cmd("qC") == b"QC1", "no answer after a NAK")
    s.raw(b"$qC#zz")
    check("rsp-bad-checksum-digits", s.read_ack() == b"-", "no '-' for non-hex checksum digits")
    # '-' from GDB: the last packet again
    s.raw(s.frame("qC"))
    s.read_ack()
    first = s.read_packet()
    s.raw(b"-")
    again = s.read_packet()
    check("rsp-nak-resend", first == again == b"QC1", "resent %r, first %r" % (again, first))
    # oversized: an error, and the stub stays
    big = b"M80000000,9000:" + b"00" * 0x9000
    s.raw(s.frame(big))
    s.read_ack()
    r = s.read_packet()
    check("rsp-oversized", r.startswith(b"E"), "oversized packet answered %r" % r[:40])
    # unknown packets: the empty reply
    for p in ["qFrobnicate", "vMustReplyEmpty", "!", "vFile:setfs:0", "Qbogus", "bc", "~"]:
        r = s.cmd(p)
        if r != b"":
            check("rsp-unknown", False, "%r answered %r" % (p, r))
            break
    else:
        check("rsp-unknown", True)
    # malformed packets: an error reply (or empty), never a crash
    bad = ["m", "mzz,4", "m80000000", "m80000000,", "m8000000000000000000,4", "M80000000,4:zz",
           "M80000000,4:00", "M80000000,2:001122", "X80000000,10:ab", "X80000000,1:}", "Z0",
           "Z0,", "Z0,80000000", "Z0,80000000,4x", "Z2,80000000,0", "z1,zz,4", "p", "pzz", "p99999",
           "p1000000000", "P20", "P20=zz", "P20=00112233445566778899", "Pzz=00", "Hq1", "Hg99",
           "Hc", "Hgzz", "T99", "T0", "Tzz", "vCont;x", "vCont;s:99", "vCont;C", "vCont;c:",
           "vCont;cc", "vCont", "qXfer:features:read:foo.xml:0,10",
           "qXfer:features:read:target.xml:zz", "qXfer:features:read:target.xml",
           "qXfer:features:read:target.xml:0", "G12", "G" + "00" * 7, "qRcmd,zz", "qRcmd,6",
           "qThreadExtraInfo,99", "qThreadExtraInfo,zz", "Czz", "S", "Sxx;", "c zz", "s80000000zz",
           "C05;zz"]
    for p in bad:
        r = s.cmd(p)
        if not (r == b"" or re.match(rb"E[0-9a-f]{2}$", r)):
            check("rsp-malformed", False, "%r answered %r" % (p, r[:60]))
            break
    else:
        check("rsp-malformed", s.cmd("qC") == b"QC1", "stub lost after malformed packets")
    # garbage between packets, then a real packet
    rnd = random.Random(6)
    noise = bytes(rnd.choice(b"+-#}*abcdefg0123\x00\x7f\xff") for _ in range(20000))
    s.raw(noise)
    s.raw(b"#00")          # close any packet the noise may have opened
    time.sleep(0.2)
    s.buf = b""
    try:
        s.s.settimeout(0.3)
        while s.s.recv(65536):
            pass
    except (socket.timeout, BlockingIOError):
        pass
    s.s.settimeout(10)
    check("rsp-garbage", s.cmd("qC") == b"QC1", "stub lost after garbage")
    # binary X with every escaped character, read back with m
    data = bytes([0x23, 0x24, 0x7d, 0x2a, 0x00, 0xff, 0x03, 0x41])
    esc = b"".join(b"}" + bytes([c ^ 0x20]) if c in b"#$}*" else bytes([c]) for c in data)
    ok = s.cmd(b"X80010000,8:" + esc) == b"OK" and s.cmd("m80010000,8") == data.hex().encode()
    check("rsp-binary-X", ok, "X/m round trip of escaped bytes")
    check("rsp-mem-fault", s.cmd("m10,4").startswith(b"E"), "no error reading address 0x10")
    check("rsp-mem-partial", len(s.cmd("m87fffffc,8")) == 8, "a read that runs off the end of RAM should return the 4 bytes in RAM")
    # no-ack mode
    check("rsp-noack", s.cmd("QStartNoAckMode") == b"OK", "QStartNoAckMode refused")
    s.noack = True
    check("rsp-noack-works", s.cmd("qC") == b"QC1", "no reply in no-ack mode")
    s.raw(b"$qC#00")
    check("rsp-noack-no-checksum-check", s.read_packet() == b"QC1", "no-ack mode and a bad checksum")
    check("rsp-alive", s.alive(), "rvscope died")
    s.raw(s.frame("D"))
    s.read_packet()
    st = s.finish()
    check("rsp-detach-runs-on", st == 0 and b"done" in s.p.stdout.read(),
          "after D the guest should run to its end (status %s)" % st)


@test
def rsp_target_xml():
    s = Stub(GUEST)
    xml, off = b"", 0
    while True:
        r = s.cmd("qXfer:features:read:target.xml:%x,%x" % (off, 0xf0))
        if r[:1] not in (b"m", b"l"):
            raise ValueError("qXfer reply %r" % r[:40])
        chunk, i = b"", 1
        while i < len(r):           # undo binary escapes
            if r[i] == 0x7d:
                chunk += bytes([r[i + 1] ^ 0x20])
                i += 2
            else:
                chunk += r[i:i + 1]
                i += 1
        xml += chunk
        off += len(chunk)
        if r[:1] == b"l":
            break
    root = ET.fromstring(xml)
    feats = {f.get("name"): f for f in root.findall("feature")}
    ok = {"org.gnu.gdb.riscv.cpu", "org.gnu.gdb.riscv.csr", "org.gnu.gdb.riscv.virtual"} <= set(feats)
    check("rsp-xml-features", ok, "features: %s" % sorted(feats))
    cpu = [(r.get("name"), int(r.get("regnum"))) for r in feats["org.gnu.gdb.riscv.cpu"]]
    check("rsp-xml-cpu", len(cpu) == 33 and cpu[32] == ("pc", 32) and cpu[0][1] == 0,
          "cpu registers %s" % cpu[:3])
    priv = [int(r.get("regnum")) for r in feats["org.gnu.gdb.riscv.virtual"] if r.get("name") == "priv"]
    check("rsp-xml-priv", priv == [4161], "priv regnum %s" % priv)
    csrs = {r.get("name"): int(r.get("regnum")) for r in feats["org.gnu.gdb.riscv.csr"]}
    ok = csrs.get("mstatus") == 65 + 0x300 and csrs.get("satp") == 65 + 0x180 and \
        csrs.get("tdata1") == 65 + 0x7a1 and len(csrs) > 50
    check("rsp-xml-csr-regnums", ok, "%d CSRs, mstatus at %s" % (len(csrs), csrs.get("mstatus")))
    bad = [n for n, num in csrs.items() if not re.match(rb"[0-9a-f]{16}$", s.cmd("p%x" % num))]
    check("rsp-xml-csrs-readable", not bad, "p fails for %s" % bad[:5])
    check("rsp-priv-read", s.cmd("p1041") == b"0300000000000000", "p1041 (priv)")
    ok = s.cmd("P1041=0100000000000000") == b"OK" and s.cmd("p1041") == b"0100000000000000" and \
        s.cmd("P1041=0200000000000000").startswith(b"E") and s.cmd("P1041=0300000000000000") == b"OK"
    check("rsp-priv-write", ok, "P1041 (priv): S accepted, 2 refused")
    ok = s.cmd("P0=0500000000000000") == b"OK" and s.cmd("p0") == b"0000000000000000"
    check("rsp-x0-ignores-writes", ok, "x0 changed")
    s.finish(0)


def time_break_in(s):
    """Continue the spinning guest, break in with 0x03; seconds to the stop."""
    s.raw(s.frame("vCont;c"))
    if not s.noack:
        s.read_ack()
    time.sleep(0.3)
    t0 = time.monotonic()
    s.raw(b"\x03")
    r = s.read_packet()
    return time.monotonic() - t0, r


@test
def rsp_break_in():
    s = Stub(SPIN)
    s.cmd("qSupported:swbreak+;hwbreak+")
    # Five stops of a guest that never stops by itself, each answered with
    # T02 before the socket's 10 s timeout, are the test; how long they took
    # is printed, not judged (a busy machine would make any limit flaky).
    lat, bad = [], None
    for _ in range(5):
        dt, r = time_break_in(s)
        if not r.startswith(b"T02thread:1;"):
            bad = r
            break
        lat.append(dt)
    check("rsp-break-in", bad is None, "break-in %d: stop reply %r" % (len(lat) + 1, bad))
    if bad is not None:
        return
    print("gdb: break-in latency over 5 tries: worst %.2f ms, median %.2f ms"
          % (max(lat) * 1e3, sorted(lat)[2] * 1e3))
    # a guest that runs on while GDB is away, and a new GDB that stops it
    s.raw(s.frame("vCont;c"))
    s.read_ack()
    time.sleep(0.1)
    s.close()
    time.sleep(0.3)
    check("rsp-disconnect-runs-on", s.alive(), "rvscope ended when GDB vanished mid-run")
    s.connect()
    r = s.cmd("?")
    check("rsp-reconnect", r.startswith(b"T05thread:1;"), "second GDB: ? answered %r" % r)
    pc1 = s.cmd("p20")
    dt, r = time_break_in(s)
    check("rsp-reconnect-runs", r.startswith(b"T02") and s.cmd("p20") != b"", "second session")
    s.raw(s.frame("k"))
    st = s.finish()
    check("rsp-kill-status", st == 0, "status %s after k" % st)


@test
def rsp_break_in_same_read():
    """Issue 16: a 0x03 sent in the same TCP segment as the vCont;c before
    it (read into the stub's buffer with the packet) stops that run; it was
    lost and the run never stopped. The socket's 10 s timeout guards."""
    s = Stub(SPIN)
    try:
        s.cmd("qSupported:swbreak+;hwbreak+")
        got = []
        try:
            for _ in range(5):
                s.raw(s.frame("vCont;c") + b"\x03")
                s.read_ack()
                got.append(s.read_packet())
        except (socket.timeout, OSError) as e:
            got.append(repr(e))
        ok = len(got) == 5 and all(isinstance(r, bytes) and r.startswith(b"T02thread:1;") for r in got)
        check("rsp-break-in-same-read", ok, "replies %r" % got)
        if not ok:
            return
        # and still a working session: a plain break-in after that
        dt, r = time_break_in(s)
        check("rsp-break-in-same-read-after", r.startswith(b"T02"), "then a break-in got %r" % r)
        s.raw(s.frame("k"))
    finally:
        s.finish()


def busy_knock(port):
    """A second GDB: connects, sends qSupported; what it gets before the
    stub closes the connection (b"" for nothing)."""
    t = socket.create_connection(("127.0.0.1", port), timeout=10)
    t.sendall(Stub.frame("qSupported:swbreak+"))
    data = b""
    try:
        while True:
            chunk = t.recv(4096)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        data += b"<timeout: not closed>"
    t.close()
    return data


def second_gdb_busy(s):
    s.cmd("qSupported:swbreak+;hwbreak+")
    r = busy_knock(s.port)
    check("rsp-second-gdb-busy-stopped", b"$E.rvscope: another GDB is attached" in r and
          r.endswith(b"#" + r[-2:]), "second GDB got %r" % r)
    check("rsp-second-gdb-first-goes-on", s.cmd("qC") == b"QC1", "first GDB's qC after the knock")
    s.raw(s.frame("vCont;c"))
    s.read_ack()
    time.sleep(0.1)
    r = busy_knock(s.port)
    check("rsp-second-gdb-busy-running", b"another GDB is attached" in r, "second GDB got %r" % r)
    s.raw(b"\x03")
    r = s.read_packet()
    check("rsp-second-gdb-first-stops", r.startswith(b"T02"), "break-in after the knock: %r" % r)
    s.raw(s.frame("k"))


@test
def rsp_second_gdb_busy():
    """Issue 16: a second GDB while one is attached got no reply at all;
    it is told the stub is busy (an E. error packet) and closed, whether the
    first is stopped or running, and the first GDB's session goes on."""
    s = Stub(SPIN)
    try:
        second_gdb_busy(s)
    finally:
        s.finish()


@test
def rsp_once():
    s = Stub(SPIN, "--gdb-once")
    s.raw(s.frame("vCont;c"))
    s.read_ack()
    time.sleep(0.2)
    # 10 s only guards against a hang: rvscope should exit at once
    st = s.finish(10)
    check("rsp-once-exits", st != "timeout",
          "--gdb-once: rvscope still runs 10 s after GDB vanished")


@test
def rsp_exit_code():
    s = Stub(GUEST)
    r = s.cmd("vCont;c")
    st = s.finish()
    check("rsp-exit-W", r == b"W00" and st == 0, "reply %r, status %s" % (r, st))


@test
def rsp_break_in_invisible():
    """Break-ins stop the machine between rounds, where time and state are
    what a plain run has: the guest's timer-interrupt fingerprint is the
    same with 30 break-ins as without any."""
    plain = subprocess.run([RVSCOPE, TIMING], stdout=subprocess.PIPE, timeout=60).stdout
    s = Stub(TIMING)
    s.cmd("qSupported:swbreak+;hwbreak+")
    stops = 0
    for i in range(30):
        s.raw(s.frame("vCont;c"))
        s.read_ack()
        time.sleep(0.005 + 0.003 * (i % 5))
        s.raw(b"\x03")
        r = s.read_packet()
        if r.startswith(b"W"):
            break
        stops += 1
    r = s.cmd("vCont;c") if not r.startswith(b"W") else r
    st = s.finish()
    out = s.p.stdout.read()
    check("rsp-break-in-invisible", out == plain and r == b"W00" and stops >= 10,
          "%d break-ins; plain run printed %r, with break-ins %r (%r)" % (stops, plain, out, r))
