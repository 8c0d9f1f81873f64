"""What the jtag tests share: the reference facts about a guest ELF from
binutils (its symbols from nm, its instructions from objdump), and starting
rvscope with --jtag and waiting for the port it says it listens on."""
import re
import subprocess
import tempfile
import time


def tool(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def symbol(elf, name, who):
    for line in tool("riscv64-unknown-elf-nm", elf).splitlines():
        f = line.split()
        if len(f) == 3 and f[2] == name:
            return int(f[0], 16)
    raise SystemExit("FAIL %s/setup: no symbol %s" % (who, name))


def insns(elf):
    """(address, bytes) of each instruction, from objdump (the reference)."""
    out = []
    for line in tool("riscv64-unknown-elf-objdump", "-d", elf).splitlines():
        m = re.match(r"\s*([0-9a-f]+):\s+([0-9a-f]{4,8})\s", line)
        if m:
            out.append((int(m.group(1), 16), m.group(2)))
    return out


def start_rvscope(args, who):
    """rvscope ARGS (with --jtag 0); (process, JTAG port, stderr's file)."""
    err = tempfile.NamedTemporaryFile(mode="w+", delete=False)
    p = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
    for _ in range(400):
        err.seek(0)
        m = re.search(r"listening on 127\.0\.0\.1:(\d+)", err.read())
        if m:
            return p, int(m.group(1)), err.name
        if p.poll() is not None:
            break
        time.sleep(0.05)
    p.kill()
    err.seek(0)
    raise SystemExit("FAIL %s/start: rvscope did not start: %s" % (who, err.read()))
