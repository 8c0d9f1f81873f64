#!/usr/bin/env bash
# JIT test group: every build/guests/jit/rv{32,64}/NAME.elf (tests/jit/*.S)
# must pass on rvscope twice, with the block compiler (default options) and
# with --no-jit (the plain interpreter): "PASS jit/rv64/NAME" and
# "PASS jit/rv64/NAME/no-jit". Both runs must also print exactly the same
# ("PASS jit/rv64/NAME/same"): the guests are deterministic, and for
# timer.S (where each timer interrupt lands) that differential comparison
# is the check. A third run with a 16 KiB code buffer (RVSCOPE_JIT_BUFFER)
# must print the same as the first: the buffer fills and is flushed often.
# Then a small mutation sample (--debug-break-insn) shows the tests notice
# a wrong result at all. Protocol: tests/run.sh.
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
[ -x "$R" ] || { echo "FAIL jit: $R is not built"; exit 1; }
shopt -s nullglob
elfs=(build/guests/jit/rv32/*.elf build/guests/jit/rv64/*.elf)
[ ${#elfs[@]} -gt 0 ] || { echo "FAIL jit: no test ELFs (make jit-guests)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

run() {  # run OUT ARGS...: rvscope's output to OUT, its exit status as ours
  local out=$1; shift
  timeout 10 "$R" --max-insns 50000000 "$@" </dev/null >"$out" 2>&1
}

# Does this rvscope have --no-jit? With it, --max-insns 1 stops at 124.
verdict() {  # verdict NAME STATUS OUTFILE
  if [ "$2" -eq 0 ]; then echo "PASS $1"; return; fi
  # The guest prints "isa: fail case N" (tests/isa/harness.S) itself;
  # otherwise the exit status is rvscope's own (124, 125, 126, ...).
  local case
  case=$(grep -ao 'isa: fail case [0-9]*' "$3" | tail -1 | awk '{print $4}')
  if [ -n "$case" ]; then echo "FAIL $1: exit $2 (case $case)"
  else echo "FAIL $1: exit $2 (no case reported by the guest)"; fi
  sed 's/^/    /' "$3" | tail -n 20
}

for elf in "${elfs[@]}"; do
  x=$(basename "$(dirname "$elf")"); name=jit/$x/$(basename "$elf" .elf)
  run "$tmp/jit" "$elf"; st=$?
  verdict "$name" $st "$tmp/jit"
  # A 16 KiB code buffer: it fills and is flushed many times per run.
  RVSCOPE_JIT_BUFFER=16 run "$tmp/flush" "$elf"; st3=$?
  if [ $st -eq $st3 ] && cmp -s "$tmp/jit" "$tmp/flush"; then echo "PASS $name/flushes"
  else echo "FAIL $name/flushes: a 16 KiB code buffer changes the run (exit $st vs $st3)"; fi
  run "$tmp/interp" --no-jit "$elf"; st2=$?
  verdict "$name/no-jit" $st2 "$tmp/interp"
  if [ $st -eq $st2 ] && cmp -s "$tmp/jit" "$tmp/interp"; then
    echo "PASS $name/same"
  else
    echo "FAIL $name/same: default and --no-jit differ (exit $st vs $st2; < default, > --no-jit)"
    diff "$tmp/jit" "$tmp/interp" | head -n 20 | sed 's/^/    /'
  fi
done

# Mutation sample: with the named instruction computing a wrong result the
# test must fail (exit status = the guest's failing case).
# Random programs (random_gen.py): compiled, interpreted and (if present)
# QEMU print the same 31 registers and buffer checksum. The expected output
# is whatever the reference machine computes, so QEMU is the referee.
for elf in build/guests/jit/rand/*.elf; do
  x=$(basename "$elf" .elf); name=jit/random/$x; xl=${x%%-*}
  run "$tmp/r1" "$elf"; st1=$?
  run "$tmp/r2" --no-jit "$elf"; st2=$?
  if [ $st1 -ne 0 ] || [ $st2 -ne 0 ] || [ "$(wc -l <"$tmp/r1")" -ne 32 ]; then
    echo "FAIL $name: exit $st1/$st2, $(wc -l <"$tmp/r1") lines"; continue
  fi
  if ! cmp -s "$tmp/r1" "$tmp/r2"; then
    echo "FAIL $name: compiled and interpreted differ"; diff "$tmp/r1" "$tmp/r2" | head -8 | sed 's/^/    /'; continue
  fi
  q=qemu-system-riscv${xl#rv}
  if command -v "$q" >/dev/null; then
    timeout 20 "$q" -M virt -m 128M -bios none -nographic -kernel "$elf" </dev/null >"$tmp/rq" 2>/dev/null
    if cmp -s "$tmp/r1" "$tmp/rq"; then echo "PASS $name (= --no-jit = QEMU)"
    else echo "FAIL $name: rvscope and QEMU differ"; diff "$tmp/r1" "$tmp/rq" | head -8 | sed 's/^/    /'; fi
  else
    echo "PASS $name (= --no-jit; no $q to compare with)"
  fi
done

while read -r x t insn; do
  elf=build/guests/jit/$x/$t.elf; id=jit-mutation/$x/$t/$insn
  [ -e "$elf" ] || { echo "FAIL $id: $elf is missing"; continue; }
  run "$tmp/mut" --debug-break-insn "$insn" "$elf"; st=$?
  if [ $st -eq 2 ] && ! grep -aq 'isa: fail case' "$tmp/mut"; then
    echo "FAIL $id: rvscope rejected it: $(head -1 "$tmp/mut")"
  elif [ $st -ne 0 ] && grep -aq 'isa: fail case' "$tmp/mut"; then
    echo "PASS $id (case $st)"
  else
    echo "FAIL $id: not noticed (exit $st)"
  fi
done <<'EOF'
rv32 div mulhsu
rv64 div remu
rv64 div divuw
rv32 smc sh
rv64 trap sd
rv32 sys csrrs
rv64 page c.addi
rv64 alias lw
rv32 timer lw
EOF
