#!/usr/bin/env bash
# Runs the ISA tests on QEMU 7.2, the reference: "PASS qemu/isa/rv64/NAME".
# If rvscope is built, also compares the "NOTE ..." lines each test prints
# (implementation choices the spec leaves open, e.g. misaligned accesses)
# between QEMU and rvscope: "PASS same/isa/rv64/NAME".
set -u
cd "$(dirname "$0")/../.."
RVSCOPE="${RVSCOPE:-build/rvscope}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rc=0
for elf in build/guests/isa/rv32/*.elf build/guests/isa/rv64/*.elf; do
  [ -e "$elf" ] || { echo "FAIL qemu/isa: no test ELFs (make isa-guests)"; exit 1; }
  x=$(basename "$(dirname "$elf")"); name=isa/$x/$(basename "$elf" .elf)
  [ "$(basename "$elf")" = zicond.elf ] && continue     # QEMU 7.2 has no Zicond
  timeout 10 qemu-system-riscv${x#rv} -M virt -bios none -nographic \
    -kernel "$elf" </dev/null >"$tmp/q" 2>&1; st=$?
  if [ $st -eq 0 ]; then echo "PASS qemu/$name"
  else echo "FAIL qemu/$name: exit $st"; sed 's/^/    /' "$tmp/q"; rc=1; fi
  [ -x "$RVSCOPE" ] || continue
  timeout 10 "$RVSCOPE" --max-insns 50000000 "$elf" </dev/null >"$tmp/r" 2>&1
  if diff <(grep -a '^NOTE ' "$tmp/q" | tr -d '\r') \
          <(grep -a '^NOTE ' "$tmp/r" | tr -d '\r') >"$tmp/d"; then
    echo "PASS same/$name"
  else echo "FAIL same/$name: NOTE lines differ (< qemu, > rvscope)"
    sed 's/^/    /' "$tmp/d"; rc=1; fi
done
exit $rc
