#!/usr/bin/env bash
# Mutation check of the ISA tests. For each mnemonic of tests/isa/mutation.list
# it runs the listed tests on rvscope with --debug-break-insn NAME (that
# instruction then writes a wrong rd, or does nothing if it has none) and
# requires at least one of them to fail: "PASS isa-mutation/rv64/NAME".
# Each listed test must also contain NAME in its disassembly (objdump -d
# -M no-aliases), which proves e.g. that "RVC c.addi" assembled compressed.
#   mutation.sh            every listed mnemonic, RV32 and RV64
#   mutation.sh --quick    a fixed sample across the groups (tests/isa/run.sh)
#   mutation.sh --coverage only the disassembly check (no rvscope needed)
#   mutation.sh NAME...    just these mnemonics
set -u
cd "$(dirname "$0")/../.."
RVSCOPE="${RVSCOPE:-build/rvscope}"
OBJDUMP="${GUEST_OBJDUMP:-riscv64-unknown-elf-objdump}"
OUT=build/guests/isa
QUICK="add sltu lhu bgeu jalr mulhsu remu amomaxu.w sc.w csrrci c.addi16sp c.lwsp"

mode=run; only=()
case "${1:-}" in
  --quick) only=($QUICK) ;;
  --coverage) mode=coverage ;;
  "") ;;
  *) only=("$@") ;;
esac
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Mnemonics of one test ELF, .aq/.rl stripped, cached.
mnemonics() {
  local f="$tmp/$1.$2"
  [ -e "$f" ] || "$OBJDUMP" -d -M no-aliases "$OUT/$1/$2.elf" 2>/dev/null |
    awk -F'\t' 'NF >= 3 { sub(/\.(aqrl|aq|rl)$/, "", $3); print $3 }' |
    sort -u >"$f"
  cat "$f"
}

# rvscope must accept the option and keep a passing test passing when the
# broken instruction is not in it; otherwise every "detection" is noise.
if [ $mode = run ]; then
  [ -x "$RVSCOPE" ] || { echo "FAIL isa-mutation: $RVSCOPE is not built"; exit 1; }
  if ! timeout 10 "$RVSCOPE" --max-insns 50000000 --debug-break-insn amoswap.w \
       "$OUT/rv64/alu_rr.elf" >"$tmp/ctl" 2>&1; then
    echo "FAIL isa-mutation/control: alu_rr fails with amoswap.w broken:"
    sed 's/^/    /' "$tmp/ctl"; exit 1
  fi
fi

rc=0; seen=()
while read -r name xlens tests; do
  case "$name" in ''|'#'*) continue ;; esac
  seen+=("$name")
  if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $name "* ]]; then continue; fi
  [ "$xlens" = - ] && { echo "skip isa-mutation/$name: not observable (see mutation.list)"; continue; }
  for x in ${xlens//,/ }; do
    id=isa-mutation/rv$x/$name; [ $mode = coverage ] && id=isa-coverage/rv$x/$name
    missing=() ran=() caught=""
    for t in ${tests//,/ }; do
      if [ ! -e "$OUT/rv$x/$t.elf" ] || ! mnemonics "rv$x" "$t" | grep -qxF "$name"; then
        missing+=("$t"); continue
      fi
      [ $mode = coverage ] && continue
      ran+=("$t")
      timeout 10 "$RVSCOPE" --max-insns 50000000 --debug-break-insn "$name" \
        "$OUT/rv$x/$t.elf" </dev/null >"$tmp/out" 2>&1; st=$?
      # Exit 2 without the guest's own verdict is rvscope rejecting NAME.
      if [ $st -eq 2 ] && ! grep -aq 'isa: fail case' "$tmp/out"; then
        echo "FAIL $id: rvscope rejected it: $(head -1 "$tmp/out")"; rc=1; continue 2
      fi
      if [ $st -ne 0 ]; then
        caught="$t exit $st"
        grep -aq "fail case $st\$" "$tmp/out" && caught="$t case $st"
        break
      fi
    done
    if [ ${#missing[@]} -gt 0 ]; then
      echo "FAIL $id: not in the disassembly of: ${missing[*]}"; rc=1
    elif [ $mode = coverage ]; then echo "PASS $id"
    elif [ -n "$caught" ]; then echo "PASS $id ($caught)"
    else echo "FAIL $id: no test noticed (ran: ${ran[*]})"; rc=1; fi
  done
done <tests/isa/mutation.list

for n in ${only[@]+"${only[@]}"}; do
  [[ " ${seen[*]} " == *" $n "* ]] || { echo "FAIL isa-mutation/$n: not in mutation.list"; rc=1; }
done
exit $rc
