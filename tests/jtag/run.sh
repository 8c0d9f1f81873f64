#!/usr/bin/env bash
# Test group "jtag": the Debug Module and its JTAG DTM (src/dm/) driven by
# Debian's real OpenOCD 0.12 over remote_bitbang and gdb-multiarch through
# OpenOCD (jtag_test.py), RV64 and RV32, 1 and 4 harts; the DMI/JTAG fuzz
# corpus replayed (fuzz_jtag.c, when clang is there).
# Protocol: tests/run.sh.
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
make --no-print-directory -s jtag-guests >/tmp/jtag-make.$$ 2>&1 ||
  { echo "FAIL jtag/build: $(tail -n 3 /tmp/jtag-make.$$)"; rm -f /tmp/jtag-make.$$; exit 1; }
rm -f /tmp/jtag-make.$$
for t in openocd gdb-multiarch; do
  command -v $t >/dev/null || { echo "FAIL jtag/tools: $t is not installed (scripts/deps.sh)"; exit 1; }
done

for A in rv64 rv32; do
  for N in 1 4; do
    timeout 900 python3 tests/jtag/jtag_test.py "$R" build/guests/jtag/$A/harts.elf $N "jtag/$A-$N" ||
      echo "FAIL jtag/$A-$N: jtag_test.py exited $?"
  done
done

# The fuzz corpus, every input once (make fuzz-jtag searches for new ones);
# machines are freed, but libFuzzer's own allocations are not leak-checked.
if command -v clang >/dev/null; then
  if ! make --no-print-directory -s build/tests/fuzz_jtag >/tmp/jtag-fuzz.$$ 2>&1; then
    echo "FAIL jtag/fuzz: build failed: $(tail -n 3 /tmp/jtag-fuzz.$$ | tr '\n' ' ')"
  else
    ASAN_OPTIONS=detect_leaks=0 bash tests/fuzz_replay.sh jtag/fuzz build/tests/fuzz_jtag tests/jtag/fuzz_corpus
  fi
  rm -f /tmp/jtag-fuzz.$$
else
  echo "SKIP jtag/fuzz: no clang"
fi
