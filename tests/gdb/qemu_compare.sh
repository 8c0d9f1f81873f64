#!/usr/bin/env bash
# One GDB script, two targets: qemu-system-riscv32/64 -M virt -bios none
# -gdb and rvscope --gdb, on the same ELF. Where QEMU has the feature the
# transcripts must agree line for line: registers at a breakpoint, memory,
# hardware breakpoints, finish, watch/rwatch/awatch stops (values and pc),
# stepi over 2- and 4-byte instructions, priv writes. Known, harmless
# differences are normalised first (QEMU starts at its reset vector 0x1000
# and names the inferior "process 1"). Prints PASS/FAIL (tests/run.sh).
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
GDB=${GDB:-gdb-multiarch}
tmp=$(mktemp -d)
QPID= RPID=
trap '[ -n "$QPID" ] && kill $QPID 2>/dev/null; [ -n "$RPID" ] && kill $RPID 2>/dev/null; rm -rf "$tmp"' EXIT

script=(
  'break main' 'continue' 'info registers pc sp gp ra' 'x/4xw &global' 'x/6i $pc'
  'p/x $mstatus' 'p $mhartid' 'info registers priv'
  'hbreak add' 'continue' 'info registers a0 a1' 'bt' 'finish'
  'watch global' 'continue' 'p/x $pc'
  'rwatch rglobal' 'continue' 'p/x $pc'
  'awatch aglobal' 'continue' 'continue' 'p/x $pc' 'delete'
  'tbreak *step_c' 'continue' 'stepi' 'p $pc - (long)&step_c' 'stepi' 'p $pc - (long)&step_c'
  'p $a0' 'set $a0 = 77' 'p $a0' 'set $priv = 1' 'info registers priv' 'set $priv = 3'
  'set var global = 1234' 'x/2xw &global' 'kill'
)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

transcript() {   # PORT ELF OUT
  local a=()
  for c in "${script[@]}"; do a+=(-ex "$c"); done
  timeout 60 "$GDB" -batch -nx -ex 'set pagination off' -ex 'set confirm off' -ex 'set width 0' \
    -ex "target remote 127.0.0.1:$1" "${a[@]}" "$2" 2>&1 </dev/null |
    sed -e '1,/^Breakpoint 1 at /{/^Breakpoint 1 at /!d}' -e 's/(process 1)/(Remote target)/' >"$3"
}

for A in rv32 rv64; do
  name=gdb/qemu-same-answers-$A
  qemu=qemu-system-riscv${A#rv}
  elf=build/guests/gdb/$A/gdbprog.elf
  if ! command -v "$qemu" >/dev/null; then
    echo "SKIP $name: $qemu is not installed"
    continue
  fi
  qport=$(free_port)
  "$qemu" -M virt -bios none -nographic -monitor none -serial file:"$tmp/qemu-$A.console" \
    -kernel "$elf" -S -gdb tcp:127.0.0.1:$qport </dev/null >"$tmp/qemu.log" 2>&1 &
  QPID=$!
  for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $qport), 0.2).close()" 2>/dev/null && break
    sleep 0.05
  done
  # (that probe connection is one QEMU accepts and drops; it waits for the next)
  sleep 0.2
  transcript "$qport" "$elf" "$tmp/qemu-$A.txt"
  kill $QPID 2>/dev/null; wait $QPID 2>/dev/null; QPID=

  "$R" --gdb 127.0.0.1:0 "$elf" >"$tmp/rv.out" 2>"$tmp/rv.err" </dev/null &
  RPID=$!
  port=
  for _ in $(seq 100); do
    port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/rv.err" 2>/dev/null)
    [ -n "$port" ] && break
    sleep 0.05
  done
  transcript "$port" "$elf" "$tmp/rvscope-$A.txt"
  kill $RPID 2>/dev/null; wait $RPID 2>/dev/null; RPID=

  lines=$(wc -l <"$tmp/rvscope-$A.txt")
  if [ "$lines" -lt 40 ]; then
    echo "FAIL $name: the rvscope transcript is short ($lines lines)"
    sed 's/^/    | /' "$tmp/rvscope-$A.txt"
  elif ! grep -q 'Old value = 1' "$tmp/qemu-$A.txt"; then
    echo "FAIL $name: the QEMU transcript is incomplete (did QEMU start?)"
    sed 's/^/    | /' "$tmp/qemu-$A.txt" | head -20
  elif diff -u "$tmp/qemu-$A.txt" "$tmp/rvscope-$A.txt" >"$tmp/diff"; then
    echo "PASS $name ($lines lines)"
  else
    echo "FAIL $name: transcripts differ (- qemu, + rvscope)"
    sed 's/^/    | /' "$tmp/diff" | head -40
  fi
done
