#!/usr/bin/env bash
# make linux: builds a small Linux 6.1 from Debian's linux-source-6.1 (tinyconfig
# + linux/rvscope.config), a nolibc /init (linux/init.c) as its initramfs and an
# ext2 disk, boots it on rvscope (OpenSBI fw_jump, 4 harts and 1) and on QEMU
# with the same files, and prints the boot times. Not part of make test: the
# kernel takes a long while to build on 2 cores (build/linux keeps it).
# Usage: scripts/linux.sh [build|boot|all] (default all).
set -eu
cd "$(dirname "$0")/.."
what=${1:-all}
B=$PWD/build/linux
S=$B/linux-source-6.1
OS=/usr/lib/riscv64-linux-gnu/opensbi/generic
R=$PWD/build/rvscope
JOBS=${JOBS:-2}

pkgs=(gcc-riscv64-linux-gnu linux-source-6.1 bc flex bison libssl-dev e2fsprogs opensbi qemu-system-misc)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "linux: missing Debian packages: ${missing[*]} (sudo apt-get install them)" >&2; exit 1
  fi
fi

K=(make -s -C "$S" ARCH=riscv CROSS_COMPILE=riscv64-linux-gnu- O="$B/obj" -j"$JOBS")
if [ "$what" != boot ]; then
  mkdir -p "$B"
  [ -d "$S" ] || tar -C "$B" -xf /usr/src/linux-source-6.1.tar.xz
  # /init: static, nolibc from the kernel tree (needs no FPU; the kernel has one).
  "${K[@]}" headers >/dev/null
  riscv64-linux-gnu-gcc -march=rv64imac_zicsr_zifencei -mabi=lp64 -Os -Wall -static -nostdlib \
    -fno-stack-protector -fno-asynchronous-unwind-tables -I "$S/tools/include/nolibc" \
    -I "$B/obj/usr/include" -o "$B/init" linux/init.c
  printf 'dir /dev 0755 0 0\nnod /dev/console 0600 0 0 c 5 1\ndir /mnt 0755 0 0\nfile /init %s 0755 0 0\n' \
    "$B/init" >"$B/initramfs.list"
  { cat linux/rvscope.config; echo "CONFIG_INITRAMFS_SOURCE=\"$B/initramfs.list\""; } >"$B/fragment.config"
  "${K[@]}" tinyconfig >/dev/null
  (cd "$S" && ARCH=riscv scripts/kconfig/merge_config.sh -m -O "$B/obj" "$B/obj/.config" "$B/fragment.config" >/dev/null)
  "${K[@]}" olddefconfig >/dev/null
  for opt in CONFIG_VIRTIO_BLK CONFIG_SERIAL_8250_CONSOLE CONFIG_EXT2_FS CONFIG_RTC_DRV_GOLDFISH; do
    grep -q "^$opt=y" "$B/obj/.config" || { echo "linux: $opt did not stay on in the config" >&2; exit 1; }
  done
  "${K[@]}" Image
  # The disk: ext2 with one file (mke2fs -d needs no root).
  rm -rf "$B/diskroot"; mkdir -p "$B/diskroot"
  echo "hello from the virtio disk" >"$B/diskroot/hello.txt"
  rm -f "$B/disk.img"; mke2fs -q -t ext2 -d "$B/diskroot" "$B/disk.img" 4M >/dev/null
fi
[ "$what" = build ] && exit 0

IMG=$B/obj/arch/riscv/boot/Image
# boot NAME CMD...: time to the init's first line and to power-off.
boot() {
  local name=$1; shift
  cp "$B/disk.img" "$B/run.img"
  python3 - "$name" "$@" <<'PY'
import subprocess, sys, time
name, cmd = sys.argv[1], sys.argv[2:]
t0 = time.time(); t_init = None; out = b""
p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
for line in iter(p.stdout.readline, b""):
    out += line
    if t_init is None and b"init: hello" in line:
        t_init = time.time() - t0
rc = p.wait(); total = time.time() - t0
ok = b"init: /mnt/hello.txt: hello from the virtio disk" in out and b"init: powering off" in out
sys.stdout.write(f"{name:28s} exit {rc}  init after {t_init if t_init else float('nan'):.2f} s  "
                 f"power-off after {total:.2f} s  {'disk read OK' if ok else 'FAILED'}\n")
open(f"build/linux/{name}.log", "wb").write(out)
PY
}
for n in 4 1; do
  boot "rvscope-smp$n" "$R" --harts $n --bios $OS/fw_jump.elf --kernel "$IMG" \
    --append console=ttyS0 --disk "$B/run.img"
  boot "qemu-smp$n" qemu-system-riscv64 -M virt -smp $n -m 128M -nographic -bios $OS/fw_jump.elf \
    -kernel "$IMG" -append console=ttyS0 -global virtio-mmio.force-legacy=false \
    -drive file="$B/run.img",if=none,format=raw,id=x0 -device virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0
done
echo "(logs: build/linux/*.log)"
