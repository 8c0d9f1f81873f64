#!/usr/bin/env bash
# Booting like QEMU (docs/boot.md): the generated device tree against
# QEMU's, Debian's OpenSBI (fw_jump, fw_dynamic) starting U-Boot to its
# prompt and the S-mode SBI test kernel, PMP, reboot, QEMU's option
# spellings and every bad combination. Protocol: tests/run.sh.
set -u
cd "$(dirname "$0")/../.."
R="${RVSCOPE:-build/rvscope}"
D=tests/boot
G=build/guests/boot
OS=/usr/lib/riscv64-linux-gnu/opensbi/generic
UB=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ -x "$R" ] || { echo "FAIL boot: no emulator at $R"; exit 0; }
[ -f $G/sbi_kernel.elf ] || { echo "FAIL boot: $G missing (make test-guests)"; exit 0; }
for f in $OS/fw_jump.elf $OS/fw_dynamic.elf $UB; do
  [ -f "$f" ] || { echo "FAIL boot: $f missing (scripts/deps.sh installs opensbi u-boot-qemu)"; exit 0; }
done

pass() { echo "PASS boot/$1"; }
fail() { echo "FAIL boot/$1: $2"; }

# expect NAME STATUS REGEX CMD...: exit status and a line of the output.
expect() {
  local name=$1 want=$2 re=$3; shift 3
  local out rc
  timeout 60 "$@" >"$tmp/out" 2>&1 </dev/null; rc=$?
  out=$(tr -d '\0' <"$tmp/out")
  if [ "$rc" -ne "$want" ]; then fail "$name" "exit $rc, want $want; output: ${out:0:300}"; return; fi
  if ! grep -Eq -- "$re" <<<"$out"; then fail "$name" "output lacks /$re/: ${out:0:300}"; return; fi
  pass "$name"
}

# --- The device tree: passes dtc, equals QEMU's node for node ----------
# Where the machines differ: the ISA (rvscope: RV64IMAC, QEMU: RV64GC+H...),
# the MMU (Sv39 / Sv48), the PLIC's source count, and QEMU's random seed.
differ=('/cpus/cpu@*:riscv,isa' '/cpus/cpu@*:mmu-type' '/soc/plic@*:riscv,ndev' '/chosen:rng-seed')
for n in 1 4; do
  for mem in 128M 1G; do
    t=dtb-smp$n-$mem
    if ! "$R" --harts $n --mem $mem --dumpdtb $tmp/r.dtb 2>$tmp/err; then fail $t "rvscope: $(cat $tmp/err)"; continue; fi
    if ! dtc -I dtb -O dts -o $tmp/r.dts $tmp/r.dtb 2>$tmp/err; then fail $t "dtc refuses it: $(head -c 300 $tmp/err)"; continue; fi
    qemu-system-riscv64 -M virt -machine dumpdtb=$tmp/q.dtb -smp $n -m $mem -nographic >/dev/null 2>&1
    dtc -I dtb -O dts -o $tmp/q.dts $tmp/q.dtb 2>/dev/null
    if why=$(python3 $D/dtcompare.py $tmp/r.dts $tmp/q.dts "${differ[@]}" 2>/dev/null); then pass $t
    else fail $t "$(head -3 <<<"$why" | tr '\n' ';')"; fi
  done
done
# The comparison can fail: a tree with a wrong timebase does.
sed 's/timebase-frequency = <0x989680>/timebase-frequency = <0x1>/' $tmp/r.dts >$tmp/bad.dts
if python3 $D/dtcompare.py $tmp/bad.dts $tmp/q.dts "${differ[@]}" >/dev/null 2>&1; then
  fail dtb-compare-can-fail "a wrong timebase compared equal"
else pass dtb-compare-can-fail; fi

# /chosen: bootargs, initrd range; the ISA string from misa.
head -c 1000 /dev/urandom >$tmp/initrd
"$R" --bios $OS/fw_jump.elf --kernel $UB --initrd $tmp/initrd --append 'console=ttyS0 quiet' \
  --dumpdtb $tmp/c.dtb && dtc -I dtb -O dts -o $tmp/c.dts $tmp/c.dtb 2>/dev/null
if grep -q 'bootargs = "console=ttyS0 quiet"' $tmp/c.dts && grep -q 'linux,initrd-start = <0x00 0x84200000>' $tmp/c.dts &&
   grep -q 'linux,initrd-end = <0x00 0x842003e8>' $tmp/c.dts && grep -q 'stdout-path = "/soc/serial@10000000"' $tmp/c.dts; then
  pass dtb-chosen
else fail dtb-chosen "$(grep -A6 'chosen {' $tmp/c.dts | tr '\n\t' '  ')"; fi
"$R" --isa rv32 --dumpdtb $tmp/32.dtb && dtc -I dtb -O dts -o $tmp/32.dts $tmp/32.dtb 2>/dev/null
if grep -q 'riscv,isa = "rv32imafdc_zicntr_zicond_zicsr_zifencei_zba_zbb_zbs_sstc"' $tmp/32.dts && grep -q 'mmu-type = "riscv,sv32"' $tmp/32.dts; then
  pass dtb-rv32
else fail dtb-rv32 "$(grep -E 'isa|mmu' $tmp/32.dts | head -2 | tr '\n\t' '  ')"; fi
# --dtb: the user's tree is used, and gets /chosen.
"$R" --bios $OS/fw_jump.elf --kernel $UB --dtb $tmp/r.dtb --append hello --dumpdtb $tmp/u.dtb
if fdtget $tmp/u.dtb /chosen bootargs 2>/dev/null | grep -qx hello && [ "$(fdtget $tmp/u.dtb /cpus/cpu@3 reg)" = 3 ]; then
  pass dtb-user
else fail dtb-user "bootargs '$(fdtget $tmp/u.dtb /chosen bootargs 2>&1)'"; fi

# --- OpenSBI + U-Boot to the prompt, version, poweroff -----------------
steps='autoboot|\n;=> |version\n;riscv64-linux-gnu-gcc|;=> |poweroff\n'
for fw in fw_jump fw_dynamic; do
  for n in 1 4; do
    t=uboot-$fw-smp$n
    python3 $D/drive.py $tmp/ub.out 300 "$steps" -- "$R" --harts $n --bios $OS/$fw.elf --kernel $UB 2>$tmp/err; rc=$?
    if [ $rc = 0 ] && grep -q "Platform HART Count *: $n" $tmp/ub.out && grep -q '^U-Boot 2023' $tmp/ub.out &&
       grep -q '^=> poweroff' $tmp/ub.out; then pass $t
    else fail $t "exit $rc; $(tail -c 300 $tmp/err | tr '\n' ' ') $(tail -c 200 $tmp/ub.out | tr -d '\r' | tr '\n' '|')"; fi
  done
done
# The same command line with QEMU's spellings.
python3 $D/drive.py $tmp/ub.out 300 "$steps" -- "$R" -machine virt -smp 2 -m 256M -nographic \
  -bios $OS/fw_dynamic.elf -kernel $UB 2>$tmp/err; rc=$?
if [ $rc = 0 ] && grep -q 'DRAM:  256 MiB' $tmp/ub.out && grep -q 'Platform HART Count *: 2' $tmp/ub.out; then
  pass uboot-qemu-spellings
else fail uboot-qemu-spellings "exit $rc; $(tail -c 300 $tmp/err)"; fi

# -bios default: OpenSBI, as QEMU's default firmware.
python3 $D/drive.py $tmp/ub.out 300 'autoboot|\n;=> |poweroff\n' -- "$R" -bios default -kernel $UB 2>$tmp/err; rc=$?
if [ $rc = 0 ] && grep -q '^OpenSBI v' $tmp/ub.out && grep -q '^=> poweroff' $tmp/ub.out; then pass uboot-bios-default
else fail uboot-bios-default "exit $rc; $(tail -c 300 $tmp/err)"; fi

# --- The S-mode SBI kernel (console, base, timer, HSM, IPI, PMP, RTC, reset)
for fw in fw_jump fw_dynamic; do
  for k in elf bin; do
    t=sbi-kernel-$fw-$k
    timeout 60 "$R" --harts 2 --bios $OS/$fw.elf --kernel $G/sbi_kernel.$k >$tmp/k.out 2>$tmp/err </dev/null; rc=$?
    grep -a '^sbi: ' $tmp/k.out >$tmp/k.sbi
    if [ $rc = 0 ] && cmp -s $tmp/k.sbi $D/sbi_kernel.expected; then pass $t
    else fail $t "exit $rc; $(diff $tmp/k.sbi $D/sbi_kernel.expected | head -4 | tr '\n' ' ') $(head -c 200 $tmp/err)"; fi
  done
done
timeout 60 qemu-system-riscv64 -M virt -smp 2 -nographic -bios $OS/fw_jump.elf -kernel $G/sbi_kernel.elf \
  >$tmp/kq.out 2>&1 </dev/null; rc=$?
if [ $rc = 0 ] && grep -a '^sbi: ' $tmp/kq.out | cmp -s - $D/sbi_kernel.expected; then pass qemu/sbi-kernel
else fail qemu/sbi-kernel "exit $rc; $(grep -a '^sbi: ' $tmp/kq.out | diff - $D/sbi_kernel.expected | head -3 | tr '\n' ' ')"; fi

# --- PMP, reboot -------------------------------------------------------
for j in "" --no-jit; do
  timeout 20 "$R" $j $G/pmp.elf >$tmp/p.out 2>&1; rc=$?
  if [ $rc = 0 ]; then pass "pmp$j"; else fail "pmp$j" "failed case $rc $(head -c 200 $tmp/p.out)"; fi
done
# QEMU 7.2 passes every case but the last (17: MPRV after an mret that
# stays in M mode; its TLB keeps the entry M's earlier load made).
timeout 20 qemu-system-riscv64 -M virt -bios none -nographic -kernel $G/pmp.elf >$tmp/p.out 2>&1; rc=$?
if [ $rc = 0 ] || [ $rc = 17 ]; then pass qemu/pmp; else fail qemu/pmp "failed case $rc"; fi
timeout 20 "$R" $G/rtc.elf >$tmp/rtc.out 2>&1; rc=$?
if [ $rc = 0 ] && grep -qx 'rtc: ok' $tmp/rtc.out; then pass rtc; else fail rtc "exit $rc: $(head -c 200 $tmp/rtc.out)"; fi
timeout 20 qemu-system-riscv64 -M virt -bios none -nographic -kernel $G/rtc.elf >$tmp/rtc.out 2>&1; rc=$?
if [ $rc = 0 ]; then pass qemu/rtc; else fail qemu/rtc "exit $rc: $(head -c 200 $tmp/rtc.out)"; fi
# A reset (0x7777) power-cycles: the guest boots again and again.
n=$(timeout 20 "$R" $G/reboot.elf 2>/dev/null | head -n 5 | grep -c '^boot$')
if [ "$n" = 5 ]; then pass reboot; else fail reboot "booted $n times, want 5 (and more)"; fi
expect no-reboot 0 '^boot$' "$R" --no-reboot $G/reboot.elf
n=$(timeout 20 "$R" -no-reboot $G/reboot.elf 2>/dev/null | grep -c '^boot$')
if [ "$n" = 1 ]; then pass no-reboot-qemu-spelling; else fail no-reboot-qemu-spelling "booted $n times"; fi

# --- Registers at reset: a0 = hart id, a1 = tree, a2 = fw_dynamic info ---
# (fw_dynamic reading its info block through a2 is the U-Boot and SBI
# kernel tests above.)
printf 'info r\nq\n' >$tmp/regs.cmd
timeout 20 "$R" --harts 2 -x $tmp/regs.cmd $G/reboot.elf >$tmp/regs.out 2>&1 </dev/null
if grep -Eq '^a0 +0x0+ ' $tmp/regs.out && grep -Eq '^a1 +0x0*87e00000 ' $tmp/regs.out &&
   grep -Eq '^a2 +0x0*1028 ' $tmp/regs.out; then pass reset-registers
else fail reset-registers "$(grep -E '^a[0-2] ' $tmp/regs.out | tr '\n' ' ')"; fi

# The reset state and the ROM's contents, RV64 and RV32, against QEMU too.
for x in 64 32; do
  e=$G/romcheck.elf; [ $x = 32 ] && e=$G/rv32/romcheck.elf
  timeout 20 "$R" --harts 2 $e >$tmp/r.out 2>&1; rc=$?
  if [ $rc = 0 ]; then pass rv$x/reset-state; else fail rv$x/reset-state "failed case $rc $(head -c 200 $tmp/r.out)"; fi
  timeout 20 qemu-system-riscv$x -M virt -smp 2 -bios none -nographic -kernel $e >$tmp/r.out 2>&1; rc=$?
  if [ $rc = 0 ]; then pass qemu/rv$x/reset-state; else fail qemu/rv$x/reset-state "failed case $rc"; fi
done

# --- Options: help, QEMU spellings, bad combinations (exit 2, one line) ---
for opt in --bios --kernel --initrd --append --dtb --dumpdtb --no-reboot; do
  expect "help-lists$opt" 0 "$opt" "$R" --help
done
expect short-option-named 2 "^rvscope: option '-q' is unknown$" "$R" -q $G/pmp.elf
expect qemu-S-alone 2 "-S without -s" "$R" -S $G/pmp.elf
expect raw-kernel-needs-bios 2 'needs firmware.*--bios' "$R" --kernel $UB
expect initrd-needs-kernel 2 '--initrd needs --kernel' "$R" --bios $OS/fw_jump.elf --initrd $tmp/initrd
expect append-needs-kernel 2 '--append needs --kernel' "$R" --bios $OS/fw_jump.elf --append x
head -c $((70 << 20)) /dev/zero >$tmp/big
expect initrd-too-big 2 'initrd.*does not fit in RAM' "$R" --bios $OS/fw_jump.elf --kernel $UB --initrd $tmp/big
expect initrd-missing 2 'initrd.*nothere' "$R" --bios $OS/fw_jump.elf --kernel $UB --initrd $tmp/nothere
printf 'not a tree' >$tmp/bad.dtb
expect dtb-garbage 2 'not a usable flattened device tree' "$R" --bios $OS/fw_jump.elf --kernel $UB --dtb $tmp/bad.dtb
expect dtb-unreadable 2 '--dtb.*nothere' "$R" --bios $OS/fw_jump.elf --kernel $UB --dtb $tmp/nothere.dtb
expect bios-missing 2 '--bios.*nothere' "$R" --bios $tmp/nothere
expect image-and-kernel 2 'give the program as --kernel' "$R" --kernel $G/pmp.elf $G/pmp.elf
expect other-machine 2 "only QEMU's 'virt'" "$R" -machine sifive_u -kernel $G/pmp.elf
expect qemu-netdev 2 "network" "$R" -netdev user,id=n0 -kernel $G/pmp.elf
expect qemu-d-log 2 "QEMU's logs" "$R" -d int -kernel $G/pmp.elf
expect qemu-device-other 2 "doesn't have it" "$R" -device virtio-net-device -kernel $G/pmp.elf
expect qemu-drive-qcow2 2 'raw disk images only' "$R" -drive file=x.qcow2,format=qcow2,id=x0 -kernel $G/pmp.elf
expect qemu-drive-no-device 2 'add -device virtio-blk-device' "$R" -drive file=$tmp/big,if=none,format=raw,id=x0 -kernel $G/pmp.elf
expect qemu-unknown 2 "unknown to rvscope" "$R" -frobnicate -kernel $G/pmp.elf
expect qemu-ignored 0 "ignoring QEMU option -rtc" "$R" -rtc base=utc -bios none -kernel $G/pmp.elf
expect qemu-bios-none-kernel-elf 0 "" "$R" -machine virt -bios none -kernel $G/pmp.elf -m 128M -smp 1 -nographic
expect qemu-drive-device 0 "" "$R" -machine virt -bios none -kernel $G/pmp.elf -global virtio-mmio.force-legacy=false \
  -drive file=$tmp/big,if=none,format=raw,id=x0 -device virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0
expect qemu-m-size-vs-monitor 0 "" "$R" -m 64 --dumpdtb $tmp/m.dtb
if [ "$(fdtget -t x $tmp/m.dtb /memory@80000000 reg)" = "0 80000000 0 4000000" ]; then pass qemu-m-unit-mib
else fail qemu-m-unit-mib "memory reg $(fdtget -t x $tmp/m.dtb /memory@80000000 reg)"; fi
port=$((20000 + RANDOM % 20000))
expect qemu-gdb-runs 0 "listening on 127.0.0.1:$port; the guest runs" "$R" -gdb tcp::$port $G/pmp.elf
