#!/usr/bin/env bash
# Sv39/Sv32 page walks (tests/vm/vm.c): rvscope's output must equal the
# expected file, and QEMU's output for the same ELF. Protocol: tests/run.sh.
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for a in rv64 rv32; do
  elf=build/guests/$a/vm.elf
  timeout 10 "$R" "$elf" >"$tmp/r.txt" 2>&1; rc=$?
  if [ $rc -ne 0 ] || ! diff -u tests/vm/$a.expected "$tmp/r.txt" >"$tmp/d"; then
    echo "FAIL vm/$a: exit $rc; $(head -c 400 "$tmp/d" | tr '\n' ' ')"
  else
    echo "PASS vm/$a"
  fi
  if command -v qemu-system-riscv${a#rv} >/dev/null; then
    timeout 10 qemu-system-riscv${a#rv} -M virt -bios none -nographic -kernel "$elf" </dev/null >"$tmp/q.txt" 2>&1
    if cmp -s "$tmp/q.txt" "$tmp/r.txt"; then echo "PASS vm/$a-same-as-qemu"
    else echo "FAIL vm/$a-same-as-qemu: $(diff "$tmp/q.txt" "$tmp/r.txt" | head -c 300 | tr '\n' ' ')"; fi
  fi
done
