#!/usr/bin/env bash
# The monitor (rvscope -m): seed 001 task 1 transcript, watch policies,
# every command and its error messages, breakpoints, traces, the seed task 2
# stop, exit statuses, and Ctrl-C through a pseudo-terminal.
# Protocol: tests/run.sh ("PASS name" / "FAIL name: why" per test).
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
G=build/guests
W=$G/monitor/watch.elf
C32=$G/rv32/mon_count.elf
C64=$G/rv64/mon_count.elf
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

for f in "$R" $W $C32 $C64 $G/monitor/fault.elf $G/rv32/seed_task2.elf $G/rv32/traps.elf $G/cli/failcode.elf $G/cli/loop.elf; do
  [ -e "$f" ] || { echo "FAIL monitor/setup: $f is missing (make all test-guests)"; exit 1; }
done

# mon GUEST [OPTIONS...] <<< "commands": stdout in $tmp/out, stderr in
# $tmp/err, status in $rc.
mon() {
  local guest=$1; shift
  timeout 30 "$R" "$@" -m "$guest" >"$tmp/out" 2>"$tmp/err" <"$tmp/cmds"; rc=$?
}
cmds() { printf '%s\n' "$@" >"$tmp/cmds"; }
pass() { echo "PASS monitor/$1"; }
fail() { echo "FAIL monitor/$1: $2"; }
# has NAME REGEX...: every regex matches a line of stdout (grep -E)
has() {
  local name=$1; shift
  for re in "$@"; do
    if ! grep -Eq -- "$re" "$tmp/out"; then fail "$name" "output lacks /$re/: $(head -c 600 "$tmp/out")"; return; fi
  done
  pass "$name"
}
# lacks NAME REGEX: no line of stdout matches
lacks() {
  if grep -Eq -- "$2" "$tmp/out"; then fail "$1" "output has /$2/: $(grep -E -- "$2" "$tmp/out" | head -3)"; else pass "$1"; fi
}
# same NAME FILE: stdout equals FILE exactly
same() {
  if diff -u "$2" "$tmp/out" >"$tmp/diff"; then pass "$1"; else fail "$1" "differs from $2: $(head -c 800 "$tmp/diff")"; fi
}

# ---- seed 001 task 1 ---------------------------------------------------
# The transcript of the seed, with (nemu) read as (rvscope): the four
# classes, then si over an instruction that writes no memory (Register
# class: 3 and 4) and one that writes memory (Memory class: 2 and 4).
timeout 30 "$R" -x tests/monitor/seed_task1.coarse.cmd $W </dev/null >"$tmp/out" 2>"$tmp/err"
same seed-task1-coarse tests/monitor/seed_task1.coarse.expected
# ... and the seed's own lines, verbatim, in order
cat >"$tmp/seed" <<'EOF'
(nemu) watch 0x80000000
Constant watchpoint 1
(nemu) watch *0x80000000
Memory watchpoint 2
(nemu) watch $a0
Register watchpoint 3
(nemu) watch *$a0
Memory, Register watchpoint 4
(nemu) si
Re-evaluating watchpoint 3
Re-evaluating watchpoint 4
(nemu) si
Re-evaluating watchpoint 2
Re-evaluating watchpoint 4
EOF
sed 's/^(rvscope) /(nemu) /' "$tmp/out" | sed -n '/^(nemu) watch 0x80000000$/,/^(nemu) q$/p' | sed '$d' >"$tmp/got"
if diff -u "$tmp/seed" "$tmp/got" >"$tmp/diff"; then pass seed-task1-verbatim
else fail seed-task1-verbatim "$(cat "$tmp/diff")"; fi

# Precise (the default): the seed's two steps re-evaluate nothing (t1 and a
# store beside both watched words); a0 written -> 3 and 4; a store onto *$a0
# -> 4 only; a CSR-reading watch -> every instruction.
timeout 30 "$R" -x tests/monitor/seed_task1.precise.cmd $W </dev/null >"$tmp/out" 2>"$tmp/err"
same seed-task1-precise tests/monitor/seed_task1.precise.expected
# the two seed steps, precise: no Re-evaluating line at all
n=$(sed -n '/^(rvscope) watch \*\$a0$/,/^(rvscope) si$/p' "$tmp/out" | grep -c '^Re-evaluating')
first_two=$(awk '/^\(rvscope\) si$/{k++} k>=1 && k<=2 && /^Re-evaluating/' "$tmp/out" | wc -l)
[ "$first_two" -eq 0 ] && pass precise-seed-steps-silent || fail precise-seed-steps-silent "$first_two re-evaluations in the seed's two steps (coarse has 4)"

# Whole run to the exit with the log on: precise re-evaluates fewer times.
count_reevals() {
  cmds "set watch-policy $1" "set watch-log on" "si 2" "watch 0x80000000" "watch *0x80000000" "watch \$a0" "watch *\$a0" "c" "c" "c" "c" "q"
  mon $W; grep -c '^Re-evaluating' "$tmp/out"
}
nc=$(count_reevals coarse); np=$(count_reevals precise)
# coarse: 12 instructions after the setup, each re-evaluating 2 watches
# (3+4 or 2+4); precise: a0 write (3,4) and the store onto *$a0 (4).
[ "$nc" -eq 24 ] && [ "$np" -eq 3 ] && pass precise-fewer-reevaluations \
  || fail precise-fewer-reevaluations "coarse $nc (want 24), precise $np (want 3)"

# ---- watchpoints -------------------------------------------------------
cmds "w 1+2" "w main" "w *main" "w \$pc" "w \$mstatus" "w *(\$sp+8) + \$a0" "watch counter" "info w" "q"
mon $C32
has watch-classes '^Constant watchpoint 1$' '^Constant watchpoint 2$' '^Memory watchpoint 3$' \
    '^Register watchpoint 4$' '^Register watchpoint 5$' '^Memory, Register watchpoint 6$' '^Memory watchpoint 7$' \
    '^6 +watchpoint +Memory, Register .*\*\(\$sp\+8\) \+ \$a0$'

cmds "w" "w 1 +" "w \$nosuch" "w nosuch" "w a0" "w 1/0" "info w" "q"
mon $C32
has watch-errors '^Usage: w EXPR \| w phys \[va\] ADDR \[LEN\]$' '^1 \+$' '\^ unexpected end of expression' "unknown register '\\\$nosuch'" \
    "unknown symbol 'nosuch'" "for the register, write '\\\$a0'" '^ \^ division by zero$' '^No watchpoints\.$'

# memory-only, precise: emulator-side write watchpoints, stop with old/new
cmds "w *counter" "c" "c" "c" "info w" "q"
mon $C32
has watch-memory-stop '^Watchpoint 1: \*counter$' '^Old value = 0x0 \(0\)$' '^New value = 0x1 \(1\)$' \
    '^Changed by 0x[0-9a-f]+ <sum_to\+[0-9]+>: .*sw' '^New value = 0x2 \(2\)$' '^New value = 0x3 \(3\)$' \
    '^1 +watchpoint +Memory +3 '
# ... with the log: the startup's bss clear and counter = 0 re-evaluate it
# without a change, counter = 1 changes it (3 stores to its bytes, nothing else)
cmds "set watch-log on" "w *counter" "c" "q"
mon $C32
n=$(grep -c '^Re-evaluating watchpoint 1$' "$tmp/out")
[ "$n" -eq 3 ] && grep -q '^New value = 0x1 (1)$' "$tmp/out" && pass watch-memory-log \
  || fail watch-memory-log "$n re-evaluations, want 3: $(head -c 400 "$tmp/out")"
# the same on RV64, and through a pointer expression
cmds "w *(squares+4) & 0xffffffff" "c" "q"
mon $C64
has watch-memory-rv64 '^Memory watchpoint 1$' '^Old value = 0x0 \(0\)$' '^New value = 0x1 \(1\)$'

# unreadable -> readable counts as a change; a register watch (a0 = 0 at reset)
cmds "w *\$a0" "info w" "si 2" "q"
mon $W
has watch-unreadable '^Memory, Register watchpoint 1$' '<unreadable>' \
    '^Old value = <unreadable: cannot read memory at 0x0>$' '^New value = 0x517 \(1303\)$' \
    '^Changed by 0x80000000 <_start>:  00000517  auipc	a0,0x0$'

# policy and log switches
cmds "set watch-policy sideways" "set watch-log maybe" "set watch-policy coarse" "set watch-log on" "w \$t1" "si 3" "info w" "q"
mon $W
has set-watch-errors '^Usage: set watch-policy coarse\|precise$' '^Usage: set watch-policy' '^Re-evaluating watchpoint 1$' \
    '^Watchpoint 1: \$t1$' '^\(watch-policy coarse, watch-log on\)$'

# delete
cmds "w \$a0" "b main" "d 1" "d 2" "d 7" "d x" "d" "info b" "q"
mon $C32
has delete '^No breakpoint, watchpoint or catchpoint number 7\.$' "^Bad breakpoint or watchpoint number 'x'\.$" \
    '^No breakpoints or watchpoints\.$'

# ---- breakpoints -------------------------------------------------------
line=$(grep -n 'counter = i;' tests/monitor/guests/mon_count.c | cut -d: -f1)
cmds "b main" "b square if \$a0 == 5" "b mon_count.c:$line" "info b" "c" "c" "d 3" "c" "p \$a0" "c" "info b" "q"
mon $C32
has break-symbol-line-cond '^Breakpoint 1 at 0x[0-9a-f]+ <main(\+[0-9]+)?>: file mon_count.c, line [0-9]+\.$' \
    '^Breakpoint 2 at 0x[0-9a-f]+ <square>' "^Breakpoint 3 at 0x[0-9a-f]+ <sum_to\\+[0-9]+>: file mon_count.c, line $line\\.\$" \
    '^        stop only if \$a0 == 5$' '^Breakpoint 1, 0x[0-9a-f]+ <main(\+[0-9]+)?> at mon_count.c:[0-9]+$' \
    "^Breakpoint 3, 0x[0-9a-f]+ <sum_to\\+[0-9]+> at mon_count.c:$line\$" '^Breakpoint 2, 0x[0-9a-f]+ <square>' \
    '^0x5 \(5\)$' '^sum = 140$' '^The guest exited with status 0\.$' '^2 +breakpoint +0x[0-9a-f]+ +1 +<square>'
# by address, and the stop shows the instruction there
addr=$(riscv64-unknown-elf-nm $C32 | awk '$3=="square"{print $1}')
cmds "b 0x$addr" "b square+0" "c" "q"
mon $C32
has break-address "^Breakpoint 1 at 0x$addr <square>" "^Breakpoint 1, 0x$addr <square>" "^=> 0x$addr <square>: "
cmds "b" "b nosuch" "b mon_count.c:9999" "b nosuch.c:3" "b main if" "b main if \$a0 ==" "b main if 1 +" "q"
mon $C32
has break-errors '^Usage: b \*ADDR\|FUNC\|FILE:LINE\|EXPR \[space NAME\] \[priv u\|s\|m\] \[hart N\] \[if EXPR\]$' "unknown symbol 'nosuch'" \
    '^No line 9999 in file "mon_count.c"\.$' '^No line 3 in file "nosuch.c"\.$' \
    "^Argument required \\(condition after 'if'\\)\\.$" 'unexpected end of expression'
# a condition that cannot be evaluated stops and says why
cmds "b square if *0 == 1" "c" "q"
mon $C32
has break-cond-error '^Error in condition of breakpoint 1 \(\*0 == 1\): cannot read memory at 0x0$' '^Breakpoint 1, '
# a raw image has no symbols or lines
riscv64-unknown-elf-objcopy -O binary $C32 "$tmp/count.bin"
cmds "b main" "b mon_count.c:3" "b 0x80000000" "q"
timeout 30 "$R" --isa rv32imac --raw 0x80000000 -m "$tmp/count.bin" >"$tmp/out" 2>&1 <"$tmp/cmds"
has break-raw-image "unknown symbol 'main'" 'No symbol table: .* is a raw image\.' '^Breakpoint 1 at 0x80000000$'

# ---- registers, CSRs, memory, expressions ------------------------------
cmds "info r" "info r a0 \$sp pc priv mstatus" "info r bogus" "info csr mstatus" "info csr 0x341" \
     "info csr \$mcause" "info csr nosuch" "info csr" "info csr 0xfff" "info" "info frob" "q"
mon $C32
has info-regs '^zero +0x00000000  0$' '^a0 +0x00000000  0$' '^t6 +0x00000000  0$' '^pc +0x80000000  <_start>$' \
    '^priv +M \(3\)$' '^mstatus +0x00000000$' '^satp +0x00000000$' '^sp +0x00000000  0$' \
    "^Invalid register 'bogus'\\.$" '^mstatus \(0x300\) = 0x00000000 \(0\)$' '^mepc \(0x341\) = 0x00000000 \(0\)$' \
    '^mcause \(0x342\) = ' "^Unknown CSR 'nosuch'\\.$" '^Usage: info csr NAME\|NUMBER$' \
    '^CSR csr \(0xfff\) is not present on this hart\.$' '^Usage: info r \[REG\.\.\.\] \| csr NAME'
cmds "info csr mstatush" "info csr misa" "q"
mon $C64
has info-csr-rv64 '^CSR mstatush \(0x310\) is not present on this hart\.$' '^misa \(0x301\) = 0x800000000014112d '

cmds "p 1+2*3" "p (1+2)*3" "p -1" "p 0x10 >> 2" "p main" "p \$pc" "p *\$pc" "p 7/0" "p 7 % 0" \
     "p \$nope" "p nosuch+1" "p (1" "p 1)" "p" "p *0x10" "q"
mon $C32
has print '^0x7 \(7\)$' '^0x9 \(9\)$' '^0xffffffff \(4294967295, signed -1\)$' '^0x4 \(4\)$' \
    '^0x80000000 \(2147483648, signed -2147483648\)$' '^0x[0-9a-f]+ \([0-9]+' \
    '^7/0$' '^ \^ division by zero$' '^  \^ modulo by zero$' "\\^ unknown register '\\\$nope'" \
    "\\^ unknown symbol 'nosuch'" "\\^ missing '\\)'" "\\^ unmatched '\\)'" '^Usage: p\[/x\|d\|u\|o\|t\|c\] EXPR$' \
    '\^ cannot read memory at 0x10'
cmds "p -1" "p 1 << 63" "q"
mon $C64
has print-rv64 '^0xffffffffffffffff \(18446744073709551615, signed -1\)$' '^0x8000000000000000 '

cmds "x 4 _start" "x 2 squares" "x 1 0" "x 0 _start" "x 4" "x" "x y _start" "x 2 0x87fffffc" "q"
mon $C32
first=$(riscv64-unknown-elf-objdump -d $C32 | awk '/^80000000/{getline; print $2; exit}')
has examine "^0x80000000 <_start>:  0x$first  0x[0-9a-f]{8}  0x[0-9a-f]{8}  0x[0-9a-f]{8}\$" \
    '^0x[0-9a-f]{8} <squares>:  0x00000000  0x00000000$' '^Cannot access memory at address 0x0\.$' \
    '^x: N must be 1\.\.65536 words\.$' '^Usage: x/NFU ADDR \| x N EXPR$' "unknown symbol 'y'" \
    '^Cannot access memory at address 0x88000000\.$'

cmds "disas" "disas main 2" "disas \$pc+4 1" "disas 0 1" "disas main 0" "disas a b c" "q"
mon $C32
has disas '^=> 0x80000000 <_start>:  [0-9a-f]+ +[a-z]' '^   0x[0-9a-f]+ <main>:  ' '^   0x80000004 <_start\+4>:  ' \
    '^   0x0:  <cannot read memory>$' '^disas: N must be 1\.\.4096\.$' '^Usage: disas \[ADDR\] \[N\]$'
[ "$(grep -c '<main' "$tmp/out")" -eq 2 ] && pass disas-count || fail disas-count "disas main 2 did not show 2 lines: $(grep main "$tmp/out")"

# set registers and memory; a user write is not a guest change
cmds "set \$a0 = 0x1234" "p \$a0" "set \$x0 = 5" "p \$zero" "set \$mscratch = 7" "info csr mscratch" \
     "set *squares = 0x55" "x 1 squares" "set \$nosuch = 1" "set \$pc = main" "p \$pc == main" "set \$priv = 2" \
     "set \$a0 =" "set frob 1" "set" "set *0 = 1" "w \$a1" "set \$a1 = 9" "si" "q"
mon $C32
has set-assign '^0x1234 \(4660\)$' '^0x0 \(0\)$' '^mscratch \(0x340\) = 0x00000007 \(7\)$' \
    '^0x[0-9a-f]+ <squares>:  0x00000055$' "^Invalid register '\\\$nosuch'\\.$" '^0x1 \(1\)$' \
    '^\$priv must be 0 \(U\), 1 \(S\) or 3 \(M\)\.$' '^Usage: set watch-policy coarse\|precise \| set' \
    '^Cannot access memory at address 0x0\.$'
lacks set-not-a-guest-change '^Watchpoint 1: \$a1$'

# ---- help, unknown commands, stepping ----------------------------------
cmds "help" "help w" "help watch" "help bogus" "frobnicate 3" "c 5" "si x" "si 0" "set step-show on" "si" "set step-show off" \
     "hart" "hart 1" "hart 0" "exttrigger" "exttrigger 3" "q"
mon $C32
has help-and-errors '^Commands \(help CMD for more\):$' '^  si +execute N instructions \(default 1\)$' '^Usage: w EXPR \| w phys \[va\] ADDR \[LEN\]$' '^Alias: watch$' \
    "^Unknown command 'bogus'\\. Try 'help'\\.$" "^Unknown command 'frobnicate'\\. Try 'help'\\.$" '^Usage: c$' \
    "unknown symbol 'x'" '^=> 0x80000004 <_start\+4>: ' '^Current hart: 0 of 1\.$' \
    "^No hart '1' \\(harts are 0\\.\\.0\\)\\.$" '^Usage: exttrigger N$' '^External trigger input 3 raised on hart 0\.$'
for c in help c si q info x p w d b disas trace set hart exttrigger; do
  grep -q "^  $c " "$tmp/out" || { fail help-lists-all "help lacks $c"; break; }
done && pass help-lists-all

cmds "hart 1" "si" "info r pc" "hart 0" "info r pc" "q"
mon $C32 --harts 2
has harts '^\[hart 1\] => 0x80000000 <_start>' '^pc +0x80000004  <_start\+4>$' '^pc +0x80000000  <_start>$'

# ---- traces --------------------------------------------------------------
cmds "trace ftrace on" "trace mtrace on counter counter+3" "c" "trace" "q"
mon $C32
has trace-state '^itrace off, ftrace on, etrace off, mtrace on \[0x[0-9a-f]+, 0x[0-9a-f]+\]; itrace ring'
if grep -Eq '^\[ftrace\] 0 0x[0-9a-f]+:     call 0x[0-9a-f]+ <sum_to>$' "$tmp/err" &&
   grep -Eq '^\[ftrace\] 0 0x[0-9a-f]+:       ret from square to 0x[0-9a-f]+ <sum_to\+[0-9]+>$' "$tmp/err" &&
   grep -Eq '^\[ftrace\] 0 0x[0-9a-f]+:     ret from sum_to to 0x[0-9a-f]+ <main\+[0-9]+>$' "$tmp/err"; then pass ftrace
else fail ftrace "stderr: $(grep ftrace "$tmp/err" | head -8)"; fi
n=$(grep -c '^\[mtrace\] 0 0x[0-9a-f]\+: sw 4 bytes at 0x[0-9a-f]\+ <counter> <- 0x0000000[0-7]$' "$tmp/err")
[ "$n" -eq 9 ] && ! grep -q 'squares' "$tmp/err" && pass mtrace-range \
  || fail mtrace-range "want 9 stores to counter (bss clear + 8), none elsewhere; got $n: $(grep mtrace "$tmp/err" | head -5)"

cmds "trace etrace on" "c" "q"
mon $G/rv32/traps.elf
if grep -Eq '^\[etrace\] 0 exception 11 \(environment call from M-mode\) at epc 0x[0-9a-f]+ <[a-z_]+\+[0-9]+>, tval 0x0, M -> M, handler 0x[0-9a-f]+$' "$tmp/err" &&
   grep -Eq '^\[etrace\] 0 mret to 0x[0-9a-f]+ <[a-z_]+\+[0-9]+>, M -> M$' "$tmp/err" &&
   grep -Eq '^\[etrace\] 0 exception 3 \(breakpoint\)' "$tmp/err"; then pass etrace
else fail etrace "stderr: $(grep etrace "$tmp/err" | head -5)"; fi

cmds "trace itrace on" "si 3" "trace itrace off" "si" "q"
mon $C32 --trace-file "$tmp/trace.txt"
if [ "$(grep -c '^\[0\] 8000000[0-9a-f]: ' "$tmp/trace.txt")" -eq 3 ] && ! grep -q itrace "$tmp/err"; then pass itrace-trace-file
else fail itrace-trace-file "trace file: $(head -5 "$tmp/trace.txt"), stderr: $(head -3 "$tmp/err")"; fi

cmds "trace" "trace bogus on" "trace itrace maybe" "trace itrace on extra" "trace mtrace on 5" "trace mtrace on 8 4" "trace mtrace off" "q"
mon $C32
has trace-errors '^itrace off, ftrace off, etrace off, mtrace off; itrace ring while stepping or watching$' \
    '^Usage: trace itrace\|ftrace\|etrace on\|off' '^Usage: trace mtrace on \[START END\]$' \
    '^trace mtrace: END 0x4 is below START 0x8\.$'
timeout 10 "$R" --trace-file /nonexistent/dir/t -m $C32 </dev/null >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 2 ] && grep -q "cannot open --trace-file '/nonexistent/dir/t'" "$tmp/out" && pass trace-file-bad \
  || fail trace-file-bad "exit $rc: $(cat "$tmp/out")"

# ---- the itrace ring on an error stop ----------------------------------
cmds "set itrace-ring on" "c" "info itrace" "q"
mon $G/monitor/fault.elf
has ring-on-stuck '^Stopped: hart 0 is stuck: load access fault at pc 0x8000000e \(tval 0x100, insn 0x0002a303 lw	t1,0\(t0\)\) went to the handler at 0x0, where instruction access fault \(tval 0x0\)' '^Last 8 instructions \(oldest first\):$' \
    '^    M 0x80000000 <_start>:  4505 +c\.li	a0,1$' '^    M 0x80000014 <helper>:  ' '^--> M 0x8000000e <_start\+14>:  0002a303  lw	t1,0\(t0\)$'
cmds "c" "info itrace" "q"
mon $G/monitor/fault.elf
has ring-off-hint '^Stopped: hart 0 is stuck' "^\\(no instruction history: 'set itrace-ring on' keeps the last 64 instructions during 'c'\\)\$" \
    '^The instruction ring is empty'
cmds "si 70" "info itrace" "q"
mon $C32
n=$(grep -Ec '^(   |-->) M 0x' "$tmp/out")
[ "$n" -eq 64 ] && pass ring-64 || fail ring-64 "ring shows $n instructions after si 70, want 64"

# ---- seed 001 task 2 in the monitor: action 8 stops, the prompt returns --
cmds "c" "info triggers" "x 1 arr+20" "p \$pc" "c" "q"
mon $G/rv32/seed_task2.elf
arr=$(riscv64-unknown-elf-nm $G/rv32/seed_task2.elf | awk '$3=="arr"{print $1}')
a5=$(printf '%x' $((0x$arr + 20)))
has seed-task2-stop "^Storing arr\\[5\\], addr = $a5, value = 6\$" \
    "^Stopped: trigger 0 \\(mcontrol6, store, action 8\\) fired on hart 0: address 0x$a5, instruction at 0x[0-9a-f]+: sw" \
    '^\(rvscope\) info triggers$' '^Hart 0: 4 triggers, tselect = 0$' \
    "^trigger 0: mcontrol6  tdata1 = 0x62408042  tdata2 = 0x$a5\$" \
    "^  store in M mode when address == 0x$a5 -> action 8 \\(external trigger output 0 \\(stops rvscope\\)\\)\$" \
    '^  type=6 dmode=0 uncertain=0 hit1=1 vs=0 vu=0 hit0=1 select=0 size=0 action=8 chain=0 match=0 m=1 uncertainen=0 s=0 u=0 execute=0 store=1 load=0$' \
    '^trigger 1: disabled  tdata1 = 0xf0000000  tdata2 = 0x00000000$' '^  type=15 dmode=0$' \
    "^0x$a5 <arr\\+20>:  0x00000006\$" '^Loading arr\[9\], result = 10$' '^The guest exited with status 0\.$'
# nothing after the store to arr[5] before the stop
sed -n '/^Storing arr\[5\]/{n;p;q}' "$tmp/out" | grep -q '^Stopped: trigger 0' && pass seed-task2-stops-right-after \
  || fail seed-task2-stops-right-after "line after arr[5]: $(sed -n '/^Storing arr\[5\]/{n;p;q}' "$tmp/out")"
cmds "info triggers" "q"
mon $C32 --triggers 0
has triggers-none '^Hart 0 has no triggers \(--triggers 0\)\.$'

# ---- exit statuses, scripts and stdin ---------------------------------
cmds "c" "c" "si" "q"
mon $G/cli/failcode.elf
[ $rc -eq 42 ] && grep -q '^The guest exited with status 42\.$' "$tmp/out" && \
  grep -q "^The guest has exited (status 42); nothing to run\. 'q' quits\.$" "$tmp/out" && pass exit-status-guest \
  || fail exit-status-guest "exit $rc: $(cat "$tmp/out")"
cmds "si 3" "q"
mon $G/cli/failcode.elf
[ $rc -eq 0 ] && pass exit-status-quit || fail exit-status-quit "exit $rc"
cmds "c"
mon $G/cli/failcode.elf
[ $rc -eq 42 ] && pass exit-status-eof || fail exit-status-eof "exit $rc (end of input after the guest exited)"
printf 'p 1\n# a comment\n\np 2\n' >"$tmp/script"
cmds "p 3" "q"
timeout 10 "$R" -x "$tmp/script" $C32 <"$tmp/cmds" >"$tmp/out" 2>&1; rc=$?
printf '(rvscope) p 1\n0x1 (1)\n(rvscope) \n(rvscope) p 2\n0x2 (2)\n(rvscope) p 3\n0x3 (3)\n(rvscope) q\n' >"$tmp/want"
same script-then-stdin "$tmp/want"
timeout 10 "$R" -x /nonexistent.cmd $C32 </dev/null >"$tmp/out" 2>&1
has script-missing '^rvscope: cannot open script /nonexistent\.cmd: No such file or directory$'
cmds "c" "q"
mon $G/cli/sleep.elf
has deadlock '^Stopped: every hart executes wfi with no interrupt enabled that could wake it; the guest can never continue\.$'
cmds "si 1000" "q"
mon $G/cli/loop.elf --max-insns 500
has max-insns '^Stopped: --max-insns 500 reached\.$'

# ---- Ctrl-C (SIGINT) -----------------------------------------------------
# without a terminal: while the guest runs it stops it and the script goes
# on; at the (piped) prompt it ends rvscope as usual
printf 'c\n' >"$tmp/c.cmd"
( sleep 2; printf 'p 2\nq\n' ) | timeout 20 "$R" -x "$tmp/c.cmd" $G/cli/loop.elf >"$tmp/out" 2>&1 &
pid=$!; sleep 1; kill -INT $pid; wait $pid; rc=$?
[ $rc -eq 0 ] && grep -q '^Interrupted\.$' "$tmp/out" && grep -q '^0x2 (2)$' "$tmp/out" && pass sigint-running \
  || fail sigint-running "exit $rc: $(cat "$tmp/out")"
( sleep 3; printf 'q\n' ) | timeout 20 "$R" -m $G/cli/loop.elf >"$tmp/out" 2>&1 &
pid=$!; sleep 1; kill -INT $pid; wait $pid; rc=$?
[ $rc -eq 130 ] && pass sigint-piped-prompt || fail sigint-piped-prompt "exit $rc, want 130 (killed by SIGINT)"

# ---- Ctrl-C through a terminal -------------------------------------------
if python3 -c 'import pty' 2>/dev/null; then
  timeout 60 python3 tests/monitor/pty_drive.py "$R" $G/cli/loop.elf
else
  fail tty "python3 with pty is needed for the terminal tests"
fi

# ---- trigger: set up Sdtrig triggers by meaning ------------------------
# A store trigger on arr[5] of seed task 3 stops right after that store
# (arr[5] already holds 6); an icount trigger stops after 3 instructions;
# a debug-mode trigger enters debug mode; bad uses print the usage.
cmds "trigger 0 store arr+20 mode m" "c" "p *(arr+20)" "trigger 0 off" \
     "trigger 1 icount 3" "c" "trigger 1 off" \
     "trigger 2 exec main action debug" "c" "info csr dcsr" "trigger 2 off" \
     "trigger 9 off" "trigger 0 frob" "trigger 0 exception 99" "q"
mon $G/rv32/seed_task3_am.elf
has trigger-cmd '^Trigger 0: tdata1=0x60008042 tdata2=0x[0-9a-f]+ ' \
    '^Stopped: trigger 0 \(mcontrol6, store, action 8\)' \
    '^Trigger 1: tdata1=0x30000ec8 ' '^Stopped: trigger 1 \(icount, icount, action 8\)' \
    '^Trigger 2: tdata1=0x6800105c ' 'debug mode \(cause 2: trigger\)' \
    '^Trigger 9 does not exist: this hart has 4 \(--triggers\)\.$' '^Usage: trigger N '

# ---- debug mode (Sdext) through the monitor ------------------------------
# dcsr.ebreakm sends the guest's ebreak to debug mode (dpc = the ebreak);
# resuming is dret; dcsr.step re-enters after one instruction. dcsr then:
# xdebugver 4 << 28, stopcount (hard-wired 1) 0x400, cause 4 << 6, step 4,
# prv 3 (or 1 from S).
cmds 'set $dcsr = 0x8003' "c" 'p $dpc == $pc' 'set $dcsr = 0x0007' 'set $dpc = $dpc + 2' "c" \
     'info csr dcsr' "q"
mon $G/rv64/traps.elf
has debug-mode 'entered debug mode \(cause 1: ebreak\) at dpc=0x[0-9a-f]+, from M-mode' '^0x1 \(1\)$' \
    'entered debug mode \(cause 4: step\)' '^dcsr \(0x7b0\) = 0x0*4000050[37] '

# ---- stops do not shift guest time ----------------------------------------
# 300 breakpoint stops in the guest's main loop (main+0x70), then run to
# the end: the guest's fingerprint of when its timer interrupts came must
# equal a plain run's (it did not while a stop dropped the rest of a round).
T=$G/gdb/rv64/timing.elf
if [ -f "$T" ]; then
  want=$(timeout 60 "$R" "$T" 2>/dev/null | grep '^interrupts')
  { echo "b main+0x70"; for i in $(seq 300); do echo c; done; echo "d 1"; echo c; echo q; } >"$tmp/cmds"
  mon "$T"
  got=$(grep -o 'interrupts [0-9]*, hash [0-9a-f]*, result [0-9a-f]*' "$tmp/out")
  if [ -n "$want" ] && [ "$got" = "$want" ]; then pass stops-keep-time
  else fail stops-keep-time "plain '$want', with 300 stops '$got'"; fi
fi

# ---- register watch in a hot loop, compiled and interpreted ---------------
# s1 counts 1..100000 (tests/monitor/guests/regloop.S); 'w $s1 == 777' must
# stop right after the bump that makes s1 777 and the one that makes it
# 778, whether the loop runs as compiled code (which calls the watch hook
# after each write of s1) or in the interpreter.
RL=$G/monitor/regloop.elf
for mode in jit no-jit; do
  opt=(); [ $mode = no-jit ] && opt=(--no-jit)
  cmds 'w $s1 == 777' c 'p $s1' c 'p $s1' c q
  mon "$RL" "${opt[@]}"
  has regwatch-hot-loop-$mode '^Changed by 0x8000000a <bump>:' '^=> 0x8000000c <after_bump>:' \
      '^0x309 \(777\)$' '^0x30a \(778\)$' 'exited with status 0'
  n=$(grep -c '^Watchpoint 1: ' "$tmp/out")
  [ "$n" = 2 ] && pass regwatch-hot-loop-$mode-count || fail regwatch-hot-loop-$mode-count "$n stops, want 2"
done

# ---- info jit ------------------------------------------------------------
# After a run the compiler has blocks; a breakpoint's page runs checked;
# --no-jit says the compiler is off.
cmds c 'info jit' q
mon "$RL"
has info-jit-compiled '^Block compiler: on\. [1-9][0-9]* blocks compiled, code [0-9.]+ KiB of [0-9]+ KiB, buffer emptied 0 times\.$' \
    '^The page of pc 0x[0-9a-f]+ runs compiled\.$'
cmds 'b bump' c 'info jit' q
mon "$RL"
has info-jit-checked '^The page of pc 0x8000000a runs in the checked loop \('
cmds 'info jit' q
mon "$RL" --no-jit
has info-jit-off '^Block compiler: off \(--no-jit\); every instruction is interpreted\.$'

# ---- issue 16 ------------------------------------------------------------
# si N with N >= 2^63 on RV64 ran nothing and spun forever (the signed
# budget went negative): it must step until the guest exits.
for g in rv32 rv64; do
  cmds "si -1" q
  timeout 20 "$R" -m $G/$g/mon_count.elf >"$tmp/out" 2>"$tmp/err" <"$tmp/cmds"; rc=$?
  has si-huge-$g '^The guest exited with status 0\.$'
done
# A long line: its error (too deep) once went into a 1 KiB buffer with the
# echo, so the message was cut off and nothing followed.
python3 -c "print('p ' + '1+' * 1000 + '1'); print('p ' + '1+' * 400 + '1'); print('q')" >"$tmp/cmds"
mon $C32
has long-line-error '^ +\^ expression nested too deeply$' '^0x191 \(401\)$'
# trigger N store with no address: a usage line (it printed nothing)
cmds "trigger 0 store" q
mon $C32
has trigger-no-address '^Usage: trigger N '
cmds "trigger 0 store 1/0" q
mon $C32
has trigger-bad-address '^ \^ division by zero$'
# w 1/0: the error p 1/0 gives, and no watchpoint
cmds "w 1/0" "info w" "w 1/\$a0" q
mon $C32
has watch-constant-error '^ \^ division by zero$' '^No watchpoints\.$' '^Register watchpoint 1$'
lacks watch-constant-error-not-set '^Constant watchpoint'
# -x with a missing script: exit 2 (bad input), nothing run
printf 'p 1\nq\n' >"$tmp/cmds"
timeout 10 "$R" -x /nonexistent.cmd $C32 <"$tmp/cmds" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && ! grep -q '0x1' "$tmp/out" && pass script-missing-status \
  || fail script-missing-status "exit $rc, want 2: $(cat "$tmp/out" "$tmp/err")"
# q after a stuck or --max-insns stop exits with the CLI's status for it
cmds "si 1000" "q"
mon $G/cli/loop.elf --max-insns 500
[ $rc -eq 124 ] && pass quit-after-max-insns || fail quit-after-max-insns "exit $rc, want 124"
cmds "c" "q"
mon $G/cli/stuck.elf
[ $rc -eq 126 ] && pass quit-after-stuck || fail quit-after-stuck "exit $rc, want 126"
cmds "c" "p 1" "q"
mon $G/cli/sleep.elf
[ $rc -eq 125 ] && pass quit-after-deadlock || fail quit-after-deadlock "exit $rc, want 125"
# A watch on $minstret sees the instruction that just retired (it read one
# less in the hook: 'w $minstret == 5' stopped at 6, plain 'w $minstret'
# missed the first si and blamed the instruction before the right one).
for mode in jit no-jit; do
  opt=(); [ $mode = no-jit ] && opt=(--no-jit)
  cmds 'w $minstret == 5' c 'p $minstret' q
  mon $C32 "${opt[@]}"
  has minstret-watch-$mode '^Changed by 0x80000010 <_start\+16>:' '^0x5 \(5\)$'
  cmds 'w $minstret' si q
  mon $C32 "${opt[@]}"
  has minstret-watch-first-si-$mode '^New value = 0x1 \(1\)$' '^Changed by 0x80000000 <_start>:'
done
# a stuck hart names the first fault of the chain (issue 16)
cmds c q
mon $G/cli/stuck_illegal.elf
has stuck-first-fault '^Stopped: hart 0 is stuck: illegal instruction at pc 0x80000004 .*insn 0xffffffff.* went to the handler at 0x0, where instruction access fault'

# F/D registers (tests/gdb/guests/fpprog.c, rv64gc/lp64d): stop_here(1.5,
# 2.25f) has fa0 = 1.5 and fa1 = 2.25f NaN-boxed; p, info r, set on $f
# names; a memory watch on the double result is hit by the fsd that stores
# 1.5 * 2.25 = 3.375 (bits by hand: 1.6875 * 2^1).
F=build/guests/gdb/rv64/fpprog.elf
if [ -e "$F" ]; then
  cmds "b stop_here" "c" "p \$fa0" "info r fa0 fa1 fcsr" "set \$f12 = 0x4000000000000000" "info r fa2" \
       "w *result" "c" "q"
  mon "$F"
  has fp-registers '^0x3ff8000000000000 \(4609434218613702656\)$' '^fa0 +0x3ff8000000000000  1\.5$' \
    '^fa1 +0xffffffff40100000  2\.25 \(float\)$' '^fcsr +0x0+$' '^fa2 +0x4000000000000000  2$' \
    '^New value = 0x400b000000000000 ' 'Changed by 0x[0-9a-f]+ <stop_here\+[0-9]+>: +[0-9a-f]+ +fsd'
  # Sdtrig address triggers see FP stores and loads (the same memory path)
  cmds "trigger 0 store result" "trigger 1 load result" "c" "c" "q"
  mon "$F"
  has fp-triggers '^Stopped: trigger 0 \(mcontrol6, store, action 8\) fired .*address 0x[0-9a-f]+, instruction at 0x[0-9a-f]+: fsd' \
    '^Stopped: trigger 1 \(mcontrol6, load, action 8\) fired .*: fld'
else
  fail fp-registers "$F is missing (make gdb-guests)"
fi

# issue 16: si shows each instruction it executes, as NEMU does (fewer
# than 10; the first two of _start, disassembled by objdump independently)
cmds 'si 2' 'si 12' 'set step-exec off' 'si' q
mon $C32
i0=$(riscv64-unknown-elf-objdump -d $C32 | awk '/^ *80000000:/{print $2; exit}')
i1=$(riscv64-unknown-elf-objdump -d $C32 | awk '/^ *80000000:/{getline; print $2; exit}')
n=$(grep -c '^   0x' "$tmp/out")
if grep -q "^   0x80000000 <_start>:  $i0 " "$tmp/out" && grep -q "^   0x8000000[24] <_start+[24]>:  $i1 " "$tmp/out" && [ "$n" -eq 2 ]; then
  pass si-shows-executed
else
  fail si-shows-executed "want the two instructions of si 2 only ($i0, $i1): $(head -c 600 "$tmp/out")"
fi

# issue 16: trigger ... all arms every hart's trigger module. harts.elf:
# hart 2 alone increments counters[2] (8-byte slots on RV64); hart 0 zeroes
# it once while clearing .bss. Without 'all' only hart 0 holds the trigger,
# so hart 2's stores never stop the run.
H3=build/guests/debugger/rv64/harts.elf
if [ -e $H3 ]; then
  cmds 'trigger 0 store counters+16 all' c c 'info triggers' q
  mon $H3 -smp 3
  has trigger-all '^Trigger 0 on every hart \(3\): ' 'fired on hart 0: address 0x[0-9a-f]+' \
      'fired on hart 2: address 0x[0-9a-f]+' '^  trigger 0: harts 0,1,2$'
  cmds 'trigger 0 store counters+16' c c 'info triggers' q
  mon $H3 -smp 3 --max-insns 2000000
  has trigger-one-hart 'fired on hart 0' '^  trigger 0: hart 0$' 'max-insns 2000000 reached'
  lacks trigger-one-hart-not-2 'fired on hart 2'
else
  fail trigger-all "$H3 is missing (make test-guests)"
fi
