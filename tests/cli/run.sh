#!/usr/bin/env bash
# The command line: options, exit statuses and the error message for each
# kind of bad input (SPEC §8). Protocol: tests/run.sh.
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
G=build/guests/cli
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# expect NAME STATUS REGEX CMD...: exit status and a line of stdout+stderr.
expect() {
  local name=$1 want=$2 re=$3; shift 3
  local out rc
  timeout 20 "$@" >"$tmp/out" 2>&1 </dev/null; rc=$?
  out=$(tr -d '\0' <"$tmp/out")
  if [ "$rc" -ne "$want" ]; then echo "FAIL cli/$name: exit $rc, want $want; output: ${out:0:300}"; return; fi
  if ! grep -Eq -- "$re" <<<"$out"; then echo "FAIL cli/$name: output lacks /$re/: ${out:0:300}"; return; fi
  echo "PASS cli/$name"
}

expect help 0 '--max-insns N' "$R" --help
for opt in --isa --mem --harts --triggers --raw --max-insns --itrace --disassemble --version; do
  expect "help-lists$opt" 0 "$opt" "$R" --help
done
expect version 0 '^rvscope [0-9]+\.[0-9]+' "$R" --version
expect no-image 2 'no IMAGE given' "$R"
expect missing-file 2 'nonexistent\.elf.*(No such file|not found|cannot open)' "$R" "$tmp/nonexistent.elf"
printf 'hello\n' >"$tmp/text.txt"
expect not-elf 2 'not an ELF' "$R" "$tmp/text.txt"
: >"$tmp/empty"
expect empty-file 2 'empty|not an ELF|too short|truncated' "$R" "$tmp/empty"
expect other-machine 2 'x86-64|not RISC-V|RISC-V' "$R" /bin/true
expect outside-ram 2 'outside RAM' "$R" $G/outside.elf
head -c 200 $G/loop.elf >"$tmp/trunc.elf"
expect truncated 2 'trunc\.elf' "$R" "$tmp/trunc.elf"
expect unknown-option 2 "unknown" "$R" --frobnicate $G/loop.elf
expect bad-mem 2 "bad --mem 'lots'" "$R" --mem lots $G/loop.elf
expect bad-mem-size 2 'multiple of 4K' "$R" --mem 100 $G/loop.elf
expect bad-harts 2 'bad --harts 9' "$R" --harts 9 $G/loop.elf
expect bad-isa 2 "bad --isa 'rv128i' does not start with rv32 or rv64" "$R" --isa rv128i $G/loop.elf
# --isa: what rvscope cannot do is refused by name; a hart without F traps
# on the first FP instruction of an rv64gc program (here its flw).
expect isa-no-v 2 "does not implement the 'v' extension" "$R" --isa rv64imafdcv $G/loop.elf
expect isa-no-zfh 2 "does not implement the 'zfh' extension" "$R" --isa rv64gc_zfh $G/loop.elf
expect isa-no-e 2 'no RV32E' "$R" --isa rv32e $G/loop.elf
expect isa-d-needs-f 2 'D needs F' "$R" --isa rv32imadc $G/loop.elf
expect isa-gc 124 'stopped after 1000 instructions' "$R" --isa rv32gc --max-insns 1000 $G/loop.elf
expect isa-long 124 'stopped after 1000 instructions' "$R" --isa RV32IMAFDC_Zba_Zbb_Zbs_Zicond_Zicsr_Zifencei --max-insns 1000 $G/loop.elf
expect isa-imac-flw 126 'illegal instruction at .*flw' "$R" --isa rv64imac build/guests/gdb/rv64/fpprog.elf
expect isa-mismatch 2 'RV32 ELF but --isa asks for RV64' "$R" --isa rv64imac $G/loop.elf
expect bad-max-insns 2 'bad value for --max-insns' "$R" --max-insns many $G/loop.elf
expect missing-value 2 "'--mem' is unknown or lacks its value" "$R" --mem
expect extra-arg 2 "unexpected argument 'x'" "$R" $G/loop.elf x
expect max-insns 124 'stopped after 1000 instructions' "$R" --max-insns 1000 $G/loop.elf
expect stuck 126 'stuck: (illegal instruction|instruction access fault).*mtvec' "$R" $G/stuck.elf
expect deadlock 125 'wfi' "$R" $G/sleep.elf
expect finisher-fail 42 '' "$R" $G/failcode.elf
expect raw-binary 42 '' "$R" --isa rv32imac --raw 0x80000000 $G/failcode.bin
expect raw-missing 2 'nope\.bin' "$R" --raw 0x80000000 "$tmp/nope.bin"
expect htif-tohost 7 '' "$R" $G/htif.elf
# issue 16: one sw of tohost's low word (riscv-arch-test's halt) stops too;
# an RV32 putchar (low word first, odd) still prints and does not exit
expect htif-tohost-low-word 7 '' "$R" $G/htif_lo.elf
expect htif-tohost-low-word-nojit 7 '' "$R" --no-jit $G/htif_lo.elf
expect htif-putchar-rv32 0 '^A$' "$R" $G/htif_putc.elf
expect trigger-action8 3 'trigger 0 \(mcontrol6, store, action 8\).*sw' "$R" $G/trigger8.elf
# lw a0, 1(zero): a misaligned load in virtual page 0 must be a guest fault
# (it once hit an empty TLB entry and read host address 1).
printf '\x03\x25\x10\x00' >"$tmp/page0.bin"
expect misaligned-page0 126 'stuck' "$R" --raw 0x80000000 "$tmp/page0.bin"
expect disassemble 0 'addi[[:space:]]+a0,a0,1' "$R" --disassemble 00150513
expect disassemble-bad 2 "'xyz' is not a hexadecimal" "$R" --disassemble xyz
# issue 16: a trace file that cannot be written (/dev/full) is an error, not
# a silent exit 0 with every line lost
expect trace-file-full 1 "writing --trace-file '/dev/full' failed: No space left on device" \
  "$R" --itrace --trace-file /dev/full $G/../rv32/mon_count.elf
# issue 16: a stuck hart's report names the first fault of the chain (its
# cause, pc and instruction), not only the handler's fault at 0
expect stuck-first-fault-illegal 126 'stuck: illegal instruction at pc 0x80000004 \(tval 0x[0-9a-f]+, insn 0xffffffff [^)]*\) went to the handler at 0x0, where instruction access fault \(tval 0x0\) traps to itself; is mtvec set\?' \
  "$R" $G/stuck_illegal.elf
expect stuck-first-fault-jump 126 'stuck: instruction access fault at pc 0x1000 \(tval 0x1000\) went to the handler at 0x0, where instruction access fault' \
  "$R" $G/stuck_jump.elf
expect stuck-first-fault-nojit 126 'stuck: illegal instruction at pc 0x80000004 ' "$R" --no-jit $G/stuck_illegal.elf
