#!/usr/bin/env bash
# Test group "expr": the monitor's expression language (src/monitor/expr.c).
#  - unit tests (build/tests/test_expr), one PASS/FAIL line per group
#  - random expressions (gen.py) evaluated by expr_calc and by the host C
#    compiler, for XLEN 32 and 64; EXPR_SEED=N picks another seed
#  - the libFuzzer harness on its saved corpus, when clang is there
#    (make fuzz-expr searches for new inputs)
set -u
cd "$(dirname "$0")/../.."
build=build/tests
make --no-print-directory -s "$build/test_expr" "$build/expr_calc" >/dev/null ||
  { echo "FAIL expr-build: make $build/test_expr $build/expr_calc failed"; exit 1; }

"$build/test_expr" || true # it prints its own PASS/FAIL lines

seed=${EXPR_SEED:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for xlen in 32 64; do
  name="expr-random-$xlen"
  python3 tests/expr/gen.py --xlen "$xlen" --count 1500 --seed "$seed" \
    --exprs "$tmp/exprs" --c "$tmp/want.c" ||
    { echo "FAIL $name: gen.py failed"; continue; }
  ${CC:-cc} -w -O0 -o "$tmp/want" "$tmp/want.c" ||
    { echo "FAIL $name: the generated C program does not compile"; continue; }
  "$tmp/want" >"$tmp/want.out"
  "$build/expr_calc" --xlen "$xlen" <"$tmp/exprs" >"$tmp/got.out"
  # first line where the evaluator and the C compiler disagree (fields are
  # split at \x1f: expressions contain spaces and tabs)
  bad=$(paste -d $'\x1f' "$tmp/exprs" "$tmp/want.out" "$tmp/got.out" |
        awk -F $'\x1f' '$2 != $3 { printf "line %d: %s: C says %s, expr_calc says %s", NR, $1, $2, $3; exit }')
  n=$(wc -l <"$tmp/got.out")
  if [ -n "$bad" ]; then
    echo "FAIL $name: seed $seed, $bad"
  elif [ "$n" -ne 1500 ]; then
    echo "FAIL $name: expr_calc printed $n results for 1500 expressions"
  else
    echo "PASS $name"
  fi
done

# libFuzzer: the saved corpus replayed, every input once (make fuzz-expr
# searches for new ones)
if command -v "${FUZZ_CC:-clang}" >/dev/null; then
  if ! make --no-print-directory -s "$build/fuzz_expr" >"$tmp/fuzz.log" 2>&1; then
    echo "FAIL expr-fuzz: build failed: $(tail -n 3 "$tmp/fuzz.log" | tr '\n' ' ')"
  else
    bash tests/fuzz_replay.sh expr-fuzz "$build/fuzz_expr" tests/expr/fuzz_corpus
  fi
else
  echo "SKIP expr-fuzz: no clang"
fi
