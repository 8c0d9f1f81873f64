#!/usr/bin/env bash
# Test group "gdb": the GDB stub (src/gdb/) driven by the real gdb-multiarch
# in batch mode against RV32 and RV64 guests, transcripts checked line by
# line; the same scripts against qemu-system-riscv32/64 -gdb where QEMU has
# the feature; protocol abuse from a small RSP client (rsp_test.py); a
# replay of the libFuzzer corpus of the packet parser and dispatcher (when
# clang is there); and a watchpoint over a long CPU-bound run (its cost is
# measured by `make bench`, no timing is checked here).
# Protocol: tests/run.sh. Knobs: GDB_QEMU=0 skips the QEMU comparison.
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
G=build/guests/gdb
GDB=${GDB:-gdb-multiarch}
tmp=$(mktemp -d)
RVPID=
cleanup() { [ -n "$RVPID" ] && kill "$RVPID" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

make --no-print-directory -s gdb-guests cli-guests >"$tmp/make.log" 2>&1 ||
  { echo "FAIL gdb/build: make gdb-guests cli-guests: $(tail -n 3 "$tmp/make.log")"; exit 1; }
command -v "$GDB" >/dev/null || { echo "FAIL gdb/tools: $GDB is not installed"; exit 1; }

# rv_start ARGS...: rvscope --gdb on a free port (it names the port).
rv_start() {
  rm -f "$tmp/rv.err" "$tmp/rv.out"
  : >"$tmp/gdb.out"                    # no stale transcript if this fails
  "$R" --gdb 127.0.0.1:0 "$@" >"$tmp/rv.out" 2>"$tmp/rv.err" </dev/null &
  RVPID=$!
  PORT=
  for _ in $(seq 200); do
    PORT=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/rv.err" 2>/dev/null)
    [ -n "$PORT" ] && return 0
    kill -0 "$RVPID" 2>/dev/null || break
    sleep 0.05
  done
  echo "rvscope did not start: $(cat "$tmp/rv.err" 2>/dev/null)"
  return 1
}

# rv_end [SECONDS]: wait for rvscope to exit by itself; RVRC = its status,
# or "running" (then it is killed).
rv_end() {
  local t=${1:-10}
  for _ in $(seq $((t * 20))); do kill -0 "$RVPID" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$RVPID" 2>/dev/null; then
    kill "$RVPID"; wait "$RVPID" 2>/dev/null; RVRC=running
  else
    wait "$RVPID"; RVRC=$?
  fi
  RVPID=
}

# gdb_batch ELF CMD...: one GDB session against $PORT; transcript in $tmp/gdb.out.
gdb_batch() {
  local elf=$1; shift
  local a=()
  for c in "$@"; do a+=(-ex "$c"); done
  timeout 60 "$GDB" -batch -nx -ex 'set pagination off' -ex 'set confirm off' -ex 'set width 0' \
    -ex "target remote 127.0.0.1:$PORT" "${a[@]}" "$elf" >"$tmp/gdb.out" 2>&1 </dev/null
}

# expect NAME PATTERN...: every extended regex matches a line of the transcript.
expect() {
  local name=$1; shift
  for re in "$@"; do
    if ! grep -Eq -- "$re" "$tmp/gdb.out"; then
      echo "FAIL gdb/$name: transcript lacks /$re/"
      sed 's/^/    | /' "$tmp/gdb.out" | tail -n 25
      return 1
    fi
  done
  echo "PASS gdb/$name"
}

# values: what GDB printed in its "$N = VALUE" lines, in order.
values() { sed -n 's/^\$[0-9]* = //p' "$tmp/gdb.out"; }

for A in rv32 rv64; do
  P=$G/$A/gdbprog.elf
  xl=${A#rv}

  # connect, registers (GPRs, CSRs, priv), disassembly at the reset pc
  rv_start "$P" && gdb_batch "$P" 'info registers' 'x/8i $pc' \
      'info registers mstatus misa mhartid mtvec tdata1 priv' 'info registers csr' 'p $priv' \
      'p/x $mstatus' 'info all-registers'
  expect "$A-info-registers" '^pc +0x80000000[[:space:]]+0x80000000 <_start>' '^sp +0x0' \
    '^ra +0x0' '^a0 +0x0' "^misa +0x[0-9a-f]+[[:space:]]+RV${xl}ACDFIMSU" '^mhartid +0x0' \
    '^priv +0x3[[:space:]]+prv:3 \[Machine\]' '^tdata1 +0x' '^mtvec +0x0' '^\$1 = 3$'
  csrs=$(grep -cE '^(mstatus|mepc|mcause|mtval|satp|stvec|sepc|tselect|dcsr|dpc|mcycle|minstret|time|cycle) ' "$tmp/gdb.out")
  [ "$csrs" -ge 26 ] && echo "PASS gdb/$A-info-registers-csr" ||
    echo "FAIL gdb/$A-info-registers-csr: 'info registers csr' + 'info all-registers' show $csrs of 28 key CSR lines"
  expect "$A-disassemble" '^=> 0x80000000 <_start>:[[:space:]]+auipc[[:space:]]+gp,0x[0-9a-f]+' \
    '^   0x80000018 <_start\+24>:[[:space:]]+csrw[[:space:]]+mtvec,t0'
  [ "$(grep -c '^  *0x8000[0-9a-f]* <_start+[0-9]*>:' "$tmp/gdb.out")" -ge 7 ] &&
    echo "PASS gdb/$A-disassemble-8" || echo "FAIL gdb/$A-disassemble-8: x/8i shows fewer than 8 lines"
  rv_end 0

  # break main, hbreak, continue, finish
  rv_start "$P" && gdb_batch "$P" 'break main' 'hbreak add' 'continue' 'info breakpoints' 'continue' \
      'p a' 'p b' 'bt' 'finish' 'p $' 'next' 'p global' 'kill'
  expect "$A-break-main" '^Breakpoint 1 at 0x[0-9a-f]+: file tests/gdb/guests/gdbprog.c, line 39\.' \
    '^Breakpoint 1, main \(\) at tests/gdb/guests/gdbprog.c:39' '^39[[:space:]]+long r = add\(2, 3\);'
  expect "$A-hbreak" '^Hardware assisted breakpoint 2 at 0x[0-9a-f]+: file tests/gdb/guests/gdbprog.c, line 17\.' \
    '^Breakpoint 2, add \(a=2, b=3\) at tests/gdb/guests/gdbprog.c:17' '^2 +hw breakpoint +keep y' \
    '^#1  0x[0-9a-f]+ in main \(\) at tests/gdb/guests/gdbprog.c:39'
  expect "$A-finish" '^Value returned is \$[0-9]+ = 5' \
    '^40[[:space:]]+global = r;' '^\$[0-9]+ = 5$'
  expect "$A-kill" '^\[Inferior 1 \(Remote target\) killed\]'
  rv_end 5
  [ "$RVRC" = 0 ] && ! grep -q done "$tmp/rv.out" && echo "PASS gdb/$A-kill-exits" ||
    echo "FAIL gdb/$A-kill-exits: rvscope status $RVRC after kill, output: $(head -c 100 "$tmp/rv.out")"

  # stepi over a compressed and a 32-bit instruction
  rv_start "$P" && gdb_batch "$P" 'tbreak *step_c' 'continue' 'x/2i $pc' 'p $pc - (long)&step_c' \
      'stepi' 'p $pc - (long)&step_c' 'stepi' 'p $pc - (long)&step_c' 'p $a0' 'kill'
  got=$(values | tr '\n' ' ')
  expect "$A-stepi-insns" '^=> 0x[0-9a-f]+ <steps\+[0-9]+>:[[:space:]]+add[[:space:]]+a0,a0,1' \
    '^   0x[0-9a-f]+ <steps\+[0-9]+>:[[:space:]]+add[[:space:]]+a0,a0,2' &&
  { [[ "$got" == *"0x0 "*"0x2 "*"0x6 8 "* ]] && echo "PASS gdb/$A-stepi" ||
      echo "FAIL gdb/$A-stepi: pc offsets/a0 after two stepi: '$got', want 0x0 0x2 0x6 8"; }
  rv_end 5

  # watch / rwatch / awatch: emulator-side, stop after the access
  rv_start "$P" && gdb_batch "$P" 'break main' 'continue' 'watch global' 'continue' \
      'x/i $pc' 'p $pc == (long)&main' 'rwatch rglobal' 'continue' 'awatch aglobal' 'continue' \
      'continue' 'delete' 'continue'
  expect "$A-watch" '^Hardware watchpoint 2: global' '^Old value = 1$' '^New value = 5$' \
    'in main \(\) at tests/gdb/guests/gdbprog.c:41'
  expect "$A-rwatch" '^Hardware read watchpoint 3: rglobal' '^Value = 7$'
  expect "$A-awatch" '^Hardware access \(read/write\) watchpoint 4: aglobal' '^Value = 3$' \
    '^Old value = 3$' '^New value = 8$'
  expect "$A-exit" '^\[Inferior 1 \(Remote target\) exited normally\]'
  rv_end 5
  [ "$RVRC" = 0 ] && grep -q '^done 5 7 8$' "$tmp/rv.out" && echo "PASS gdb/$A-exit-status" ||
    echo "FAIL gdb/$A-exit-status: rvscope status $RVRC, output '$(head -c 100 "$tmp/rv.out")'"

  # the watchpoint stops right after the store: the instruction before the
  # stop pc stores to global (checked against the disassembly)
  rv_start "$P" && gdb_batch "$P" 'break main' 'continue' 'watch global' 'continue' \
      'p/x $pc' 'p/x (long)&global' 'disassemble main' 'kill'
  stop=$(values | sed -n 1p); gaddr=$(values | sed -n 2p)
  prev=$(grep -B1 -E "^(=>)? *0x0*${stop#0x} <\+[0-9]+>:" "$tmp/gdb.out" | head -n 1)
  if [[ "$prev" =~ (sw|sd)[[:space:]] ]]; then
    echo "PASS gdb/$A-watch-stops-after-store"
  else
    echo "FAIL gdb/$A-watch-stops-after-store: stop at $stop (global $gaddr), instruction before: '$prev'"
  fi
  rv_end 5

  # registers written by GDB: a0, x0, priv (and an illegal privilege)
  rv_start "$P" && gdb_batch "$P" 'break main' 'continue' 'set $a0 = 0x1234' 'p/x $a0' \
      'set $zero = 5' 'p $zero' 'set $priv = 1' 'p $priv' 'info registers priv' \
      'monitor info r priv' 'set $priv = 2' 'set $priv = 3' 'info registers priv' \
      'set $mscratch = 0x5a5a' 'p/x $mscratch' 'set var global = 42' 'p global' \
      'monitor p *global' 'kill'
  expect "$A-set-registers" '^\$1 = 0x1234$' '^\$2 = 0$' '^\$3 = 1$' \
    '^priv +0x1[[:space:]]+prv:1 \[Supervisor\]' 'S \(1\)' \
    'Could not write register "priv"' '^priv +0x3[[:space:]]+prv:3 \[Machine\]' \
    '^\$[0-9]+ = 0x5a5a$' '^\$[0-9]+ = 42$' '0x0*2a'
  rv_end 5

  # monitor commands, and GDB's points as the emulator holds them
  rv_start "$P" && gdb_batch "$P" 'set breakpoint always-inserted on' 'break add' 'watch global' \
      'monitor help' 'monitor info w' 'monitor info b' 'monitor x 2 0x80000000' 'monitor p 6*7' \
      'monitor si' 'monitor next' 'monitor finish' 'monitor nonsense' 'kill'
  expect "$A-monitor" '^Commands' "GDB's watchpoints, held by the emulator" '^  write watch +0x[0-9a-f]+ +[48] <global>' \
    "GDB's breakpoints, held by the emulator" '^  sw breakpoint +0x[0-9a-f]+ +<add\+[0-9]+>' \
    '^0x0*80000000 <_start>:' '0x2a \(42\)' "'si' belongs to GDB" "'next' belongs to GDB" \
    "'finish' belongs to GDB" '[Uu]nknown command'
  rv_end 5

  # a monitor watch that stops a GDB continue counts its hit (issue 16)
  rv_start "$P" && gdb_batch "$P" 'break main' 'continue' 'monitor w *global' 'continue' \
      'monitor info w' 'kill'
  expect "$A-monitor-watch-hits" '^New value = 0x5 \(5\)$' '^1 +watchpoint +Memory +1 +0x5 '
  rv_end 5

  # Ctrl-C break-in of a spinning guest (SIGINT to GDB, as a terminal sends it)
  rv_start "$P" && {
    timeout 60 "$GDB" -batch -nx -ex 'set pagination off' -ex "target remote 127.0.0.1:$PORT" \
      -ex 'break main' -ex 'continue' -ex 'set var spin_forever = 1' -ex 'continue' \
      -ex 'p spins > 1000' -ex 'bt 1' -ex 'set var spin_forever = 0' -ex 'continue' "$P" \
      >"$tmp/gdb.out" 2>&1 </dev/null &
    tpid=$!
    # wait until the guest spins (rvscope has used 0.2 s of CPU)
    for _ in $(seq 200); do
      [ "$(awk '{print $14}' /proc/$RVPID/stat 2>/dev/null || echo 0)" -ge 20 ] && break
      sleep 0.05
    done
    # to GDB itself: timeout(1) would pass SIGINT on to its whole process
    # group, and a second SIGINT makes GDB give up on the target
    kill -INT "$(pgrep -P $tpid | head -n 1)"
    wait $tpid
  }
  expect "$A-ctrl-c" '^Program received signal SIGINT, Interrupt\.' 'gdbprog.c:4[67]' '^\$1 = 1$' \
    'exited normally'
  rv_end 5

  # detach: the guest runs on to its end, rvscope exits with its status
  rv_start "$P" && gdb_batch "$P" 'break add' 'continue' 'detach'
  expect "$A-detach" '^\[Inferior 1 \(Remote target\) detached\]'
  rv_end 5
  [ "$RVRC" = 0 ] && grep -q '^done 5 7 8$' "$tmp/rv.out" && echo "PASS gdb/$A-detach-runs-on" ||
    echo "FAIL gdb/$A-detach-runs-on: status $RVRC, output '$(head -c 100 "$tmp/rv.out")'"

  # load writes the image through X packets and sets the pc
  rv_start "$P" && gdb_batch "$P" 'break main' 'continue' 'set var global = 99' 'load' \
      'p/x $pc' 'p global' 'continue' 'kill'
  expect "$A-load" '^Loading section \.text, size 0x[0-9a-f]+ lma 0x80000000' \
    '^Start address 0x0*80000000, load size [0-9]+' '^\$1 = 0x80000000$' '^\$2 = 1$' \
    '^Breakpoint 1, main'
  rv_end 5

  # a guest ebreak reports SIGTRAP; `signal SIGTRAP` hands it to the guest
  rv_start "$P" && gdb_batch "$P" 'break main' 'continue' 'set var want_ebreak = 1' 'continue' \
      'x/i $pc' 'p $mcause' 'stepi' 'p $mcause' 'p $pc == $mtvec' 'kill'
  expect "$A-guest-ebreak" '^Program received signal SIGTRAP, Trace/breakpoint trap\.' \
    '^=> 0x[0-9a-f]+ <main\+[0-9]+>:[[:space:]]+ebreak'
  rv_end 5
  rv_start "$P" && gdb_batch "$P" 'break main' 'continue' 'set var want_ebreak = 1' 'continue' \
      'signal SIGTRAP' 'p $mcause' 'p $mepc == $pc' 'kill'
  # the guest's own handler gets the exception: the runtime's default one
  # halts with status 2
  expect "$A-guest-ebreak-pass" 'exited with code 02'
  rv_end 5
done

# stop reasons from the rest of rvscope: trigger action 8, a stuck trap
# loop, a deadlock in wfi, --max-insns
C=build/guests/cli
rv_start $C/trigger8.elf && gdb_batch $C/trigger8.elf 'continue' 'x/i $pc'
expect trigger-action8 'rvscope: stopped: trigger 0 \(mcontrol6, store, action 8\) fired on hart 0' \
  '^Program received signal SIGTRAP'
rv_end 5
rv_start $C/stuck.elf && gdb_batch $C/stuck.elf 'continue' 'p $pc'
expect stuck-trap-loop 'rvscope: hart 0 is stuck: .*mtvec' 'Program received signal SIG(ILL|SEGV)'
rv_end 5
# issue 16: GDB's stop names the first fault of the chain (an illegal
# instruction: SIGILL and its pc), not only the fault of its handler at 0
rv_start $C/stuck_illegal.elf && gdb_batch $C/stuck_illegal.elf 'continue'
expect stuck-first-fault 'rvscope: hart 0 is stuck: illegal instruction at pc 0x80000004 .*insn 0xffffffff.* went to the handler at 0x0' \
  'Program received signal SIGILL'
rv_end 5
rv_start $C/sleep.elf && gdb_batch $C/sleep.elf 'continue'
expect deadlock 'every hart waits in wfi' 'Program received signal SIGTRAP'
rv_end 5
rv_start --max-insns 5000 $C/loop.elf && gdb_batch $C/loop.elf 'continue'
expect max-insns 'stopped after 5000 instructions' 'Program terminated with signal SIGXCPU'
rv_end 5
[ "$RVRC" = 124 ] && echo "PASS gdb/max-insns-status" || echo "FAIL gdb/max-insns-status: $RVRC, want 124"

# F/D: a guest built -march=rv{32,64}gc -mabi={ilp32d,lp64d} loaded with its
# ELF (GDB refuses it from a target without FLEN 8); the FPU feature's
# registers hold the arguments stop_here(1.5, 2.25f) was called with (a
# NaN-boxed float in fa1), 'info float', fcsr, a register write, and a
# watchpoint hit by an FP store (fsd/fsw of a*b). Then the same ELF against a
# hart without F (--isa rvNNimac): GDB must refuse it as before.
for A in rv32 rv64; do
  F=$G/$A/fpprog.elf
  rv_start "$F" && gdb_batch "$F" 'break stop_here' 'continue' 'p $fa0' 'p $fa1.float' 'p/x $fa1' \
      'info float' 'p $fcsr' 'set $fa0.double = 0.25' 'p $fa0.double' 'watch result' 'continue' 'p result' 'kill'
  expect "$A-fpu" 'stop_here \(a=(a@entry=)?1\.5, b=(b@entry=)?2\.25\)' '^\$1 = \{float = 0, double = 1\.5\}$' \
    '^\$2 = 2\.25$' '^\$3 = \{float = 0x40100000, double = 0xffffffff40100000\}$' \
    '^fa0 +\{float = 0, double = 1\.5\}' '^frm +0x0[[:space:]]+FRM:0 \[RNE' '^\$4 = 0$' '^\$5 = 0\.25$' \
    'atchpoint 2: result' 'New value = 0\.5625' '^\$6 = 0\.5625$'
  rv_end 0
  rv_start --isa ${A}imac "$F" && gdb_batch "$F" 'p $pc'
  expect "$A-fpu-flen0-refused" 'bfd requires flen 8, but target has flen 0'
  rv_end 0
done

# harts are threads: stepi steps one hart, the others hold still
P=$G/rv64/gdbprog.elf
rv_start --harts 2 "$P" && gdb_batch "$P" 'info threads' 'thread 2' 'stepi' 'stepi' 'p/x $pc' \
    'thread 1' 'p/x $pc' 'p $mhartid' 'thread 2' 'p $mhartid' 'kill'
expect threads '^\* 1 +Thread 1 \(hart 0, M-mode, halted\)' '^  2 +Thread 2 \(hart 1, M-mode, halted\)' \
  '^\[Switching to thread 2 \(Thread 2\)\]' '^\$1 = 0x80000008$' '^\$2 = 0x80000000$' '^\$3 = 0$' '^\$4 = 1$'
rv_end 5

# a GDB started without a file learns it from the stub (qXfer:exec-file)
rv_start "$P" && timeout 60 "$GDB" -batch -nx -ex "target remote 127.0.0.1:$PORT" -ex 'break add' \
  -ex 'continue' -ex 'kill' >"$tmp/gdb.out" 2>&1 </dev/null
expect exec-file "^Reading symbols from $PWD/$P" '^Breakpoint 1, add \(a=2, b=3\)'
rv_end 5

# transports: stdio (target remote | rvscope --gdb stdio) and a Unix socket
timeout 60 "$GDB" -batch -nx -ex 'set pagination off' -ex "target remote | $R --gdb stdio $P" \
  -ex 'break add' -ex 'continue' -ex 'finish' -ex 'continue' "$P" >"$tmp/gdb.out" 2>&1 </dev/null
expect stdio '^Breakpoint 1, add \(a=2, b=3\)' 'Value returned is \$1 = 5' '^done 5 7 8$' \
  'exited normally'
rm -f "$tmp/sock"
"$R" --gdb "unix:$tmp/sock" "$P" >"$tmp/rv.out" 2>"$tmp/rv.err" </dev/null &
RVPID=$!
for _ in $(seq 100); do [ -S "$tmp/sock" ] && break; sleep 0.05; done
timeout 60 "$GDB" -batch -nx -ex "target remote $tmp/sock" -ex 'break add' -ex 'continue' \
  -ex 'continue' "$P" >"$tmp/gdb.out" 2>&1 </dev/null
expect unix-socket '^Breakpoint 1, add \(a=2, b=3\)' 'exited normally'
rv_end 5

# bad addresses: one line naming the problem, status 2
for bad in 99999 abc nohost.invalid:1234 unix: 1.2.3.4:80; do
  timeout 10 "$R" --gdb "$bad" "$P" >"$tmp/gdb.out" 2>&1 </dev/null; rc=$?
  if [ $rc -eq 2 ] && grep -Eq "^rvscope: (bad --gdb|cannot listen)" "$tmp/gdb.out"; then
    echo "PASS gdb/bad-address-${bad//[^a-z0-9]/_}"
  else
    echo "FAIL gdb/bad-address-${bad//[^a-z0-9]/_}: status $rc: $(head -c 200 "$tmp/gdb.out")"
  fi
done
# --no-gdb-wait: the guest runs without GDB; --gdb-once: exit when GDB leaves
rv_start --no-gdb-wait "$P"; rv_end 5
[ "$RVRC" = 0 ] && grep -q '^done' "$tmp/rv.out" && echo "PASS gdb/no-gdb-wait" ||
  echo "FAIL gdb/no-gdb-wait: status $RVRC"
rv_start --gdb-once "$P" && gdb_batch "$P" 'break main' 'continue' 'disconnect'
rv_end 5
[ "$RVRC" = 0 ] && ! grep -q '^done' "$tmp/rv.out" && echo "PASS gdb/gdb-once" ||
  echo "FAIL gdb/gdb-once: status $RVRC after disconnect, output '$(head -c 80 "$tmp/rv.out")'"

# the RSP client's abuse
python3 tests/gdb/rsp_test.py "$R" "$P" $C/loop.elf $G/rv64/timing.elf

# the same GDB script on QEMU and on rvscope: same answers
if [ "${GDB_QEMU:-1}" != 0 ]; then
  bash tests/gdb/qemu_compare.sh
fi

# libFuzzer: the packet parser and dispatcher on the saved corpus, every
# input once (make fuzz-rsp searches for new ones); sessions are never
# freed (fuzz_rsp.c), so no leak checking
if command -v "${FUZZ_CC:-clang}" >/dev/null; then
  if ! make --no-print-directory -s build/tests/fuzz_rsp >"$tmp/fuzz.log" 2>&1; then
    echo "FAIL gdb/fuzz-rsp: build failed: $(tail -n 3 "$tmp/fuzz.log" | tr '\n' ' ')"
  else
    ASAN_OPTIONS=detect_leaks=0 bash tests/fuzz_replay.sh gdb/fuzz-rsp build/tests/fuzz_rsp tests/gdb/fuzz_corpus
  fi
else
  echo "SKIP gdb/fuzz-rsp: no clang"
fi

# A watchpoint over a long compiled run (bench.elf: ~1.1 G instructions,
# `result` stored once at the end): it fires exactly once, with the value
# the guest prints, and the guest then ends as it does without GDB.  In
# bench_shared.elf the loop also stores to a variable on result's page on
# every iteration: those stores take the checked slow path and must not
# stop.  What this costs is measured by `make bench` (bench/gdb_watch.py),
# not here: a busy machine makes any time limit flaky.
for B in bench bench_shared; do
  E=$G/rv64/$B.elf
  plain=$(timeout 120 "$R" "$E" 2>/dev/null </dev/null | sed -n 's/^result //p')
  rv_start "$E" && gdb_batch "$E" 'watch result' 'continue' 'p/x result' 'continue'
  rv_end 10
  got=$(values | sed -n 1p)
  stops=$(grep -c '^Old value = ' "$tmp/gdb.out")
  if [ -z "$plain" ]; then
    echo "FAIL gdb/$B-watch-long-run: $E printed no result without GDB"
  elif [ "$stops" != 1 ] || [ "$got" != "0x$plain" ]; then
    echo "FAIL gdb/$B-watch-long-run: $stops watchpoint stops (want 1), result $got under GDB, 0x$plain without"
    sed 's/^/    | /' "$tmp/gdb.out" | tail -n 15
  elif ! grep -q '^\[Inferior 1 (Remote target) exited normally\]' "$tmp/gdb.out" ||
       [ "$RVRC" != 0 ] || [ "$(cat "$tmp/rv.out")" != "result $plain" ]; then
    echo "FAIL gdb/$B-watch-long-run: after the stop: rvscope status $RVRC, output '$(head -c 100 "$tmp/rv.out")'"
  else
    echo "PASS gdb/$B-watch-long-run"
  fi
done
