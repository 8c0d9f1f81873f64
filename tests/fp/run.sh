#!/usr/bin/env bash
# Test group "fp": F, D, Zba, Zbb, Zbs against QEMU on the same ELF.
# fpdiff.elf (RV32 and RV64) runs every instruction on operands from a
# fixed-seed generator biased to the special cases (zeros, infinities,
# quiet/signaling NaNs, subnormals, integer limits, ties, bad NaN boxing),
# in every rounding mode (static rne..rmm, reserved 5/6, dynamic with each
# frm value), and prints per instruction and mode a hash of the results,
# fflags and traps plus two results in full; then mstatus.FS/SD after FP
# writes and with FS Off. rvscope's output (compiled and --no-jit) must
# equal QEMU's line by line, but for ctzw: QEMU 7.2 counts into the upper
# word when the low word is zero (the Zbb spec says 32), so that line is
# checked against the guest's own reference count (wrong=0) instead.
# Output protocol: tests/run.sh.
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ -x "$R" ] || { echo "FAIL fp/setup: no emulator at $R"; exit 1; }

for x in 32 64; do
  elf=build/guests/fp/rv$x/fpdiff.elf
  [ -f "$elf" ] || { echo "FAIL fp/rv$x: $elf missing (make fp-guests)"; continue; }
  timeout 120 qemu-system-riscv$x -M virt -bios none -nographic -kernel "$elf" </dev/null 2>&1 |
    tr -d '\r' >"$tmp/q"
  lines=$(grep -c 'hash=' "$tmp/q")
  # the QEMU run itself: complete (the guest's last line), hundreds of lines
  if grep -q '^mstatus FS=0 SD=0$' "$tmp/q" && [ "$lines" -gt 400 ]; then
    echo "PASS fp/qemu/rv$x ($lines instruction/mode lines)"
  else
    echo "FAIL fp/qemu/rv$x: incomplete QEMU run ($lines lines)"; tail -3 "$tmp/q" | sed 's/^/    /'; continue
  fi
  for mode in jit no-jit; do
    opt=(); [ $mode = no-jit ] && opt=(--no-jit)
    timeout 120 "$R" "${opt[@]}" "$elf" </dev/null >"$tmp/r" 2>&1
    grep -v '^ctzw ' "$tmp/q" >"$tmp/q2"; grep -v '^ctzw ' "$tmp/r" >"$tmp/r2"
    if diff "$tmp/q2" "$tmp/r2" >"$tmp/d"; then
      echo "PASS fp/rv$x/$mode/same-as-qemu"
    else
      echo "FAIL fp/rv$x/$mode/same-as-qemu: $(grep -c '^<' "$tmp/d") lines differ (< qemu, > rvscope)"
      head -6 "$tmp/d" | cut -c1-300 | sed 's/^/    /'
    fi
    if [ $x = 64 ]; then
      if grep -q '^ctzw .* wrong=0 ' "$tmp/r"; then echo "PASS fp/rv$x/$mode/ctzw"
      else echo "FAIL fp/rv$x/$mode/ctzw: $(grep '^ctzw' "$tmp/r" | grep -o 'wrong=[0-9]*')"; fi
    fi
  done
done
