#!/usr/bin/env bash
# Test group "elf": the ELF/raw loader (src/elf) against binutils' view of
# the same files, bad and hostile files, and the libFuzzer harness on its
# saved corpus.
# Prints "PASS <name>" or "FAIL <name>: <why>" per test.
set -u
cd "$(dirname "$0")/../.."

G=build/guests/elf
T=build/tests/test_elf
export CROSS="${CROSS:-riscv64-unknown-elf-}"

# Normally built by "make test-guests"; build here too so the group can run
# on its own.  Quietly: only a failure is worth showing.
if ! out=$(make --no-print-directory -s test-guests 2>&1); then
  echo "$out" | tail -20
  echo "FAIL elf-build: make test-guests failed"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check KIND NAME ELF [--symbols] [EXPECT-FROM]: expectations from binutils
# on EXPECT-FROM (default ELF), checked by test_elf on ELF.
check() {
  local kind=$1 name=$2 elf=$3 flag=${4:-} from=${5:-$3}
  if ! python3 tests/elf/expect.py "$kind" "$from" >"$tmp/$name.want" 2>"$tmp/$name.err"; then
    echo "FAIL $name: expect.py: $(tail -1 "$tmp/$name.err")"
    return
  fi
  "$T" "$kind" "$name" "$elf" $flag <"$tmp/$name.want"
}

for e in rv64 rv32 rv64-O2 rv64-lma rv64-gc; do
  if read -r entry xlen < <(python3 tests/elf/expect.py header "$G/$e.elf" 2>/dev/null) && [ -n "$xlen" ]; then
    "$T" header "elf-$e-header" "$G/$e.elf" "$entry" "$xlen"
  else
    echo "FAIL elf-$e-header: readelf -h $G/$e.elf failed"
  fi
  check load "elf-$e-load" "$G/$e.elf"
  check syms "elf-$e-syms" "$G/$e.elf"
  check symat "elf-$e-symat" "$G/$e.elf"
  check lines "elf-$e-lines" "$G/$e.elf"
  check line2addr "elf-$e-line2addr" "$G/$e.elf"
done

# a debug-only file (objcopy --only-keep-debug) as a --symbols file: same
# symbols and lines as the program it came from
check syms elf-debugfile-syms "$G/rv64.debug" --symbols "$G/rv64.elf"
check symat elf-debugfile-symat "$G/rv64.debug" --symbols "$G/rv64.elf"
check lines elf-debugfile-lines "$G/rv64.debug" --symbols "$G/rv64.elf"
check line2addr elf-debugfile-line2addr "$G/rv64.debug" --symbols "$G/rv64.elf"
"$T" symonly elf-debugfile-noload "$G/rv64.debug"
"$T" stripped elf-stripped "$G/rv64-stripped.elf"
"$T" paths elf-path-suffixes "$G/rv64.elf"
"$T" nolines elf-dwz-altlink-ignored "$G/rv64-altlink.elf"
"$T" raw elf-raw "$G/rv64.bin" "$tmp"

# A file the fuzzer found (an empty symbol string table at offset ~0, whose
# address overflowed): test_elf, built with ASan/UBSan, opens it with no
# symbols; rvscope refuses it (its segments are outside RAM) with one line
# that names the file and its usual status, 2.
hostile=tests/elf/fuzz_corpus/symtab-strtab-overflow.elf
"$T" opens elf-fuzz-strtab-overflow "$hostile" 0
timeout 20 "${RVSCOPE:-build/rvscope}" "$hostile" >"$tmp/rv.out" 2>"$tmp/rv.err" </dev/null; rc=$?
if [ $rc = 2 ] && [ "$(wc -l <"$tmp/rv.err")" = 1 ] && grep -q "^rvscope: $hostile: " "$tmp/rv.err"; then
  echo "PASS elf-fuzz-strtab-overflow-rvscope"
else
  echo "FAIL elf-fuzz-strtab-overflow-rvscope: status $rc, stderr: $(head -c 300 "$tmp/rv.err")"
fi

host=/bin/true
"$T" bad elf-bad "$G/rv64.elf" "$G/rv64.o" "$host" "$tmp"
"$T" mutate elf-mutate-rv64 "$G/rv64.elf" 3000 1
"$T" mutate elf-mutate-rv32 "$G/rv32.elf" 3000 2
"$T" mutate elf-mutate-O2 "$G/rv64-O2.elf" 3000 3

# libFuzzer: the saved corpus replayed, every input once (make fuzz-elf
# searches for new ones)
if command -v "${FUZZ_CC:-clang}" >/dev/null; then
  if make --no-print-directory -s build/tests/fuzz_elf >"$tmp/fuzz.log" 2>&1; then
    bash tests/fuzz_replay.sh elf-fuzz build/tests/fuzz_elf tests/elf/fuzz_corpus
  else
    echo "FAIL elf-fuzz: build failed: $(tail -n 3 "$tmp/fuzz.log" | tr '\n' ' ')"
  fi
else
  echo "note: clang not found, the fuzz corpus is not replayed (apt-get install clang)"
fi
