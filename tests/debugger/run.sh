#!/usr/bin/env bash
# Test group "debugger": the debugger layer (src/debug/debugger.h) —
# per-hart run states, typed stops, clients — through the real
# gdb-multiarch over GDB/MI (gdb_harts.py: non-stop mode, debug mode on one
# hart, scheduler locking, a `monitor w` watch), RV64 and RV32 on 4 harts;
# and two machines in one process (two_machines.c).
# Protocol: tests/run.sh.
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
make --no-print-directory -s debugger-guests build/guests/rv32/seed_task3_nemu.elf \
  build/guests/rv64/crc32.elf >/tmp/debugger-make.$$ 2>&1 ||
  { echo "FAIL debugger/build: $(tail -n 3 /tmp/debugger-make.$$)"; rm -f /tmp/debugger-make.$$; exit 1; }
rm -f /tmp/debugger-make.$$
command -v gdb-multiarch >/dev/null || { echo "FAIL debugger/tools: gdb-multiarch is not installed"; exit 1; }

for A in rv64 rv32; do
  timeout 600 python3 tests/debugger/gdb_harts.py "$R" build/guests/debugger/$A/harts.elf "debugger/$A" ||
    echo "FAIL debugger/$A: gdb_harts.py exited $?"
done

# Two guests of different XLEN in one process, interleaved.
build/tests/two_machines build/guests/rv32/seed_task3_nemu.elf build/guests/rv64/crc32.elf |
  sed 's|two-machines|debugger/two-machines|'
