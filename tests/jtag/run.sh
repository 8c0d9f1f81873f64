#!/usr/bin/env bash
# Test group "jtag": the Debug Module and its JTAG DTM (src/dm/) driven by
# Debian's real OpenOCD 0.12 over remote_bitbang and gdb-multiarch through
# OpenOCD (jtag_test.py), RV64 and RV32, 1 and 4 harts; OpenOCD and GDB's
# own stub on one machine (gdb_both_test.py, --jtag with --gdb); the DM
# features OpenOCD 0.12 does not use, over remote_bitbang directly
# (dmi_test.py); the DMI/JTAG fuzz
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

# Bad usage: a clear message naming what was wrong, exit status 2.
E=build/guests/jtag/rv64/harts.elf
cli() {   # NAME EXPECTED-TEXT ARGS...
  local name=$1 want=$2; shift 2
  local out; out=$(timeout 10 "$R" "$@" </dev/null 2>&1); local rc=$?
  if [ $rc -eq 2 ] && grep -qF -- "$want" <<<"$out"; then echo "PASS jtag/cli-$name"
  else echo "FAIL jtag/cli-$name: exit $rc, said: $out"; fi
}
cli port "bad --jtag '70000': expected [HOST:]PORT" --jtag 70000 "$E"
cli host "bad --jtag host 'nohost.invalid'" --jtag nohost.invalid:0 "$E"
cli halted "--halted needs --jtag" --halted "$E"
cli monitor "--jtag and -m cannot be combined" --jtag 0 -m "$E"
cli idle "bad --trigger-idle 'foo'" --trigger-idle foo "$E"
# A port already taken: rvscope names it (python holds it meanwhile).
python3 -c 'import socket,subprocess,sys
s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(1); p=s.getsockname()[1]
r=subprocess.run([sys.argv[1],"--jtag",str(p),sys.argv[2]],capture_output=True,text=True,timeout=10)
ok=r.returncode==2 and ("cannot listen for JTAG (--jtag) on 127.0.0.1:%d" % p) in r.stderr
print("PASS jtag/cli-busy" if ok else "FAIL jtag/cli-busy: exit %d, said: %s" % (r.returncode, r.stderr))' "$R" "$E"

for A in rv64 rv32; do
  for N in 1 4; do
    timeout 900 python3 tests/jtag/jtag_test.py "$R" build/guests/jtag/$A/harts.elf $N "jtag/$A-$N" ||
      echo "FAIL jtag/$A-$N: jtag_test.py exited $?"
  done
done

# --jtag with --gdb: OpenOCD and GDB on the same machine at once.
for AN in "rv64 1" "rv32 4"; do
  set -- $AN
  timeout 600 python3 tests/jtag/gdb_both_test.py "$R" build/guests/jtag/$1/harts.elf $2 "jtag/both-$1-$2" ||
    echo "FAIL jtag/both-$1-$2: gdb_both_test.py exited $?"
done

# What OpenOCD 0.12 does not use, driven directly over remote_bitbang.
for A in rv64 rv32; do
  timeout 300 python3 tests/jtag/dmi_test.py "$R" build/guests/jtag/$A/harts.elf "jtag/dmi-$A" ||
    echo "FAIL jtag/dmi-$A: dmi_test.py exited $?"
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
