#!/usr/bin/env bash
# ISA test group: every build/guests/isa/rv{32,64}/NAME.elf must pass on
# rvscope ("PASS isa/rv64/NAME"). Then the disassembly coverage check and a
# quick mutation sample, which shows the suite can fail at all (the full
# check is "make isa-mutation").
set -u
cd "$(dirname "$0")/../.."
RVSCOPE="${RVSCOPE:-build/rvscope}"
[ -x "$RVSCOPE" ] || { echo "FAIL isa: $RVSCOPE is not built"; exit 1; }
shopt -s nullglob
elfs=(build/guests/isa/rv32/*.elf build/guests/isa/rv64/*.elf)
[ ${#elfs[@]} -gt 0 ] || { echo "FAIL isa: no test ELFs (make isa-guests)"; exit 1; }

# Each test twice: compiled (the default) and interpreted (--no-jit; the
# interpreter also runs every page a debugger watches).
for mode in jit no-jit; do
for elf in "${elfs[@]}"; do
  x=$(basename "$(dirname "$elf")"); name=isa/$x/$(basename "$elf" .elf)
  opt=(); [ $mode = no-jit ] && { opt=(--no-jit); name+=/no-jit; }
  out=$(timeout 10 "$RVSCOPE" "${opt[@]}" --max-insns 50000000 "$elf" </dev/null 2>&1); st=$?
  if [ $st -eq 0 ]; then echo "PASS $name"; continue; fi
  # The guest prints "isa: fail case N" itself; otherwise the exit status is
  # the emulator's own (124 timeout/--max-insns, 125 wfi forever, ...).
  case=$(grep -ao 'isa: fail case [0-9]*' <<<"$out" | tail -1 | awk '{print $4}')
  if [ -n "$case" ]; then echo "FAIL $name: exit $st (case $case)"
  else echo "FAIL $name: exit $st (no case reported by the guest)"; fi
  sed 's/^/    /' <<<"$out" | tail -n 20
done
done

# Every mnemonic of mutation.list is in its tests' disassembly (so, e.g.,
# each "RVC c.*" line really assembled compressed): one line for all.
bad=$(bash tests/isa/mutation.sh --coverage | grep '^FAIL ')
if [ -z "$bad" ]; then echo "PASS isa-coverage"
else echo "FAIL isa-coverage: mnemonics missing from their tests"; sed 's/^/    /' <<<"$bad"; fi

bash tests/isa/mutation.sh --quick
