#!/usr/bin/env bash
# Runs every test group (tests/*/run.sh) and sums their results.
# Protocol: a group prints one line per test, "PASS <name>" or
# "FAIL <name>: <why>", and may print anything else (it is shown as is).
# The last line is the "N passed, N failed" summary CI reads.
#
# Groups are independent (each has its own temporary directory and asks the
# system for free ports), so JOBS of them run at once (default: the number
# of CPUs, at most 4). One line per group as it ends: its counts, its own
# time and the time since the start; then the total.
set -u
cd "$(dirname "$0")/.."
export RVSCOPE="${RVSCOPE:-$PWD/build/rvscope}"
pass=0 fail=0 failed=()
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=($(ls tests/*/run.sh | xargs -n1 dirname | xargs -n1 basename))
jobs=${JOBS:-$(nproc 2>/dev/null || echo 1)}
[ "$jobs" -gt 4 ] && jobs=4
[ "$jobs" -lt 1 ] && jobs=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
t0=$(date +%s)

# run_group G: its output in $tmp/G.out, status in $tmp/G.rc, times in $tmp/G.time
run_group() {
  local g=$1 start
  start=$(date +%s)
  bash "tests/$g/run.sh" >"$tmp/$g.out" 2>&1
  echo $? >"$tmp/$g.rc.part"
  echo $(( $(date +%s) - start )) >"$tmp/$g.time"
  mv "$tmp/$g.rc.part" "$tmp/$g.rc"
}

# report G: the group's line (and its failures), once it has ended
report() {
  local g=$1 out rc p f el
  out=$(cat "$tmp/$g.out"); rc=$(cat "$tmp/$g.rc")
  p=$(grep -c '^PASS ' <<<"$out"); f=$(grep -c '^FAIL ' <<<"$out")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; out+=$'\n'"FAIL $g: group script exited $rc"; fi
  grep '^FAIL ' <<<"$out" | while read -r l; do echo "  $l"; done
  [ -n "${VERBOSE:-}" ] && echo "$out"
  el=$(( $(date +%s) - t0 ))
  printf '%-12s %4d passed, %3d failed  (%ds; %dm%02ds so far)\n' "$g" "$p" "$f" "$(cat "$tmp/$g.time")" \
    $((el / 60)) $((el % 60))
  pass=$((pass + p)); fail=$((fail + f))
  [ "$f" -gt 0 ] && failed+=("$g")
}

running=()
for g in "${groups[@]}" ""; do
  # room for one more (or, at the end, until none is left)
  while [ ${#running[@]} -ge "$jobs" ] || { [ -z "$g" ] && [ ${#running[@]} -gt 0 ]; }; do
    wait -n 2>/dev/null || true
    still=()
    for r in "${running[@]}"; do
      if [ -e "$tmp/$r.rc" ]; then report "$r"; else still+=("$r"); fi
    done
    running=(${still[@]+"${still[@]}"})
  done
  [ -z "$g" ] && break
  run_group "$g" &
  running+=("$g")
done
el=$(( $(date +%s) - t0 ))
[ ${#failed[@]} -gt 0 ] && echo "failing groups: ${failed[*]} (rerun one with: VERBOSE=1 tests/run.sh GROUP)"
printf 'total: %dm%02ds with %d groups at a time\n' $((el / 60)) $((el % 60)) "$jobs"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
