#!/usr/bin/env bash
# The watchpoint-cost measurement of tests/gdb/run.sh (see bench.py).
set -u
cd "$(dirname "$0")/../.."
make --no-print-directory -s gdb-guests >/dev/null || { echo "FAIL gdb/watch-cost: guests do not build"; exit 0; }
python3 tests/gdb/bench.py "${RVSCOPE:-build/rvscope}" build/guests/gdb "${GDB_BENCH_REPEATS:-5}"
