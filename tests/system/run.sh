#!/usr/bin/env bash
# System tests: the full-system devices (PLIC, UART receive and console,
# virtio-blk, several harts) with the guests of tests/system (built by
# build.mk for RV64 and RV32). Output protocol: tests/run.sh.
#
# For each guest G and XLEN, rvscope's stdout must equal G.expected and its
# exit status must be 0; with QEMU installed, qemu-system-riscvXX -M virt
# -bios none runs the same ELF and must print the same (qemu/... lines).
# virtio_blk's writes are checked in the image file afterwards (for rvscope
# and for QEMU, and the two images must be identical).
set -u
cd "$(dirname "$0")/../.."
RVSCOPE="${RVSCOPE:-build/rvscope}"
D=tests/system
G=${SYS_GUESTS:-build/guests/system}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

have_qemu=1
command -v qemu-system-riscv32 >/dev/null && command -v qemu-system-riscv64 >/dev/null || {
  have_qemu=0; echo "SKIP qemu/*: QEMU not installed"; }
[ -x "$RVSCOPE" ] || { echo "FAIL system: no emulator at $RVSCOPE"; exit 0; }

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }

# differ GOT WANT: the first difference in one line, or nothing.
differ() {
  cmp -s "$1" "$2" && return
  local n
  n=$(cmp "$1" "$2" 2>/dev/null | sed -n 's/.*line \([0-9]*\)$/\1/p')
  if [ -z "$n" ]; then
    echo "one output is a prefix of the other ($(wc -c <"$1") bytes, want $(wc -c <"$2"))"
  else
    echo "line $n: got '$(sed -n "${n}p" "$1" | cat -v)', want '$(sed -n "${n}p" "$2" | cat -v)'"
  fi
}

# check NAME OUT RC WANTRC EXPECTED: compare output and exit status.
check() {
  local why
  why=$(differ "$2" "$5")
  [ -z "$why" ] && [ "$3" != "$4" ] && why="exit status $3, want $4 ($(head -c 300 "$2.err" 2>/dev/null))"
  if [ -z "$why" ]; then pass "$1"; else fail "$1" "$why"; fi
}

qemu_virt() {   # qemu_virt XLEN ARGS... (stdin as given)
  local x=$1; shift
  qemu-system-riscv$x -M virt -bios none -nographic "$@"
}
qemu_disk() {   # the virtio-blk options of SPEC / xv6
  echo "-global virtio-mmio.force-legacy=false -drive file=$1,if=none,format=raw,id=x0
        -device virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0"
}

input='hello world\nsecond line\n\tz.'
for x in 64 32; do
  elf=$G/rv$x/uart_rx.elf
  if [ ! -f "$elf" ]; then fail "rv$x/system" "$G/rv$x missing (make test-guests)"; continue; fi

  # UART receive through the PLIC, input from a pipe.
  out=$tmp/uart-$x
  printf "$input" | timeout 10 "$RVSCOPE" "$elf" >"$out" 2>"$out.err"; rc=$?
  check "rv$x/uart_rx" "$out" $rc 0 $D/uart_rx.expected
  if [ $have_qemu = 1 ]; then
    # QEMU's UART drops what arrives before the guest resets its FIFO: wait
    # (2 s: with test groups running in parallel, 0.5 s was sometimes short).
    (sleep 2; printf "$input") | timeout 10 $(echo qemu-system-riscv$x) -M virt -bios none \
      -nographic -kernel "$elf" >"$out.q" 2>"$out.err"; rc=$?
    check "qemu/rv$x/uart_rx" "$out.q" $rc 0 $D/uart_rx.expected
  fi

  # Input that comes late: the idle hart waits for it (no timer deadline).
  (sleep 0.5; printf 'late.') | timeout 10 "$RVSCOPE" "$elf" >"$out" 2>"$out.err"; rc=$?
  if [ $rc = 0 ] && grep -qx 'echo: LATE' "$out"; then pass "rv$x/uart_rx-late-input"
  else fail "rv$x/uart_rx-late-input" "exit $rc, output $(tr '\n' '|' <"$out")"; fi

  # End of input: nothing can wake the guest any more (exit status 125).
  printf 'abc' | timeout 10 "$RVSCOPE" "$elf" >"$out" 2>"$out.err"; rc=$?
  if [ $rc = 125 ] && grep -q wfi "$out.err"; then pass "rv$x/uart_rx-eof"
  else fail "rv$x/uart_rx-eof" "exit $rc, want 125: $(head -c 200 "$out.err")"; fi
  timeout 10 "$RVSCOPE" "$elf" </dev/null >"$out" 2>"$out.err"; rc=$?
  if [ $rc = 125 ]; then pass "rv$x/uart_rx-no-input"; else fail "rv$x/uart_rx-no-input" "exit $rc, want 125"; fi

  # PLIC: needs the virtio disk for its second source.
  elf=$G/rv$x/plic.elf
  out=$tmp/plic-$x
  python3 $D/mkdisk.py "$tmp/p.img"
  timeout 10 "$RVSCOPE" --disk "$tmp/p.img" "$elf" </dev/null >"$out" 2>"$out.err"; rc=$?
  check "rv$x/plic" "$out" $rc 0 $D/plic.expected
  if [ $have_qemu = 1 ]; then
    python3 $D/mkdisk.py "$tmp/pq.img"
    timeout 10 $(echo qemu-system-riscv$x) -M virt -bios none -nographic $(qemu_disk "$tmp/pq.img") \
      -kernel "$elf" </dev/null >"$out.q" 2>"$out.err"; rc=$?
    check "qemu/rv$x/plic" "$out.q" $rc 0 $D/plic.expected
  fi

  # virtio-blk, and its writes in the host file.
  elf=$G/rv$x/virtio_blk.elf
  out=$tmp/vblk-$x
  python3 $D/mkdisk.py "$tmp/v.img"
  timeout 10 "$RVSCOPE" --disk "$tmp/v.img" "$elf" </dev/null >"$out" 2>"$out.err"; rc=$?
  check "rv$x/virtio_blk" "$out" $rc 0 $D/virtio_blk.expected
  why=$(python3 $D/checkdisk.py "$tmp/v.img" 2>&1)
  if [ -z "$why" ]; then pass "rv$x/virtio_blk-file"; else fail "rv$x/virtio_blk-file" "$why"; fi
  if [ $have_qemu = 1 ]; then
    python3 $D/mkdisk.py "$tmp/vq.img"
    timeout 10 $(echo qemu-system-riscv$x) -M virt -bios none -nographic $(qemu_disk "$tmp/vq.img") \
      -kernel "$elf" </dev/null >"$out.q" 2>"$out.err"; rc=$?
    check "qemu/rv$x/virtio_blk" "$out.q" $rc 0 $D/virtio_blk.expected
    if cmp -s "$tmp/v.img" "$tmp/vq.img"; then pass "rv$x/virtio_blk-file-as-qemu"
    else fail "rv$x/virtio_blk-file-as-qemu" "the images written by rvscope and QEMU differ"; fi
  fi

  # Four harts: IPIs, AMOs, LR/SC, a spinlock.
  elf=$G/rv$x/smp.elf
  out=$tmp/smp-$x
  timeout 20 "$RVSCOPE" --harts 4 "$elf" </dev/null >"$out" 2>"$out.err"; rc=$?
  check "rv$x/smp" "$out" $rc 0 $D/smp.expected
  if [ $have_qemu = 1 ]; then
    timeout 20 $(echo qemu-system-riscv$x) -M virt -bios none -nographic -smp 4 \
      -kernel "$elf" </dev/null >"$out.q" 2>"$out.err"; rc=$?
    check "qemu/rv$x/smp" "$out.q" $rc 0 $D/smp.expected
  fi
done

# Sstc (supervisor timer interrupts from stimecmp) and trap delegation
# (medeleg: U-mode ecall and illegal instruction to S, ebreak still to M).
for t in sstc deleg; do
  for x in 64 32; do
    elf=$G/rv$x/$t.elf
    out=$tmp/$t-$x
    timeout 10 "$RVSCOPE" "$elf" </dev/null >"$out" 2>"$out.err"; rc=$?
    check "rv$x/$t" "$out" $rc 0 $D/$t.expected
    if [ $have_qemu = 1 ]; then
      timeout 10 $(echo qemu-system-riscv$x) -M virt -bios none -nographic -kernel "$elf" \
        </dev/null >"$out.q" 2>"$out.err"; rc=$?
      check "qemu/rv$x/$t" "$out.q" $rc 0 $D/$t.expected
    fi
  done
done

# The console on a terminal: raw mode, Ctrl-A x, restoring the terminal.
if [ -f $G/rv64/uart_rx.elf ]; then
  python3 $D/pty_test.py "$RVSCOPE" $G/rv64/uart_rx.elf build/guests/cli/loop.elf
fi

# --disk errors: exit status 2 and a message that says what is wrong.
elf=$G/rv64/virtio_blk.elf
disk_error() {   # disk_error NAME REGEX CMD...
  local name=$1 re=$2; shift 2
  out=$("$@" </dev/null 2>&1); rc=$?
  if [ $rc = 2 ] && grep -Eq -- "$re" <<<"$out"; then pass "disk/$name"
  else fail "disk/$name" "exit $rc (want 2), output: ${out:0:200}"; fi
}
disk_error missing 'no such file' timeout 10 "$RVSCOPE" --disk "$tmp/none.img" "$elf"
disk_error directory 'is a directory' timeout 10 "$RVSCOPE" --disk "$tmp" "$elf"
disk_error no-argument 'lacks its value' timeout 10 "$RVSCOPE" --disk
python3 $D/mkdisk.py "$tmp/ro.img"; chmod 444 "$tmp/ro.img"
python3 $D/mkdisk.py "$tmp/wo.img"; chmod 222 "$tmp/wo.img"
if [ "$(id -u)" = 0 ]; then
  # root may write anything: run as nobody (the files must be reachable)
  chmod 755 "$tmp"
  asuser=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  if ! "${asuser[@]}" test -x "$RVSCOPE" -a -r "$elf" 2>/dev/null; then
    asuser=(); echo "SKIP disk/read-only, disk/unreadable: root, and nobody cannot run $RVSCOPE"
  fi
else
  asuser=(env)
fi
if [ ${#asuser[@]} -gt 0 ]; then
  disk_error read-only 'read-only.*must be writable' "${asuser[@]}" timeout 10 "$RVSCOPE" --disk "$tmp/ro.img" "$elf"
  disk_error unreadable 'cannot be read' "${asuser[@]}" timeout 10 "$RVSCOPE" --disk "$tmp/wo.img" "$elf"
fi
# Two rvscopes on one image: the second is refused.
python3 $D/mkdisk.py "$tmp/lock.img"
(sleep 3 | timeout 10 "$RVSCOPE" --disk "$tmp/lock.img" $G/rv64/uart_rx.elf >/dev/null 2>&1) &
sleep 0.5
disk_error locked 'in use' timeout 10 "$RVSCOPE" --disk "$tmp/lock.img" "$elf"
wait
# A size that is not whole sectors: a warning, and the guest still runs.
head -c 65636 /dev/zero >"$tmp/odd.img"
out=$(timeout 10 "$RVSCOPE" --disk "$tmp/odd.img" $G/rv64/plic.elf </dev/null 2>&1); rc=$?
if [ $rc = 0 ] && grep -q 'not a multiple of 512' <<<"$out"; then pass "disk/odd-size"
else fail "disk/odd-size" "exit $rc, output: ${out:0:200}"; fi
