#!/usr/bin/env bash
# Runs every test group (tests/*/run.sh) and sums their results.
# Protocol: a group prints one line per test, "PASS <name>" or
# "FAIL <name>: <why>", and may print anything else (it is shown as is).
# The last line is the "N passed, N failed" summary CI reads.
set -u
cd "$(dirname "$0")/.."
export RVSCOPE="${RVSCOPE:-$PWD/build/rvscope}"
pass=0 fail=0 failed=()
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=($(ls tests/*/run.sh | xargs -n1 dirname | xargs -n1 basename))
for g in "${groups[@]}"; do
  start=$(date +%s)
  out=$(bash "tests/$g/run.sh" 2>&1); rc=$?
  p=$(grep -c '^PASS ' <<<"$out"); f=$(grep -c '^FAIL ' <<<"$out")
  if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; out+=$'\n'"FAIL $g: group script exited $rc"; fi
  grep '^FAIL ' <<<"$out" | while read -r l; do echo "  $l"; done
  [ -n "${VERBOSE:-}" ] && echo "$out"
  printf '%-12s %4d passed, %3d failed  (%ds)\n' "$g" "$p" "$f" $(( $(date +%s) - start ))
  pass=$((pass + p)); fail=$((fail + f))
  [ "$f" -gt 0 ] && failed+=("$g")
done
[ ${#failed[@]} -gt 0 ] && echo "failing groups: ${failed[*]} (rerun one with: VERBOSE=1 tests/run.sh GROUP)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
