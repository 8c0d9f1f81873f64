#!/usr/bin/env bash
# Bare-metal guest programs (tests/programs/*.c, built for RV32 and RV64 by
# runtime/guest.mk) on QEMU and on rvscope.  Output protocol: tests/run.sh.
#
# For each program P and XLEN:
#   qemu/rvXX/P     QEMU's output equals the hand-written P.rvXX.expected
#                   (or P.expected) and its exit status is the one named in
#                   P.c ("expected exit status: N", default 0).  This checks
#                   the runtime and the expectations themselves.
#   rvscope/rvXX/P  rvscope's stdout is byte-identical to QEMU's and its exit
#                   status is the same (without QEMU: compared with the
#                   expected file instead).
set -u
cd "$(dirname "$0")/../.."
RVSCOPE="${RVSCOPE:-build/rvscope}"
D=tests/programs
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# run CMD... : stdout to $out (capped), exit status to $rc.  stdin is
# /dev/null so QEMU -nographic leaves the terminal alone.
run() {
  timeout 10 "$@" </dev/null 2>"$out.err" | head -c 100000 >"$out"
  rc=${PIPESTATUS[0]}
}

# differ GOT WANT: the first difference in one line, or nothing.
differ() {
  cmp -s "$1" "$2" && return
  local n
  n=$(cmp "$1" "$2" 2>/dev/null | sed -n 's/.*line \([0-9]*\)$/\1/p')
  if [ -z "$n" ]; then
    echo "one output is a prefix of the other ($(wc -c <"$1") bytes, want $(wc -c <"$2"))"
  else
    echo "line $n: got '$(sed -n "${n}p" "$1" | cat -v)', want '$(sed -n "${n}p" "$2" | cat -v)'"
  fi
}

have_qemu=1
command -v qemu-system-riscv32 >/dev/null && command -v qemu-system-riscv64 >/dev/null || {
  have_qemu=0; echo "SKIP qemu/*: QEMU not installed; rvscope is compared with the expected files"; }
have_rvscope=1
[ -x "$RVSCOPE" ] || { have_rvscope=0; echo "FAIL rvscope/programs: no emulator at $RVSCOPE"; }

for src in $D/*.c; do
  p=$(basename "$src" .c)
  want_rc=$(sed -n 's/.*expected exit status: \([0-9]*\).*/\1/p' "$src" | head -1)
  want_rc=${want_rc:-0}
  for x in 32 64; do
    elf=build/guests/rv$x/$p.elf
    exp=$D/$p.rv$x.expected
    [ -f "$exp" ] || exp=$D/$p.expected
    if [ ! -f "$elf" ]; then echo "FAIL rv$x/$p: $elf missing (make test-guests)"; continue; fi
    if [ ! -f "$exp" ]; then echo "FAIL rv$x/$p: no expected output file"; continue; fi

    ref=$exp ref_rc=$want_rc
    if [ $have_qemu = 1 ]; then
      out=$tmp/qemu-$x-$p
      run qemu-system-riscv$x -M virt -bios none -nographic -kernel "$elf"
      why=$(differ "$out" "$exp")
      [ -z "$why" ] && [ "$rc" != "$want_rc" ] && why="exit status $rc, want $want_rc"
      if [ -n "$why" ]; then echo "FAIL qemu/rv$x/$p: $why"; else echo "PASS qemu/rv$x/$p"; fi
      ref=$out ref_rc=$rc
    fi

    [ $have_rvscope = 1 ] || continue
    out=$tmp/rvscope-$x-$p
    run "$RVSCOPE" "$elf"
    why=$(differ "$out" "$ref")
    [ -z "$why" ] && [ "$rc" != "$ref_rc" ] && why="exit status $rc, reference $ref_rc"
    if [ -n "$why" ]; then
      echo "FAIL rvscope/rv$x/$p: $why"
      [ -s "$out.err" ] && head -3 "$out.err" | sed 's/^/  stderr: /'
    else
      echo "PASS rvscope/rv$x/$p"
    fi
  done
done
