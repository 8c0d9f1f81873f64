# Address spaces on rvos through the real gdb-multiarch (issue 13), sourced
# by tests/os/run.sh (its $tmp, $OS, $U, pass/fail, ksym). Expected values
# come from the ELF files (nm, objdump), the programs' own output and the
# RISC-V privileged spec; none from rvscope's output pasted in.
SPIN_MAIN=$(sym spin main)
INIT_ENTRY=${INIT_ENTRY:-0x$(riscv64-unknown-elf-readelf -h $U/init.elf | awk '/Entry point/ { sub("0x", "", $4); print $4 }')}
SPIN_PRINTF=$(sym spin printf)
SPIN_WRITE_ECALL=0x$($OBJDUMP -d $U/spin.elf | sed -n '/<write>:/,/^$/p' | awk '$3 == "ecall" { sub(":", "", $1); print $1 }')
SH_READ_ECALL=0x$($OBJDUMP -d $U/sh.elf | sed -n '/<read>:/,/^$/p' | awk '$3 == "ecall" { sub(":", "", $1); print $1 }')
K_USERTRAP=$(ksym $OS/os.elf usertrap)
K_TRAMP=$(ksym $OS/os.elf trampoline)
K_TICKS=$(ksym $OS/os.elf ticks)
K_MEMMOVE=$(ksym $OS/os.elf memmove)
TRAMPOLINE=0x3ffffff000          # os/kernel/param.h: MAXVA - PGSIZE, in every space
# uservec: instructions from its start to its `jr t0` (into usertrap), and
# userret's sret, as trampoline VAs
UVEC_N=$($OBJDUMP -d --start-address=$K_TRAMP --stop-address=$(ksym $OS/os.elf userret) $OS/os.elf |
  grep -cE '^ +[0-9a-f]+:')
SRET_TRAMP=$(printf '0x%x' $((TRAMPOLINE + 0x$($OBJDUMP -d $OS/os.elf | sed -n '/<userret>:/,/^$/p' | awk '$3 == "sret" { sub(":", "", $1); print $1 }') - K_TRAMP)))

# gdbrun NAME "CONSOLE INPUT" GDB-ARGS...: rvos under the stub, GDB's batch
# output in $tmp/NAME.out, the console in $tmp/NAME.rv
gdbrun() {
  local name=$1 input=$2 sock=$tmp/$1.sock; shift 2
  printf '%b' "$input" | timeout 90 "$RVSCOPE" ${RV_OPTS:-} --gdb "unix:$sock" $OS/os.elf >"$tmp/$name.rv" 2>&1 &
  local rv=$!
  for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
  timeout 90 gdb-multiarch -q -batch -ex "target remote $sock" "$@" $OS/os.elf >"$tmp/$name.out" 2>&1
  wait $rv
}

if ! command -v gdb-multiarch >/dev/null; then
  echo "SKIP spaces: gdb-multiarch not installed"
  return 0 2>/dev/null || exit 0
fi

# --- a breakpoint in one process only ------------------------------------
# Two spin processes run the same ELF (printf at the same address). A
# breakpoint set at reset (0x1008 not mapped yet) stops in spin A's main
# (argc 3, argv[1] "A"); its page table is named `a`; a breakpoint on
# printf scoped to `a` then stops exactly 3 times (A prints 3 lines), each
# time with argv[1]'s "A" as printf's second argument, while B's 3 calls
# at the same address pass, and the guest then runs to its halt.
gdbrun scope 'spin A 3 &\nspin B 3 &\nwait\nhalt\n' \
  -ex "monitor b $SPIN_MAIN if \$a0 == 3 && ((*(*(\$a1+8))) & 0xff) == 0x41" -ex continue \
  -ex 'monitor space a' -ex 'monitor d 1' -ex "monitor b $SPIN_PRINTF space a" \
  -ex continue -ex 'x/s $a1' -ex 'monitor p $space' -ex continue -ex 'x/s $a1' \
  -ex continue -ex 'x/s $a1' -ex continue
why=""
grep -q "^Breakpoint 1, $SPIN_MAIN\$" "$tmp/scope.out" || why+=" no stop in main (set while unmapped);"
[ "$(grep -c "^Breakpoint 2, $SPIN_PRINTF (U-mode, space a)\$" "$tmp/scope.out")" = 3 ] || why+=" want 3 stops in A's printf;"
[ "$(grep -c '^0x[0-9a-f]*:[[:space:]]*"A"$' "$tmp/scope.out")" = 3 ] || why+=" a stop not in A;"
grep -q '^0x1 (1)' "$tmp/scope.out" || why+=" \$space not 1;"
[ "$(grep -c '^B [1-3]$' "$tmp/scope.rv")" = 3 ] || why+=" B did not print 3 lines;"
grep -q 'exited normally' "$tmp/scope.out" || why+=" did not run to the end;"
if [ -z "$why" ] && [ -n "$SPIN_PRINTF" ]; then pass spaces-breakpoint-in-one-process
else fail spaces-breakpoint-in-one-process "$why $(tr '\n' '|' <"$tmp/scope.out" | tail -c 600)"; fi

# --- GDB's own `break FUNC thread N`, N = a process ---------------------
# Same two spin processes. Stopped in A's main, the current GDB thread is
# A's process thread (a stop is reported on the process a hart runs); GDB
# checks a thread-specific breakpoint itself against the stop's thread, so
# `break printf thread <A's>` stops exactly 3 times, always in A (argv[1]
# "A"), while B's 3 calls at the same address go on.
RV_OPTS="--osdesc os/rvos.osdesc" gdbrun gthread 'spin A 3 &\nspin B 3 &\nwait\nhalt\n' \
  -ex "monitor b $SPIN_MAIN if \$a0 == 3 && ((*(*(\$a1+8))) & 0xff) == 0x41" -ex continue \
  -ex 'monitor d 1' -ex "add-symbol-file $U/spin.elf" -ex 'thread' -ex 'info threads' \
  -ex 'python gdb.execute("break printf thread %d" % gdb.selected_thread().num)' \
  -ex continue -ex 'x/s $a1' -ex continue -ex 'x/s $a1' -ex continue -ex 'x/s $a1' -ex continue
why=""
grep -qE '^\[Current thread is [0-9]+ \(Thread 1003\)\]' "$tmp/gthread.out" ||
  why+=" the stop is not on A's process thread (pid 3: init 1, sh 2, A 3);"
grep -qE '^\* +[0-9]+ +Thread 1003 \(pid 3 spin, RUNNING on hart 0\)' "$tmp/gthread.out" || why+=" info threads;"
[ "$(grep -c '^Thread [0-9]* hit Breakpoint 1.1, printf ' "$tmp/gthread.out")" = 3 ] || why+=" want 3 stops in printf;"
[ "$(grep -c '^0x[0-9a-f]*:[[:space:]]*"A"$' "$tmp/gthread.out")" = 3 ] || why+=" a stop not in A;"
[ "$(grep -c '^B [1-3]$' "$tmp/gthread.rv")" = 3 ] || why+=" B did not print 3 lines;"
grep -q 'exited normally' "$tmp/gthread.out" || why+=" did not run to the end;"
if [ -z "$why" ]; then pass spaces-gdb-thread-breakpoint
else fail spaces-gdb-thread-breakpoint "$why $(tr '\n' '|' <"$tmp/gthread.out" | tail -c 700)"; fi

# --- catch user SPACE: A's next entries to U mode, not B's ----------------
gdbrun cuser 'spin A 2 &\nspin B 2 &\nwait\nhalt\n' \
  -ex "monitor b $SPIN_MAIN if \$a0 == 3 && ((*(*(\$a1+8))) & 0xff) == 0x41" -ex continue \
  -ex 'monitor space a' -ex 'monitor d 1' -ex 'monitor catch user a' \
  -ex continue -ex 'monitor p $space' -ex continue -ex 'monitor p $space' -ex continue -ex 'monitor p $space'
why=""
[ "$(grep -c 'catchpoint 2 (user) on hart 0: S-mode -> U-mode in space a' "$tmp/cuser.out")" = 3 ] || why+=" want 3 catches;"
[ "$(grep -c '^0x1 (1)' "$tmp/cuser.out")" = 3 ] || why+=" a catch outside a;"
if [ -z "$why" ]; then pass spaces-catch-user
else fail spaces-catch-user "$why $(tr '\n' '|' <"$tmp/cuser.out" | tail -c 600)"; fi

# --- kernel variables from user mode; GDB's breakpoint set in the kernel --
# Stopped in kvminithart (the first satp write) the kernel's space is
# named; GDB's own breakpoint at 0x1008 (not mapped in the kernel's space)
# stops later in init's main in U mode, where `p ticks` reads the kernel's
# variable (through the kernel's space) and equals the word in physical
# memory at its address (rvos maps the kernel at VA = PA). Forgetting the
# kernel's space makes the same read fail.
gdbrun kvar 'halt\n' -ex 'monitor catch satp' -ex continue -ex 'monitor space kernel' -ex 'monitor d 1' \
  -ex "break *$SPIN_MAIN" -ex continue -ex 'p $priv' -ex 'p/x ticks' -ex "monitor xp 2 $K_TICKS" \
  -ex 'monitor space -d kernel' -ex 'p/x ticks'
why=""
grep -q "^Breakpoint 1, 0x0*${SPIN_MAIN#0x} in " "$tmp/kvar.out" || why+=" GDB's breakpoint did not stop;"
grep -qx '\$1 = 0' "$tmp/kvar.out" || why+=" not in U mode;"
t=$(sed -n 's/^\$2 = 0x\([0-9a-f]*\)$/\1/p' "$tmp/kvar.out")
w=$(sed -n "s/^0x0*${K_TICKS#0x} <ticks>:  0x\([0-9a-f]*\)  0x\([0-9a-f]*\)\$/\2\1/p" "$tmp/kvar.out" | sed 's/^0*//')
[ -n "$t" ] && [ "${t:-x}" = "${w:-0}" ] || why+=" ticks 0x$t vs physical 0x$w;"
grep -q "Cannot access memory at address $K_TICKS" "$tmp/kvar.out" || why+=" read worked without the kernel's space;"
if [ -z "$why" ]; then pass spaces-kernel-variable-from-user
else fail spaces-kernel-variable-from-user "$why $(tr '\n' '|' <"$tmp/kvar.out" | tail -c 600)"; fi

# --- si across privilege: ecall -> trampoline -> satp switch -> usertrap, and sret back
# stvec is the trampoline's uservec (first instruction); uservec's
# instructions up to its `jr t0` switch satp to the kernel's and land in
# usertrap; userret's sret returns to the instruction after the ecall, U mode.
gdbrun step 'spin A 1 &\nwait\nhalt\n' \
  -ex "monitor b $SPIN_WRITE_ECALL if \$a0 == 1 && \$a2 == 4" -ex continue -ex 'p $satp' \
  -ex stepi -ex 'p $pc' -ex 'p $priv' -ex "stepi $UVEC_N" -ex 'p $pc' -ex 'p $priv' -ex 'p $satp' \
  -ex "break *$SRET_TRAMP" -ex continue -ex stepi -ex 'p $pc' -ex 'p $priv'
why=""
grep -qx "\\\$2 = (void (\\*)()) $TRAMPOLINE" "$tmp/step.out" || why+=" ecall did not stop at the trap vector $TRAMPOLINE;"
grep -qx '\$3 = 1' "$tmp/step.out" || why+=" not S mode in uservec;"
grep -q "^\\\$4 = (void (\\*)()) $K_USERTRAP <usertrap>" "$tmp/step.out" || why+=" $UVEC_N steps did not reach usertrap $K_USERTRAP;"
s1=$(sed -n 's/^\$1 = //p' "$tmp/step.out"); s6=$(sed -n 's/^\$6 = //p' "$tmp/step.out")
[ -n "$s1" ] && [ -n "$s6" ] && [ "$s1" != "$s6" ] || why+=" satp not switched ($s1 -> $s6);"
grep -qx "\\\$7 = (void (\\*)()) $(printf '0x%x' $((SPIN_WRITE_ECALL + 4)))" "$tmp/step.out" || why+=" sret did not return after the ecall;"
grep -qx '\$8 = 0' "$tmp/step.out" || why+=" not U mode after sret;"
if [ -z "$why" ] && [ "$UVEC_N" -gt 10 ]; then pass spaces-step-ecall-trampoline-sret
else fail spaces-step-ecall-trampoline-sret "$why $(tr '\n' '|' <"$tmp/step.out" | tail -c 700)"; fi

# --- a physical watchpoint catches the kernel's copyout into a user buffer
# sh reads its first input byte into `c` on its stack (ulib.c gets);
# watching the physical byte behind it stops in the kernel's memmove (S
# mode, writing through the kernel's direct map), and the byte is the 's'
# of "spin". With the OS description, the stop is sh's (pid 2) process
# thread and `info procs` puts sh on hart 0 although the hart runs on the
# kernel's page table (struct cpu's proc, not satp, says so).
RV_OPTS="--osdesc os/rvos.osdesc" gdbrun pwatch 'spin A 1\nhalt\n' -ex 'monitor catch satp' -ex continue -ex 'monitor space kernel' \
  -ex 'monitor d 1' -ex "monitor b $SH_READ_ECALL" -ex continue -ex 'monitor watch phys va $a1 1' \
  -ex 'monitor d 2' -ex continue -ex 'p $priv' -ex 'info symbol $pc' -ex 'monitor info catch' \
  -ex 'monitor info procs'
why=""
l=$(grep '^Physical watchpoint 3 (phys 0x[0-9a-f]* 1): write at ' "$tmp/pwatch.out")
[ -n "$l" ] || why+=" no physical watchpoint stop;"
grep -q 'in S-mode, space kernel$' <<<"$l" || why+=" not the kernel writing: $l;"
grep -qx '\$1 = 1' "$tmp/pwatch.out" || why+=" priv;"
grep -q '^memmove + [0-9]* in section .text$' "$tmp/pwatch.out" || why+=" not in memmove ($K_MEMMOVE);"
grep -qE '^ +2 +sh +RUNNING +0x[0-9a-f]+ +0$' "$tmp/pwatch.out" || why+=" info procs: sh not on hart 0;"
grep -q '^\[Switching to Thread 1002\]' "$tmp/pwatch.out" || why+=" not sh's thread;"
pa=$(sed -n 's/.*(physical \(0x[0-9a-f]*\)).*/\1/p' <<<"$l")
if [ -z "$why" ] && [ -n "$pa" ]; then pass spaces-physical-watch-copyout
else fail spaces-physical-watch-copyout "$why $(tr '\n' '|' <"$tmp/pwatch.out" | tail -c 700)"; fi

# --- with the OS description: processes as GDB threads, syscalls by name --
# sleep 1000 sleeps in the kernel (sys_sleep waits on &ticks, sysproc.c);
# stopped at spin's write, `info threads` lists init, sh and sleep beside
# hart 0 with names and states (from struct proc via DWARF), and `bt` in
# sleep's thread walks its kernel stack from its saved context. `monitor
# catch syscall write` resolves write through the description to SYS_write.
SYS_WRITE=$(awk '$2 == "SYS_write" { print $3 }' os/include/syscall.h)
RV_OPTS="--osdesc os/rvos.osdesc" gdbrun threads 'sleep 1000 &\nspin A 2 &\nwait\nhalt\n' \
  -ex "monitor b $SPIN_WRITE_ECALL if \$a0 == 1 && \$a2 == 4" -ex continue -ex 'info threads' \
  -ex 'python gdb.execute("thread " + gdb.execute("thread find pid 3 sleep", to_string=True).split()[1])' -ex bt -ex 'monitor info procs' -ex 'thread 1' -ex 'monitor d 1' \
  -ex 'monitor catch syscall write' -ex continue -ex 'p $a7' -ex kill
why=""
for t in "Thread 1001 (pid 1 init, SLEEPING)" "Thread 1002 (pid 2 sh, SLEEPING)" "Thread 1003 (pid 3 sleep, SLEEPING)"; do
  grep -qF "$t" "$tmp/threads.out" || why+=" no '$t' in info threads;"
done
grep -q 'Thread 1 (hart 0, U-mode, halted)' "$tmp/threads.out" || why+=" hart thread;"
sed -n '/Switching to thread [0-9]* (Thread 1003)/,/^ *PID/p' "$tmp/threads.out" | grep -q ' in sys_sleep () at os/kernel/sysproc.c:' || why+=" bt of sleep lacks sys_sleep;"
sed -n '/Switching to thread [0-9]* (Thread 1003)/,/^ *PID/p' "$tmp/threads.out" | grep -q 'sleep (chan=0x[0-9a-f]* <ticks>' || why+=" bt of sleep lacks sleep(&ticks);"
grep -qE '^ +4  spin +RUNNING ' "$tmp/threads.out" || why+=" info procs;"
grep -q "Catchpoint 2 (syscall write)" "$tmp/threads.out" || why+=" catch by name;"
grep -q "^rvscope: catchpoint 2 (syscall write, exception 8: environment call from U-mode) on hart 0" "$tmp/threads.out" ||
  why+=" the stop line lacks the syscall's name;"
grep -qx "\\\$1 = $SYS_WRITE" "$tmp/threads.out" || why+=" a7 != SYS_write ($SYS_WRITE);"
if [ -z "$why" ]; then pass spaces-processes-as-threads
else fail spaces-processes-as-threads "$why $(tr '\n' '|' <"$tmp/threads.out" | tail -c 900)"; fi

# --- automatic symbols (tools/gdb/rvscope.py) across the trampoline -------
# At spin's write ecall the extension has loaded spin.elf (the line is
# usys.S's ecall, by the ELF's line table); the first stepi lands on the
# trampoline's first instruction at TRAMPOLINE, which the OS description's
# `alias trampoline` gives the kernel's symbols for: one of the kernel's
# names at its link address $K_TRAMP and trampoline.S's line there (by
# the kernel ELF's line table); stepping through uservec into usertrap
# shows trap.c with spin's symbols gone (0x112c unknown in the kernel's
# space) and the shifted kernel gone too (TRAMPOLINE unknown once the pc
# left it); after userret's sret, write's next line with them back.
ECALL_LINE=$(riscv64-unknown-elf-addr2line -e $U/spin.elf $SPIN_WRITE_ECALL | sed 's|.*/||')
RET_LINE=$(riscv64-unknown-elf-addr2line -e $U/spin.elf $(printf '0x%x' $((SPIN_WRITE_ECALL + 4))) | sed 's|.*/||')
TRAMP_LINE=$(riscv64-unknown-elf-addr2line -e $OS/os.elf $K_TRAMP | sed 's|.*/||')
TRAMP_NAMES=$($NM $OS/os.elf | awk -v a="${K_TRAMP#0x}" '$1 == a { printf "%s%s", sep, $3; sep = "|" }')
RV_OPTS="--osdesc os/rvos.osdesc" gdbrun autosym 'spin A 1 &\nwait\nhalt\n' -x tools/gdb/rvscope.py \
  -ex "monitor b $SPIN_WRITE_ECALL if \$a0 == 1 && \$a2 == 4" -ex continue -ex 'info line *$pc' \
  -ex stepi -ex 'info symbol $pc' -ex "stepi $UVEC_N" -ex "info symbol $SPIN_WRITE_ECALL" \
  -ex "info symbol $TRAMPOLINE" -ex "break *$SRET_TRAMP" -ex continue -ex stepi -ex kill
why=""
grep -q "^Line ${ECALL_LINE#*:} of \".*usys.S\" starts at address $SPIN_WRITE_ECALL <write+" "$tmp/autosym.out" || why+=" no user line at the ecall ($ECALL_LINE);"
grep -qE "^#0  ($TRAMP_NAMES) \(\) at os/kernel/trampoline.S:${TRAMP_LINE#*:}\$" "$tmp/autosym.out" || why+=" no kernel symbol ($TRAMP_NAMES) and line ($TRAMP_LINE) at the trampoline;"
grep -qE "^($TRAMP_NAMES) in section \.text of " "$tmp/autosym.out" || why+=" info symbol \$pc in the trampoline;"
grep -q '^usertrap () at os/kernel/trap.c:[0-9]*$' "$tmp/autosym.out" || why+=" no kernel line in usertrap;"
grep -q "^No symbol matches $SPIN_WRITE_ECALL\.\$" "$tmp/autosym.out" || why+=" spin's symbols still loaded in the kernel;"
grep -q "^No symbol matches $TRAMPOLINE\.\$" "$tmp/autosym.out" || why+=" the shifted kernel still loaded in usertrap;"
grep -q "^write () at os/user/usys.S:${RET_LINE#*:}\$" "$tmp/autosym.out" || why+=" no user line after sret ($RET_LINE);"
if [ -z "$why" ] && [ -n "$TRAMP_NAMES" ]; then pass spaces-automatic-symbols
else fail spaces-automatic-symbols "$why $(tr '\n' '|' <"$tmp/autosym.out" | tail -c 900)"; fi

# --- the same through GDB/MI, as an IDE drives it (tests/os/os_mi.py) ----
timeout 120 python3 tests/os/os_mi.py "$RVSCOPE" $OS $SPIN_WRITE_ECALL || fail spaces-gdb-mi "driver exited $?"

# --- set stepie: a pending interrupt is not taken by si unless asked -------
# At init's first instruction (U mode, `jal ra, main`) a supervisor
# software interrupt is made pending (sip.SSIP; rvos enables sie.SSIE).
# stepie off: si executes the jal (pc = init's main, still U mode).
# stepie on: the interrupt is taken (S mode, scause = interrupt 1) and the
# step ends at the handler's first instruction, pc = stvec, as dcsr.step
# (p ($pc == $stvec) + 5 prints 6 then, 5 if it ran on into the handler).
INIT_MAIN=$(sym init main)
printf 'catch priv u\nc\nset $sip = 0x2\nsi\np $pc\np $priv\nset stepie on\nsi\np $priv\np $scause\np ($pc == $stvec) + 5\nq\n' |
  timeout 60 "$RVSCOPE" -m $OS/os.elf >"$tmp/stepie" 2>&1
why=""
sed -n '/^(rvscope) p \$pc/,$p' "$tmp/stepie" | sed -n 2p | grep -q "^$INIT_MAIN " || why+=" stepie off: pc not init's main $INIT_MAIN;"
[ "$(grep -c '^0x0 (0)$' "$tmp/stepie")" -ge 1 ] || why+=" stepie off: left U mode;"
sed -n '/^(rvscope) set stepie on/,$p' "$tmp/stepie" | grep -q '^0x1 (1)$' || why+=" stepie on: not S mode;"
grep -q '^0x8000000000000001 ' "$tmp/stepie" || why+=" stepie on: scause not interrupt 1;"
grep -q '^0x6 (6)$' "$tmp/stepie" || why+=" stepie on: the step did not end at the handler's first instruction (stvec);"
grep -q '^   interrupt taken (before 0x[0-9a-f]*: ' "$tmp/stepie" || why+=" stepie on: si did not say an interrupt was taken instead;"
if [ -z "$why" ]; then pass spaces-stepie
else fail spaces-stepie "$why $(tr '\n' '|' <"$tmp/stepie" | tail -c 500)"; fi

# --- the monitor's symbols follow the space (os/rvos.osdesc's program) ---
# At init's first U-mode instruction, `main` is init.elf's (nm), not the
# kernel's, and the location is symbolised from init.elf.
K_MAIN=$(ksym $OS/os.elf main)
printf 'catch priv u\nc\np main\nq\n' | timeout 60 "$RVSCOPE" -m --osdesc os/rvos.osdesc $OS/os.elf >"$tmp/msyms" 2>&1
why=""
grep -q "^=> $(printf '0x%x' $INIT_ENTRY) <_start>:" "$tmp/msyms" || why+=" location not from init.elf;"
grep -q "^$INIT_MAIN (" "$tmp/msyms" || why+=" p main is not init's $INIT_MAIN (kernel's: $K_MAIN);"
if [ -z "$why" ] && [ "$INIT_MAIN" != "$K_MAIN" ]; then pass spaces-monitor-symbols-follow-space
else fail spaces-monitor-symbols-follow-space "$why $(tr '\n' '|' <"$tmp/msyms" | tail -c 400)"; fi

# --- --symbols FILE@SPACE: a file's symbols only in that space -------------
# Without an OS description: init.elf's symbols are bound to space `a`.
# At init's first U-mode instruction, before `a` is bound, `main` is
# unknown (the kernel has none) and 0x1000 has no name; after `space a`
# binds the current page table, `p main` is init.elf's main (nm), and
# `b main space a` resolves and stops there with init.c's line (addr2line).
INIT_MAIN=${INIT_MAIN:-$(sym init main)}
INIT_MAIN_LINE=$(riscv64-unknown-elf-addr2line -e $U/init.elf $INIT_MAIN | sed 's|.*/||')
printf 'catch priv u\nc\np main\nspace a\np main\nd 1\nb main space a\nc\nq\n' |
  timeout 60 "$RVSCOPE" -m --symbols $U/init.elf@a $OS/os.elf >"$tmp/ssyms" 2>&1
why=""
sed -n '/^(rvscope) p main/,/^(rvscope) space a/p' "$tmp/ssyms" | grep -q "unknown symbol 'main'" ||
  why+=" main known before the space is bound;"
grep -q "^$INIT_MAIN (" "$tmp/ssyms" || why+=" p main is not init's $INIT_MAIN;"
grep -q "^Breakpoint 2 at $INIT_MAIN <main>: file ${INIT_MAIN_LINE%%:*}, line ${INIT_MAIN_LINE##*:}, only in space a\.$" "$tmp/ssyms" ||
  why+=" b main space a ($INIT_MAIN_LINE);"
grep -q "^Breakpoint 2, $INIT_MAIN <main> at $INIT_MAIN_LINE\$" "$tmp/ssyms" || why+=" no stop at init's main;"
"$RVSCOPE" --symbols $U/init.elf@0x1q $OS/os.elf >"$tmp/ssyms.bad" 2>&1
grep -q "after @ comes an OFFSET (FILE@0x100000) or an address space's name (FILE@pid3)" "$tmp/ssyms.bad" || why+=" bad @ text;"
if [ -z "$why" ] && [ -n "$INIT_MAIN" ]; then pass spaces-symbols-file-at-space
else fail spaces-symbols-file-at-space "$why $(tr '\n' '|' <"$tmp/ssyms" | tail -c 500)"; fi

# --- the monitor names the trampoline (os/rvos.osdesc's alias) -------------
# A write syscall stops at stvec = TRAMPOLINE (S mode); the stop line and
# `x/2i` name it by one of the kernel's symbols at its link address (nm),
# and `p uservec` is where uservec runs (TRAMPOLINE + its offset in the
# page), not its link address.
K_UVEC=$(ksym $OS/os.elf uservec)
printf 'catch syscall write\nc\nx/2i $pc\np uservec\nq\n' |
  timeout 60 "$RVSCOPE" -m --osdesc os/rvos.osdesc $OS/os.elf >"$tmp/mtramp" 2>&1
why=""
grep -qE "^=> $TRAMPOLINE <($TRAMP_NAMES)>:" "$tmp/mtramp" || why+=" stop line not named ($TRAMP_NAMES);"
grep -qE "^   $(printf '0x%x' $((TRAMPOLINE + 4))) <($TRAMP_NAMES)\+4>:" "$tmp/mtramp" || why+=" x/2i;"
grep -q "^$(printf '0x%x' $((TRAMPOLINE + K_UVEC - K_TRAMP))) (" "$tmp/mtramp" || why+=" p uservec not at its run address;"
if [ -z "$why" ] && [ -n "$K_UVEC" ]; then pass spaces-monitor-trampoline-symbols
else fail spaces-monitor-trampoline-symbols "$why $(tr '\n' '|' <"$tmp/mtramp" | tail -c 400)"; fi

# --- spaces that follow processes (a program's, pidN), set before they exist
# Every rvos program starts at _start = 0x1000 (nm). At reset, before any
# spin runs, `b _start space spin` reads _start in spin.elf (the
# description's `program`) and stops exactly twice, in spin A (pid 3) and
# spin B (pid 4), spawned in that order by sh; init and sh ran the same
# address first and did not stop. `b *0x1000 space pid4`, set at reset
# when no pid 4 exists, stops once, in pid 4. (rvos has no exec; on xv6 a
# pidN breakpoint keeps its process through exec: docs/os-debugging.md.)
SPIN_START=$(sym spin _start)
RV_OPTS="--osdesc os/rvos.osdesc" gdbrun follow 'spin A 1 &\nspin B 1 &\nwait\nhalt\n' \
  -ex 'monitor b _start space spin' -ex continue -ex 'monitor info space' -ex continue \
  -ex 'monitor info space' -ex 'monitor d 1' -ex continue
RV_OPTS="--osdesc os/rvos.osdesc" gdbrun followpid 'spin A 1 &\nspin B 1 &\nwait\nhalt\n' \
  -ex "monitor b *$SPIN_START space pid4" -ex continue -ex 'monitor info space' -ex continue
why=""
grep -q "^Breakpoint 1 at $SPIN_START <_start>.*only in space spin" "$tmp/follow.out" || why+=" b _start space spin not read in spin.elf ($SPIN_START);"
[ "$(grep -c "^Breakpoint 1, $SPIN_START <_start> (U-mode, space pid[0-9]* (spin))\$" "$tmp/follow.out")" = 2 ] || why+=" want 2 stops in spin's _start;"
[ "$(grep -c '^mode U space .* pid [34] name spin elf ' "$tmp/follow.out")" = 2 ] || why+=" stops not in pids 3 and 4;"
grep -q 'pid 3 name spin' "$tmp/follow.out" && grep -q 'pid 4 name spin' "$tmp/follow.out" || why+=" not both spins;"
grep -q 'exited normally' "$tmp/follow.out" || why+=" did not run to the end;"
[ "$(grep -c "^Breakpoint 1, $SPIN_START " "$tmp/followpid.out")" = 1 ] || why+=" pid4: want 1 stop;"
grep -q '^mode U space pid4 (spin) pid 4 name spin elf ' "$tmp/followpid.out" || why+=" pid4: stop not in pid 4;"
grep -q 'exited normally' "$tmp/followpid.out" || why+=" pid4: did not run to the end;"
if [ -z "$why" ] && [ "$SPIN_START" = "$INIT_ENTRY" ]; then pass spaces-follow-program-and-pid
else fail spaces-follow-program-and-pid "$why $(tr '\n' '|' <"$tmp/follow.out" | tail -c 600) // $(tr '\n' '|' <"$tmp/followpid.out" | tail -c 300)"; fi

# --- a followed space cannot be forgotten while a scope uses it ------------
# Scopes hold a followed space's id: `space -d` under a breakpoint scoped to
# it would leave a breakpoint that never fires, so it is refused until the
# breakpoint is deleted (then the name is gone from `space`). A name never
# bound is not there to forget, even one the description could resolve.
printf 'space -d pid3\nb *0x1000 space spin\nspace -d spin\nd 1\nspace -d spin\nspace\nq\n' |
  timeout 60 "$RVSCOPE" -m --osdesc os/rvos.osdesc $OS/os.elf >"$tmp/sdel" 2>&1
why=""
grep -q "^Space 'spin' is the scope of breakpoint/catchpoint 1: delete that first\.$" "$tmp/sdel" || why+=" not refused;"
grep -q "^No address spaces named" "$tmp/sdel" || why+=" not forgotten after d 1;"
grep -q "^No address space named 'pid3'\.$" "$tmp/sdel" || why+=" space -d of an unbound name;"
if [ -z "$why" ]; then pass spaces-forget-used-space
else fail spaces-forget-used-space "$why $(tr '\n' '|' <"$tmp/sdel" | tail -c 400)"; fi
