#!/usr/bin/env bash
# bench/run.sh — run by `make bench` (bench/bench.mk builds the guests first).
#
# For every benchmark guest and ISA, BENCH_RUNS rounds of
#   rvscope plain, QEMU TCG, rvscope with 4 Sdtrig triggers armed (-trig.elf)
#   [, rvscope -x: 4 triggers + 8 breakpoints + 4 watch expressions,
#      rvscope -x: register watch `w $s1 == 0x1234`]
# in that order (each comparison is between runs made close together), then
# the medians.  Each guest prints one line
#   BENCH-RESULT name=.. iters=.. checksum=.. insns=.. triggers=..
# where insns is minstret at the end of the work: rvscope counts retired
# instructions exactly (checked below against --itrace and --max-insns).
# The checksum must be the same on both emulators and in every run.
#
# Every run records wall time and CPU time (user + sys, all threads).  The
# table shows the median wall times and the plain ratio from them (the
# spec's measure); "net" and the armed ratios use CPU time, which other
# processes on a busy machine disturb far less, with each emulator's
# start-up (a <100-instruction guest) subtracted for "net" and the MIPS.
#
# The monitor variants need `rvscope -x SCRIPT` to run a guest to its end;
# when it cannot (the monitor was a placeholder for a while), they are
# skipped and the output says so.
#
# Environment: RVSCOPE (build/rvscope), BENCH_OUT (build/bench), BENCH_NAMES,
# BENCH_RUNS (3), BENCH_ARMED_RUNS (3: the armed variants run in the first
# round(s) only, to stay within the 5-minute budget), BENCH_ONLY (subset of names), BENCH_ISAS ("rv64 rv32"),
# BENCH_NO_QEMU=1 (skip QEMU), BENCH_NO_ARMED=1 (skip the armed variants),
# BENCH_CPU (the CPU both emulators are pinned to with taskset, default the
# last one; "none" = no pinning), BENCH_REG_TIMEOUT (30 s per register-watch
# run; a run cut short makes that ratio an upper bound).
set -u
export LC_ALL=C

RVSCOPE=${RVSCOPE:-build/rvscope}
OUT=${BENCH_OUT:-build/bench}
NAMES=${BENCH_ONLY:-${BENCH_NAMES:-alu branch call mem muldiv sort crc32 matmul}}
RUNS=${BENCH_RUNS:-3}
ARMED_RUNS=${BENCH_ARMED_RUNS:-3}
ISAS=${BENCH_ISAS:-rv64 rv32}
NM=${GUEST_NM:-riscv64-unknown-elf-nm}
REG_TIMEOUT=${BENCH_REG_TIMEOUT:-30}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILED=0

say() { printf '%s\n' "$*"; }
fail() { say "bench: FAIL: $*" >&2; FAILED=1; }

# Both emulators run pinned to one CPU (steadier numbers on a small VM).
PIN=()
CPU=${BENCH_CPU:-$(( $(nproc) - 1 ))}
if [ "$CPU" != none ] && command -v taskset >/dev/null; then PIN=(taskset -c "$CPU"); fi

# timed CMD...: prints "WALL CPU" in seconds; the command's stdout+stderr go
# to $TMP/out, its exit status to $TMP/rc.
timed() {
    local TIMEFORMAT='%3R %3U %3S' t
    t=$( { time "${PIN[@]}" "$@" >"$TMP/out" 2>&1 </dev/null; echo $? >"$TMP/rc"; } 2>&1 )
    awk '{ printf "%s %.3f", $1, $2 + $3 }' <<<"$t"
}
rc() { cat "$TMP/rc"; }
field() { sed -n "s/.*BENCH-RESULT.* $1=\([^ ]*\).*/\1/p" "$TMP/out" | head -1; }
# median of column K (1 = wall, 2 = cpu) of "WALL CPU" pairs
median() {
    local k=$1; shift
    printf '%s\n' "$@" | awk -v k="$k" '{ print $k }' | sort -g |
        awk '{ v[NR] = $1 } END { if (!NR) print "n/a"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# least(K, lines...): the smallest field K. The armed variants are compared
# with the plain run by their least CPU times: noise on a shared machine
# only ever adds time, and a ratio of two medians of 3 runs moved by
# +-25% between runs here while the minima repeat within a few per cent.
least() {
    local k=$1; shift
    printf '%s\n' "$@" | awk -v k="$k" '{ print $k }' | sort -g | awk 'NR == 1 { print $1 } END { if (!NR) print "n/a" }'
}
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "n/a" && b != "n/a" && b > 0) printf "%.3f", a / b; else print "n/a" }'; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "n/a" && b != "n/a") printf "%.4f", a - b; else print "n/a" }'; }
mips() { awk -v n="$1" -v t="$2" 'BEGIN { if (t != "n/a" && t > 0) printf "%.0f", n / t / 1e6; else print "n/a" }'; }
geomean() { printf '%s\n' "$@" | awk '$1 != "n/a" && $1 > 0 { s += log($1); k++ } END { if (k) printf "%.3f", exp(s / k); else print "n/a" }'; }

qemu_for() { echo "qemu-system-riscv${1#rv}"; }
QARGS=(-M virt -m 128M -bios none -nographic -kernel)

[ -x "$RVSCOPE" ] || { say "bench: $RVSCOPE is missing (make all)"; exit 2; }
for a in $ISAS; do
    [ -f "$OUT/$a/alu-min.elf" ] || { say "bench: $OUT/$a has no guests (make bench-guests)"; exit 2; }
done
HAVE_QEMU=1
for a in $ISAS; do
    command -v "$(qemu_for "$a")" >/dev/null || HAVE_QEMU=0
done
[ "${BENCH_NO_QEMU:-0}" = 1 ] && HAVE_QEMU=0
QEMU_VER=$( (qemu-system-riscv64 --version 2>/dev/null || echo "QEMU missing") | head -1)

# Can `rvscope -x SCRIPT` run a guest to its end?
ARMED=1
[ "${BENCH_NO_ARMED:-0}" = 1 ] && ARMED=0
HAVE_MON=0 MON_NOTE=""
if [ $ARMED = 1 ]; then
    first_isa=${ISAS%% *}
    printf 'c\nq\n' >"$TMP/probe.cmd"
    timeout 20 "$RVSCOPE" -x "$TMP/probe.cmd" "$OUT/$first_isa/alu-min.elf" >"$TMP/probe.out" 2>&1 </dev/null
    if grep -q BENCH-RESULT "$TMP/probe.out"; then
        HAVE_MON=1
    elif grep -q "not built yet" "$TMP/probe.out"; then
        MON_NOTE="monitor variants skipped: 'rvscope -m' says the monitor is not built yet"
    else
        MON_NOTE="monitor variants skipped: 'rvscope -x SCRIPT' did not run the guest to its end: $(head -c 200 "$TMP/probe.out" | tr '\n' ' ')"
    fi
else
    MON_NOTE="armed variants skipped (BENCH_NO_ARMED=1)"
fi

LOAD=$(cut -d' ' -f1 /proc/loadavg)
say "rvscope bench: $(uname -m), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $LOAD"
say "reference: $QEMU_VER (TCG): ${QARGS[*]} ELF"
say "runs per case: $RUNS plain and QEMU, $ARMED_RUNS of each armed variant, alternating; pinned: ${PIN[*]:-no}"
awk -v l="$LOAD" -v n="$(nproc)" 'BEGIN { exit !(l > n / 4) }' &&
    say "warning: the machine is busy (load $LOAD): wall times are noisy; the CPU-time ratios hold up better"

# --- Sanity: minstret counts what --itrace shows and --max-insns stops at.
for a in $ISAS; do
    elf=$OUT/$a/alu-min.elf
    "$RVSCOPE" "$elf" >"$TMP/out" 2>&1 </dev/null
    n=$(field insns)
    line=$("$RVSCOPE" --itrace "$elf" 2>&1 </dev/null | grep -n -m1 'minstret,' | cut -d: -f1)
    "$RVSCOPE" --max-insns "$n" "$elf" >/dev/null 2>&1 </dev/null; at=$?
    if [ -n "$n" ] && [ "$line" = "$((n + 1))" ] && [ $at = 124 ]; then
        say "check $a: minstret = $n = instructions before the csrr in --itrace; --max-insns $n stops first: ok"
    else
        fail "$a: instruction count check (minstret=$n, itrace line=$line, --max-insns status=$at)"
    fi
done

# --- Start-up cost (alu-min: under 100 instructions), median of 5.
declare -A START
for a in $ISAS; do
    rs=() qs=()
    for ((r = 0; r < 5; r++)); do
        rs+=("$(timed "$RVSCOPE" "$OUT/$a/alu-min.elf")")
        [ $HAVE_QEMU = 1 ] && qs+=("$(timed "$(qemu_for "$a")" "${QARGS[@]}" "$OUT/$a/alu-min.elf")")
    done
    START[rw$a]=$(median 1 "${rs[@]}") START[rc$a]=$(median 2 "${rs[@]}")
    START[qw$a]=n/a START[qc$a]=n/a
    if [ $HAVE_QEMU = 1 ]; then START[qw$a]=$(median 1 "${qs[@]}") START[qc$a]=$(median 2 "${qs[@]}"); fi
    say "start-up $a (alu-min): rvscope ${START[rw$a]} s wall / ${START[rc$a]} s CPU, QEMU ${START[qw$a]} s wall / ${START[qc$a]} s CPU"
done
say ""

ROWS=()
declare -a RATIOS NRATIOS TRIGR MONR REGR EXECR
run_case() {
    local a=$1 n=$2 elf=$OUT/$1/$2.elf trig=$OUT/$1/$2-trig.elf
    local rs=() qs=() ts=() ms=() ws=() xs=() sums=() insns="" cs t cut=0
    local mon_script=$TMP/$a-$n.mon reg_script=$TMP/$a-$n.reg exec_script=$TMP/$a-$n.exec
    if [ $HAVE_MON = 1 ]; then
        # 8 breakpoints in bench_cold (never executed, a page of its own),
        # 4 watch expressions on bench_watch (4 pages nobody touches).
        local cold watch
        cold=$($NM "$trig" | awk '$3 == "bench_cold" { print $1 }')
        watch=$($NM "$trig" | awk '$3 == "bench_watch" { print $1 }')
        {
            for k in 0 1 2 3 4 5 6 7; do printf 'b 0x%x\n' $((0x$cold + 8 * k)); done
            for k in 0 1 2 3; do printf 'w *0x%x\n' $((0x$watch + 4096 * k)); done
            printf 'c\nq\n'
        } >"$mon_script"
        # s1 passes through 0x1234 in some guests (a loop counter in branch,
        # a remainder 660 times in rv32 muldiv): each change of the
        # expression's value stops the run, so the script continues up to
        # 2000 times ("nothing to run" once the guest has exited).
        { echo 'w $s1 == 0x1234'; for ((k = 0; k < 2000; k++)); do echo c; done; echo q; } >"$reg_script"
        # An execute trigger (mcontrol6, from the monitor, as a debugger
        # arms one) on an address the guest never runs: only its page may
        # leave compiled code.
        printf 'trigger 0 exec 0x%x\nc\nq\n' $((0x$cold + 4)) >"$exec_script"
    fi
    for ((r = 0; r < RUNS; r++)); do
        rs+=("$(timed "$RVSCOPE" "$elf")")
        [ "$(rc)" = 0 ] || fail "$a/$n: rvscope exit status $(rc): $(tail -c 300 "$TMP/out")"
        sums+=("$(field checksum)"); insns=$(field insns)
        if [ $HAVE_QEMU = 1 ]; then
            qs+=("$(timed "$(qemu_for "$a")" "${QARGS[@]}" "$elf")")
            [ "$(rc)" = 0 ] || fail "$a/$n: QEMU exit status $(rc)"
            sums+=("$(field checksum)")
        fi
        if [ $ARMED = 1 ] && [ $r -lt $ARMED_RUNS ]; then
            ts+=("$(timed "$RVSCOPE" "$trig")")
            [ "$(rc)" = 0 ] || fail "$a/$n: rvscope (triggers) exit status $(rc)"
            [ "$(field triggers)" = 4 ] || fail "$a/$n: the -trig guest armed $(field triggers) triggers, not 4"
            sums+=("$(field checksum)")
        fi
        if [ $HAVE_MON = 1 ] && [ $r -lt $ARMED_RUNS ]; then
            ms+=("$(timed "$RVSCOPE" -x "$mon_script" "$trig")")
            grep -q BENCH-RESULT "$TMP/out" || fail "$a/$n: monitor run did not finish: $(tail -c 300 "$TMP/out")"
            xs+=("$(timed "$RVSCOPE" -x "$exec_script" "$elf")")
            grep -q BENCH-RESULT "$TMP/out" || fail "$a/$n: exec-trigger run did not finish: $(tail -c 300 "$TMP/out")"
            ws+=("$(timed timeout "$REG_TIMEOUT" "$RVSCOPE" -x "$reg_script" "$elf")")
            if [ "$(rc)" = 124 ]; then
                cut=1
            else
                grep -q BENCH-RESULT "$TMP/out" || fail "$a/$n: register-watch run did not finish: $(tail -c 300 "$TMP/out")"
            fi
        fi
    done
    cs=$(printf '%s\n' "${sums[@]}" | sort -u)
    [ "$(printf '%s\n' "$cs" | wc -l)" = 1 ] || fail "$a/$n: checksums differ between runs/emulators: $(echo $cs)"

    local rw rc_ rnet rmips qw="n/a" qc="n/a" qnet="n/a" qmips="n/a" ratio="n/a" nratio="n/a"
    rw=$(median 1 "${rs[@]}"); rc_=$(median 2 "${rs[@]}")
    rnet=$(sub "$rc_" "${START[rc$a]}"); rmips=$(mips "$insns" "$rnet")
    if [ $HAVE_QEMU = 1 ]; then
        qw=$(median 1 "${qs[@]}"); qc=$(median 2 "${qs[@]}")
        qnet=$(sub "$qc" "${START[qc$a]}"); qmips=$(mips "$insns" "$qnet")
        ratio=$(div "$qw" "$rw"); nratio=$(div "$qnet" "$rnet")
    fi
    say "BENCH name=$n isa=$a case=plain insns=$insns rvscope_s=$rw rvscope_cpu_s=$rc_ rvscope_mips=$rmips qemu_s=$qw qemu_cpu_s=$qc qemu_mips=$qmips ratio=$ratio ratio_net=$nratio checksum=$cs"
    RATIOS+=("$ratio") NRATIOS+=("$nratio")

    local tr="n/a" mr="n/a" wr="n/a" xr="n/a" x lp
    lp=$(least 2 "${rs[@]}")        # the plain run's least CPU time
    if [ ${#ts[@]} -gt 0 ]; then
        x=$(least 2 "${ts[@]}"); tr=$(div "$lp" "$x"); TRIGR+=("$tr")
        say "BENCH name=$n isa=$a case=triggers4 rvscope_s=$(median 1 "${ts[@]}") rvscope_cpu_s=$x plain_cpu_s=$lp ratio=$tr"
    fi
    if [ ${#ms[@]} -gt 0 ]; then
        x=$(least 2 "${ms[@]}"); mr=$(div "$lp" "$x"); MONR+=("$mr")
        say "BENCH name=$n isa=$a case=armed_all rvscope_s=$(median 1 "${ms[@]}") rvscope_cpu_s=$x plain_cpu_s=$lp ratio=$mr"
        x=$(least 2 "${xs[@]}"); xr=$(div "$lp" "$x"); EXECR+=("$xr")
        say "BENCH name=$n isa=$a case=exec_trigger rvscope_s=$(median 1 "${xs[@]}") rvscope_cpu_s=$x plain_cpu_s=$lp ratio=$xr"
        x=$(least 2 "${ws[@]}"); wr=$(div "$lp" "$x"); REGR+=("$wr")
        [ $cut = 1 ] && wr="<$wr"
        say "BENCH name=$n isa=$a case=regwatch rvscope_s=$(median 1 "${ws[@]}") rvscope_cpu_s=$x plain_cpu_s=$lp ratio=$wr"
    fi
    ROWS+=("$(printf '%-7s %-5s %8.1f %9s %7s %6s %6s %6s %6s %6s %6s %6s %6s' "$n" "$a" \
        "$(awk -v n="$insns" 'BEGIN { print n / 1e6 }')" "$rw" "$qw" "$rmips" "$qmips" "$ratio" "$nratio" "$tr" "$mr" "$xr" "$wr")")
}

for a in $ISAS; do
    for n in $NAMES; do
        run_case "$a" "$n"
    done
done

# --- Peak RSS: a guest that writes every page of its 128 MiB.
RSS=n/a QRSS=n/a
if [ -x /usr/bin/time ] && [ -f "$OUT/rv64/memtouch.elf" ]; then
    /usr/bin/time -v "$RVSCOPE" --mem 128M "$OUT/rv64/memtouch.elf" >"$TMP/out" 2>"$TMP/time" </dev/null
    RSS=$(awk -F: '/Maximum resident/ { gsub(/ /, "", $2); print $2 }' "$TMP/time")
    grep -q "memtouch: \([0-9]*\) of \1 pages" "$TMP/out" || fail "memtouch did not touch every page: $(cat "$TMP/out")"
    if [ $HAVE_QEMU = 1 ]; then
        /usr/bin/time -v qemu-system-riscv64 "${QARGS[@]}" "$OUT/rv64/memtouch.elf" >/dev/null 2>"$TMP/time" </dev/null
        QRSS=$(awk -F: '/Maximum resident/ { gsub(/ /, "", $2); print $2 }' "$TMP/time")
    fi
else
    say "bench: /usr/bin/time missing (apt-get install time): no RSS figure"
fi

say ""
say "                          wall time (s)     MIPS       vs QEMU      vs rvscope plain"
say "name    isa   insns(M)   rvscope    QEMU rvscop   QEMU  ratio    net trig/p  mon/p exec/p regw/p"
for row in "${ROWS[@]}"; do say "$row"; done
say ""
say "MIPS   = instructions / (median CPU time - start-up CPU time)"
say "ratio  = rvscope speed / QEMU speed = QEMU median wall time / rvscope's (start-up included); target >= 0.7"
say "net    = the same from CPU times with each emulator's start-up subtracted"
say "trig/p = speed with 4 Sdtrig triggers armed on untouched pages / plain (least CPU times of the runs); target >= 0.95"
say "mon/p  = 4 triggers + 8 breakpoints + 4 watch expressions on untouched code/data / plain; target >= 0.95"
say "exec/p = an execute trigger (monitor 'trigger 0 exec') on code that never runs / plain; target >= 0.95"
say "regw/p = monitor register watch 'w \$s1 == 0x1234' / plain; target >= 0.5 ('<' = cut at ${REG_TIMEOUT}s)"
[ -n "$MON_NOTE" ] && say "note: $MON_NOTE"
say "BENCH summary plain_ratio_geomean=$(geomean "${RATIOS[@]}") plain_ratio_net_geomean=$(geomean "${NRATIOS[@]}") triggers4_ratio_geomean=$(geomean "${TRIGR[@]+"${TRIGR[@]}"}") armed_all_ratio_geomean=$(geomean "${MONR[@]+"${MONR[@]}"}") exec_trigger_ratio_geomean=$(geomean "${EXECR[@]+"${EXECR[@]}"}") regwatch_ratio_geomean=$(geomean "${REGR[@]+"${REGR[@]}"}") monitor=$([ $HAVE_MON = 1 ] && echo yes || echo skipped)"
say "BENCH rss guest_mem_mib=128 rvscope_peak_rss_kib=$RSS qemu_peak_rss_kib=$QRSS"
exit $FAILED
