#!/usr/bin/env python3
"""boottime.py — seconds from starting the emulator to rvos's first shell
prompt, on rvscope and on QEMU, alternately (make bench-os; not part of
make test: it measures wall-clock time).

    python3 os/boottime.py [RUNS] [HARTS]
"""
import os, subprocess, sys, time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
HARTS = sys.argv[2] if len(sys.argv) > 2 else "1"
IMAGE = "build/os/os.elf"
CMDS = {
    "rvscope": ["build/rvscope", "--harts", HARTS, IMAGE],
    "qemu": ["qemu-system-riscv64", "-M", "virt", "-bios", "none", "-nographic",
             "-smp", HARTS, "-kernel", IMAGE],
}

def to_prompt(cmd):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    seen = b""
    while b"\n$ " not in seen:
        b = p.stdout.read(1)
        if not b:
            raise SystemExit(f"{cmd[0]}: ended before the prompt")
        seen += b
    t = time.monotonic() - t0
    p.kill()
    _, _, ru = os.wait4(p.pid, 0)
    p.returncode = -9
    return t, ru.ru_utime + ru.ru_stime

# wall-clock time to the prompt, and the CPU time (user + system) the
# emulator used until then: on a loaded machine the second is steadier.
res = {k: ([], []) for k in CMDS}
for _ in range(RUNS):
    for k, cmd in CMDS.items():
        wall, cpu = to_prompt(cmd)
        res[k][0].append(wall)
        res[k][1].append(cpu)
med = lambda v: sorted(v)[len(v) // 2] * 1000
for k, (wall, cpu) in res.items():
    print(f"{k:8s} boot to prompt, {HARTS} hart(s), {RUNS} runs: wall median {med(wall):.0f} ms "
          f"(min {min(wall)*1000:.0f}), CPU median {med(cpu):.0f} ms")
