#!/usr/bin/env bash
# Source-level debugging in the monitor (issue 16): values of globals,
# locals, struct fields and arrays, bt and finish checked against
# gdb-multiarch on the same ELFs (compare.py), at -O0 and -O2, RV32 and
# RV64; then the commands whose results are known by hand from procs.c.
# Protocol: tests/run.sh ("PASS name" / "FAIL name: why" per test).
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
D=build/guests/srcdebug
E64=$D/procs-rv64-O0.elf
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$R" $D/procs-rv32-O0.elf $D/procs-rv32-O2.elf $E64 $D/procs-rv64-O2.elf; do
  [ -e "$f" ] || { echo "FAIL srcdebug/setup: $f is missing (make all test-guests)"; exit 1; }
done

python3 tests/srcdebug/compare.py $D/procs-rv32-O0.elf $D/procs-rv32-O2.elf $E64 $D/procs-rv64-O2.elf

line() { grep -n "STOP $1 \*/" tests/srcdebug/guests/procs.c | cut -d: -f1; }
L1=$(line 1)
mon() { printf '%s\n' "$@" | timeout 30 "$R" -m "$E64" >"$tmp/out" 2>&1; }
has() {
  local name=$1; shift
  for re in "$@"; do
    grep -Eq -- "$re" "$tmp/out" || { echo "FAIL srcdebug/$name: no /$re/ in: $(head -c 900 "$tmp/out")"; return; }
  done
  echo "PASS srcdebug/$name"
}

# w counter: run() adds local = 5*2 + procs[1].pid (2) = 12 to 7
mon 'w counter' c q
has watch-global 'Memory watchpoint 1' '^Old value = 0x7 \(7\)$' '^New value = 0x13 \(19\)$'
# w on a member: p->state of procs[1] goes RUNNABLE (1) -> RUNNING (2)
mon "b procs.c:$L1" c d 'w p->prio' 'set var p->prio = -5' 'p procs[1].prio' 'set var p->busy = 0' 'p *p' q
has set-var-member '^\(short int\) -5$' 'Memory watchpoint 2' 'busy = 0\}$' 'prio = -5'
# b *ADDR is the address itself
addr=$(riscv64-unknown-elf-nm "$E64" | awk '$3=="run"{print $1}' | sed 's/^0*//')
mon "b *0x$addr" c 'p $pc == run' q
has break-star-address "^Breakpoint 1 at 0x$addr <run>" "^Breakpoint 1, 0x$addr <run>" '^\(int\) 1$|^0x1 \(1\)$'
# next: line STOP1 -> the next line; step: into run from main's call
mon "b procs.c:$L1" c next q
has next-line "run \(\) at procs.c:$((L1 + 1))"
Lcall=$(grep -n 'run(&procs\[1\], 5);' tests/srcdebug/guests/procs.c | cut -d: -f1)
mon "b procs.c:$Lcall" c step 'p tick' q
has step-into '^run \(\) at procs.c:' '^\(int\) 5$'
# until LOC, finish from run (void: no value)
mon "b procs.c:$Lcall" c "until procs.c:$L1" 'p local' q
has until-location "run \(\) at procs.c:$L1" '^\(int\) 12$'
# x/NFU: arr's first words, a string, p/FMT
mon 'x/4dw &arr' 'x/s msg' 'x/2xb bytes' 'p/x counter' 'p/t 5' 'p/c 65' 'p/x arr' q
has examine-formats $'^0x[0-9a-f]+ <arr>:\t3\t1\t4\t1$' '"hello, rvscope"' $'\t0x11\t0x22$' '^\(int\) 0x7$' \
    '^101$' "^65 'A'$" '^\(int \[8\]\) \{0x3, 0x1, 0x4, 0x1, 0x5, 0x9, 0x2, 0x6\}$'
# display shows after each stop; d with no argument deletes everything (no terminal: no question)
mon "b procs.c:$L1" 'display counter' 'w spins' d 'info b' c q
has display-delete-all '^1: counter = \(int\) 7$' '^No breakpoints or watchpoints\.$' 'exited'
# sdb forms keep their meaning
mon 'p 6*7' 'p *counter' 'p $sp - $sp' 'p nosuch' q
has sdb-forms '^0x2a \(42\)$' '^0x7 \(7\)$' '^0x0 \(0\)$' "unknown symbol 'nosuch'"

# make guest: several sources and CFLAGS (a build directory of its own)
if make -s --no-print-directory guest SRC="tests/srcdebug/guests/multi/main.c tests/srcdebug/guests/multi/util.c" \
     ARCH=rv64 CFLAGS="-O0 -DLEVEL=3" BUILD="$tmp/b" >"$tmp/make.out" 2>&1 &&
   timeout 10 "$R" "$tmp/b/guests/rv64/main.elf" >"$tmp/out" 2>&1; then
  has make-guest-sources-cflags '^twice 42 level 3$'
else
  echo "FAIL srcdebug/make-guest-sources-cflags: $(tail -c 600 "$tmp/make.out")"
fi

# bt by the frame pointer: the same ELF without .debug_frame (-O0 keeps s0
# as the frame pointer) unwinds to the frames the CFI gives (which
# compare.py checks against gdb-multiarch), up to main
L2=$(line 2)
riscv64-unknown-elf-objcopy --remove-section=.debug_frame "$E64" "$tmp/nocfi.elf"
printf '%s\n' "b procs.c:$L2" c bt q | timeout 30 "$R" -m "$E64" | grep '^#' | sed '/ main /q' >"$tmp/cfi"
printf '%s\n' "b procs.c:$L2" c bt q | timeout 30 "$R" -m "$tmp/nocfi.elf" | grep '^#' | sed '/ main /q' >"$tmp/fp"
if [ "$(wc -l <"$tmp/cfi")" -eq 5 ] && diff -q "$tmp/cfi" "$tmp/fp" >/dev/null; then
  echo "PASS srcdebug/bt-frame-pointer"
else
  echo "FAIL srcdebug/bt-frame-pointer: CFI $(cat "$tmp/cfi" | tr '\n' '|') frame pointer $(cat "$tmp/fp" | tr '\n' '|')"
fi

# The queries the OS-aware layer uses (src/dwarf/dwarf.h), against GDB's
# answers on the same ELFs: member offset and size, a global's address and
# size, a type's size; also on a DWARF 2 build (member offsets as
# DW_OP_plus_uconst expressions, as in xv6's kernel)
Q=build/tests/dinfo_query
if [ -x $Q ]; then
  for e in rv32-O0 rv64-O2 rv64-O0-dwarf2; do
    elf=$D/procs-$e.elf; xl=${e:2:2}
    got="$($Q $elf $xl member 'struct proc' state) | $($Q $elf $xl member proc_t parent) | $($Q $elf $xl global procs) | $($Q $elf $xl type 'struct proc') | $($Q $elf $xl member 'struct proc' nosuch)"
    want=$(gdb-multiarch -batch -nx -ex 'p/d &((struct proc *)0)->state' -ex 'p/d sizeof(((struct proc *)0)->state)' \
             -ex 'p/d &((proc_t *)0)->parent' -ex 'p/d sizeof(((proc_t *)0)->parent)' -ex 'p/x &procs' -ex 'p/d sizeof(procs)' \
             -ex 'p/d sizeof(struct proc)' "$elf" 2>&1 | sed 's/^\$[0-9]* = //' | tr '\n' ' ' |
           awk '{printf "%s %s | %s %s | %s %s | %s | none", $1, $2, $3, $4, $5, $6, $7}')
    if [ "$got" = "$want" ]; then echo "PASS srcdebug/dinfo-queries-$e"
    else echo "FAIL srcdebug/dinfo-queries-$e: dinfo '$got', gdb '$want'"; fi
  done
else
  echo "FAIL srcdebug/dinfo-queries: $Q is missing (make test-guests)"
fi
