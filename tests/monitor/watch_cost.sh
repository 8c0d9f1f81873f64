#!/usr/bin/env bash
# The cost of monitor features on a CPU-bound guest, as speed ratios to a
# plain run (best of RUNS runs each):
#   monitor-c          rvscope -m, nothing armed, c
#   ring               set itrace-ring on (the instruction ring during c)
#   watch-precise      w $s1 == 0x1234, default policy
#   watch-coarse       the same under set watch-policy coarse (seed 001's rule)
#   watch-memory       w *watched (memory-only, precise: a write watchpoint on
#                      a word the guest never writes, beside data it does)
# Usage: tests/monitor/watch_cost.sh [GUEST...]  (default: the spin guests)
# Prints one "BENCH name ratio" line per case and guest. Not part of
# `make test`: timing depends on the machine.
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
RUNS="${RUNS:-3}"
guests=("$@")
[ ${#guests[@]} -eq 0 ] && guests=(build/guests/rv64/spin.elf build/guests/rv32/spin.elf)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# best CMD...: the least CPU time (user + system) of RUNS runs, in
# microseconds; CPU time, not wall time, so other work on the machine
# disturbs the ratios less.
best() {
  local b=""
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >"$tmp/out" 2>&1 </dev/null
    if grep -q '^Watchpoint\|^Stopped' "$tmp/out"; then echo "run stopped early: $(head -5 "$tmp/out")" >&2; fi
    local t
    t=$(awk '{ printf "%d", ($1 + $2) * 1000000 }' "$tmp/time")
    [ -z "$b" ] || [ "$t" -lt "$b" ] && b=$t
  done
  echo "$b"
}

for g in "${guests[@]}"; do
  name=$(basename "$(dirname "$g")")/$(basename "$g" .elf)
  plain=$(best "$R" "$g")
  printf 'c\nq\n' >"$tmp/c.cmd"
  printf 'set itrace-ring on\nc\nq\n' >"$tmp/ring.cmd"
  printf 'w $s1 == 0x1234\nc\nq\n' >"$tmp/precise.cmd"
  printf 'set watch-policy coarse\nw $s1 == 0x1234\nc\nq\n' >"$tmp/coarse.cmd"
  printf 'w *watched\nc\nq\n' >"$tmp/mem.cmd"
  echo "# $name: plain run $((plain / 1000)) ms of CPU"
  for c in c ring precise coarse mem; do
    t=$(best "$R" -x "$tmp/$c.cmd" "$g")
    case $c in c) n=monitor-c ;; ring) n=ring ;; precise) n=watch-precise ;; coarse) n=watch-coarse ;; mem) n=watch-memory ;; esac
    awk -v n="$n" -v g="$name" -v p="$plain" -v t="$t" 'BEGIN { printf "BENCH %s %s %.2fx (%d ms)\n", g, n, p / t, t / 1000 }'
  done
done
