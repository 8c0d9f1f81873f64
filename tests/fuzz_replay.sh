#!/usr/bin/env bash
# tests/fuzz_replay.sh NAME FUZZER CORPUS_DIR [LIBFUZZER-OPTION...]
#
# The fuzz test of `make test`: runs the libFuzzer binary FUZZER on every
# file of its saved corpus, each exactly once, in name order (libFuzzer
# executes inputs given as file arguments and does not mutate them), so two
# runs do the same thing and a failure names the input that reproduces it.
# Prints "PASS NAME (N inputs)" or "FAIL NAME: why" (tests/run.sh's protocol).
# The random search that grows the corpus is `make fuzz` (tests/fuzz.mk).
#
# -timeout is a hang guard per input, not a measurement.
set -u
name=$1 bin=$2 dir=$3
shift 3

mapfile -t files < <(find "$dir" -maxdepth 1 -type f | LC_ALL=C sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "FAIL $name: no saved inputs in $dir (a replay of nothing proves nothing; make fuzz-... grows it)"
  exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$bin" -timeout=60 -rss_limit_mb=2048 "$@" "${files[@]}" >"$log" 2>&1
rc=$?
ran=$(grep -c '^Executed ' "$log")
if [ $rc -ne 0 ]; then
  input=$(grep '^Running: ' "$log" | tail -n 1 | cut -d' ' -f2-)
  why=$(grep -m1 -E 'runtime error|ERROR: |SUMMARY: |ALARM|deadly signal' "$log")
  echo "FAIL $name: input $input: ${why:-$bin exited with status $rc} (rerun: $bin $input)"
  grep -v -E '^(Running|Executed) ' "$log" | head -n 30 | sed 's/^/    | /'
elif [ "$ran" -ne ${#files[@]} ]; then
  echo "FAIL $name: $bin executed $ran of the ${#files[@]} inputs in $dir"
else
  echo "PASS $name (${#files[@]} inputs)"
fi
