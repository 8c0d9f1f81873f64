#!/usr/bin/env python3
"""rvscope's Debug Module driven directly over remote_bitbang, for what
Debian's OpenOCD 0.12 never does (the riscv-tests debug suite with a
current riscv-openocd does; docs/jtag.md). A tiny JTAG master: TAP moves,
IR and DR scans, DMI operations; nothing of rvscope's own code is used.
Each case says what the Debug Spec 1.0 section it checks requires.

  stoptime   dcsr.stoptime (4.9.1): with stoptime = 0 (the reset value)
             mtime goes on while the hart is halted (read through system
             bus access twice: the second read is larger); with every hart
             halted and stoptime = 1 it stands still (two reads equal);
             back to 0 it moves again
  hartreset  dmcontrol.hartreset (3.14.2) on hart 1 of 2: reads back 1,
             anyhavereset; hart 1 held in reset does not run and cannot
             halt; written 0 with haltreq, hart 1 is halted at its reset
             pc (the ELF entry) with a0 = 1 again (rvscope's boot state)
             and dcsr.cause = haltreq; hart 0's registers are untouched
  memory     the Access Memory command (3.7.1.3): datacount 4; 32-bit
             writes with aampostincrement (address + 4 each) read back
             through system bus access, a read back through the command;
             64-bit on RV64; a bad address ends with cmderr 5 (bus),
             aamvirtual with cmderr 2 (not supported)

usage: dmi_test.py RVSCOPE ELF NAME  (prints PASS/FAIL lines)"""
import re
import socket
import subprocess
import sys

import elfref

RV, ELF, NAME = sys.argv[1], sys.argv[2], sys.argv[3]

# DM registers and fields (Debug Spec 1.0, 3.14)
DATA0, DMCONTROL, DMSTATUS, ABSTRACTCS, COMMAND = 0x04, 0x10, 0x11, 0x16, 0x17
SBCS, SBADDRESS0, SBDATA0 = 0x38, 0x39, 0x3c
RAM = 0x80000000
DCSR, DPC = 0x7b0, 0x7b1
A0 = 0x100a
HARTRESET, HALTREQ, ACKHAVERESET = 1 << 29, 1 << 31, 1 << 28
MTIME = 0x0200bff8          # CLINT mtime (QEMU virt's map)


class Dmi:
    """A JTAG master on remote_bitbang: one character per pin change, 'R'
    reads TDO (sampled while TCK is low, before the rising edge)."""

    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=20)
        self.out = bytearray()
        self.nread = 0
        for _ in range(6):
            self.clock(1)           # Test-Logic-Reset
        self.clock(0)               # Run-Test/Idle
        self.ir(0x11)               # dmi

    def clock(self, tms, tdi=0, read=False):
        self.out += b"%d" % (tms << 1 | tdi)
        if read:
            self.out += b"R"
            self.nread += 1
        self.out += b"%d" % (4 | tms << 1 | tdi)

    def flush(self):
        self.s.sendall(bytes(self.out))
        self.out.clear()
        got = b""
        while len(got) < self.nread:
            chunk = self.s.recv(self.nread - len(got))
            if not chunk:
                raise SystemExit("FAIL %s/rbb: rvscope closed the connection" % NAME)
            got += chunk
        self.nread = 0
        return [c == ord("1") for c in got]

    def scan(self, bits, n, ir=False):
        """From Run-Test/Idle: shift n bits (LSB first) through DR or IR,
        back to Run-Test/Idle; return what came out."""
        for tms in ((1, 1, 0, 0) if ir else (1, 0, 0)):
            self.clock(tms)
        for i in range(n):
            self.clock(1 if i == n - 1 else 0, bits >> i & 1, read=True)
        self.clock(1)               # Update
        self.clock(0)               # Run-Test/Idle
        tdo = self.flush()
        return sum(b << i for i, b in enumerate(tdo))

    def ir(self, value):
        self.scan(value, 5, ir=True)

    def op(self, op, addr, data=0):
        """One DMI operation; its result is captured by the next scan."""
        self.scan(addr << 34 | (data & 0xffffffff) << 2 | op, 41)
        r = self.scan(0, 41)        # a nop, to see the result
        if r & 3:
            raise SystemExit("FAIL %s/dmi: op %d at %#x answered %d" % (NAME, op, addr, r & 3))
        return r >> 2 & 0xffffffff

    def read(self, addr):
        return self.op(1, addr)

    def write(self, addr, data):
        self.op(2, addr, data)

    def reg_read(self, regno):
        """Access Register, 32 bits, transfer: data0 = regno."""
        self.write(COMMAND, 2 << 20 | 1 << 17 | regno)
        return self.cmd_result()

    def reg_write(self, regno, value):
        self.write(DATA0, value)
        self.write(COMMAND, 2 << 20 | 1 << 17 | 1 << 16 | regno)
        self.cmd_result()

    def cmd_result(self):
        cs = self.read(ABSTRACTCS)
        err = cs >> 8 & 7
        if err:
            self.write(ABSTRACTCS, 7 << 8)
            raise SystemExit("FAIL %s/abstract: cmderr %d" % (NAME, err))
        return self.read(DATA0)

    def bus_read32(self, addr):
        self.write(SBCS, 1 << 20 | 2 << 17)      # sbreadonaddr, 32 bits
        self.write(SBADDRESS0, addr)
        return self.read(SBDATA0)


def start_rvscope(*extra):
    p, port, _ = elfref.start_rvscope([RV, "--jtag", "0", *extra, ELF], NAME)
    return p, port


def report(case, ok, why=""):
    print(("PASS %s/%s" % (NAME, case)) if ok else ("FAIL %s/%s: %s" % (NAME, case, why)), flush=True)


def case_stoptime():
    p, port = start_rvscope("--halted")
    try:
        d = Dmi(port)
        d.write(DMCONTROL, 1)                     # dmactive
        d.write(DMCONTROL, 1)
        if not d.read(DMSTATUS) >> 9 & 1:
            return report("stoptime", False, "hart 0 is not halted under --halted")
        dcsr = d.reg_read(DCSR)
        # stopcount (bit 10) is hard-wired to 1 (Debug Spec 4.9.1 allows it):
        # it reads 1 and stays 1 when written 0
        d.reg_write(DCSR, dcsr & ~0x400)
        sc = d.reg_read(DCSR)
        report("stopcount", dcsr & 0x400 and sc & 0x400,
               "dcsr.stopcount: %#x out of reset, %#x after writing it 0" % (dcsr, sc))
        if dcsr & 0x200:
            return report("stoptime", False, "dcsr.stoptime is 1 out of reset (%#x)" % dcsr)
        t1, t2 = d.bus_read32(MTIME), d.bus_read32(MTIME)
        if not t2 > t1:
            return report("stoptime", False, "stoptime 0: mtime did not move while halted (%d, %d)" % (t1, t2))
        d.reg_write(DCSR, dcsr | 0x200)
        t3, t4 = d.bus_read32(MTIME), d.bus_read32(MTIME)
        if t3 != t4:
            return report("stoptime", False, "stoptime 1: mtime moved while halted (%d, %d)" % (t3, t4))
        d.reg_write(DCSR, dcsr)
        t5, t6 = d.bus_read32(MTIME), d.bus_read32(MTIME)
        if not t6 > t5 >= t4:
            return report("stoptime", False, "stoptime back to 0: mtime %d, %d after %d" % (t5, t6, t4))
        report("stoptime", True)
    finally:
        p.kill()
        p.wait()


def entry():
    out = subprocess.run(["riscv64-unknown-elf-readelf", "-h", ELF], capture_output=True, text=True).stdout
    return int(re.search(r"Entry point address:\s+(0x[0-9a-f]+)", out).group(1), 16)


def case_hartreset():
    p, port = start_rvscope("--halted", "--harts", "2")
    try:
        d = Dmi(port)
        d.write(DMCONTROL, 1)
        sel = lambda h: h << 16 | 1
        for h in (0, 1):                          # a0 = 0x5a0 + hart, pc moved
            d.write(DMCONTROL, sel(h) | ACKHAVERESET)
            d.reg_write(A0, 0x5a0 + h)
            d.reg_write(DPC, entry() + 8)
        d.write(DMCONTROL, sel(1) | HARTRESET)
        back = d.read(DMCONTROL)
        st = d.read(DMSTATUS)
        if not back & HARTRESET or not st >> 18 & 1 or st >> 8 & 1:
            return report("hartreset", False, "in reset: dmcontrol %#x, dmstatus %#x (want hartreset, "
                          "anyhavereset, not halted)" % (back, st))
        d.write(DMCONTROL, sel(1) | HARTRESET | HALTREQ)
        if d.read(DMSTATUS) >> 8 & 1:
            return report("hartreset", False, "a hart held in reset halted")
        d.write(DMCONTROL, sel(1) | HALTREQ)      # leave reset, halted
        d.write(DMCONTROL, sel(1))
        st = d.read(DMSTATUS)
        a0, pc, cause = d.reg_read(A0), d.reg_read(DPC), d.reg_read(DCSR) >> 6 & 7
        if not st >> 9 & 1 or a0 != 1 or pc != entry() or cause != 3:
            return report("hartreset", False, "hart 1 after reset: dmstatus %#x, a0 %#x, pc %#x, cause %d "
                          "(want halted, a0 1, pc %#x, cause 3)" % (st, a0, pc, cause, entry()))
        d.write(DMCONTROL, sel(0))
        a0, pc = d.reg_read(A0), d.reg_read(DPC)
        if a0 != 0x5a0 or pc != entry() + 8:
            return report("hartreset", False, "hart 0 was touched: a0 %#x, pc %#x" % (a0, pc))
        report("hartreset", True)
    finally:
        p.kill()
        p.wait()


def case_memory():
    p, port = start_rvscope("--halted")
    xlen = 64 if "rv64" in ELF else 32
    n = xlen // 32                                # data registers per argument
    try:
        d = Dmi(port)
        d.write(DMCONTROL, 1)
        d.write(DMCONTROL, 1)
        cs = d.read(ABSTRACTCS)
        if cs & 0xf < 2 * n:
            return report("memory", False, "datacount %d: too few for two %d-bit arguments" % (cs & 0xf, xlen))

        def cmd(c):
            d.write(COMMAND, c)
            err = d.read(ABSTRACTCS) >> 8 & 7
            d.write(ABSTRACTCS, 7 << 8)
            return err

        addr = RAM + 0x10000
        d.write(DATA0 + n, addr)                  # arg1: the address
        if n == 2:
            d.write(DATA0 + 3, 0)
        words = [0x11223344, 0x55667788, 0x99aabbcc]
        for w in words:                           # 32-bit writes, postincrement
            d.write(DATA0, w)
            err = cmd(2 << 24 | 2 << 20 | 1 << 19 | 1 << 16)
            if err:
                return report("memory", False, "32-bit write: cmderr %d" % err)
        got = [d.bus_read32(addr + 4 * i) for i in range(3)]
        nxt = d.read(DATA0 + n)
        if got != words or nxt != addr + 12:
            return report("memory", False, "wrote %s, the bus reads %s; address now %#x (want %#x)"
                          % ([hex(x) for x in words], [hex(x) for x in got], nxt, addr + 12))
        d.write(DATA0 + n, addr + 4)
        err = cmd(2 << 24 | 2 << 20)
        if err or d.read(DATA0) != words[1]:
            return report("memory", False, "32-bit read: cmderr %d, %#x" % (err, d.read(DATA0)))
        if xlen == 64:
            d.write(DATA0 + 2, addr)
            err = cmd(2 << 24 | 3 << 20)
            v = d.read(DATA0) | d.read(DATA0 + 1) << 32
            if err or v != words[1] << 32 | words[0]:
                return report("memory", False, "64-bit read: cmderr %d, %#x" % (err, v))
        d.write(DATA0 + n, 0x7ffffff0)            # nothing there
        if n == 2:
            d.write(DATA0 + 3, 0)
        err = cmd(2 << 24 | 2 << 20)
        if err != 5:
            return report("memory", False, "read of an unmapped address: cmderr %d, want 5" % err)
        d.write(DATA0 + n, addr)
        err = cmd(2 << 24 | 1 << 23 | 2 << 20)
        if err != 2:
            return report("memory", False, "aamvirtual: cmderr %d, want 2" % err)
        report("memory", True)
    finally:
        p.kill()
        p.wait()


case_stoptime()
case_hartreset()
case_memory()
