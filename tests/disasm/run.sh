#!/usr/bin/env bash
# Test group "disasm": rvscope's disassembler against binutils' objdump
# -M no-aliases, for every line of src/core/insn_table.h on RV32 and RV64
# (20 random encodings per mnemonic and XLEN, their near misses, all CSR
# numbers, every 16-bit word). See tests/disasm/check.py.
# DISASM_SEED=N / DISASM_COUNT=N pick another seed / more encodings;
# DISASM_STRICT=1 also fails on the known accept/reject differences.
# Output protocol: tests/run.sh.
set -u
cd "$(dirname "$0")/../.."
RVSCOPE="${RVSCOPE:-build/rvscope}"
if [ ! -x "$RVSCOPE" ]; then echo "FAIL disasm/setup: no emulator at $RVSCOPE (make)"; exit 1; fi
for t in riscv64-unknown-elf-as riscv64-unknown-elf-objdump python3; do
  command -v "$t" >/dev/null || { echo "FAIL disasm/setup: $t not installed"; exit 1; }
done
exec python3 tests/disasm/check.py --rvscope "$RVSCOPE" --seed "${DISASM_SEED:-1}" \
  --count "${DISASM_COUNT:-20}" ${DISASM_STRICT:+--strict}
