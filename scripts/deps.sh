#!/usr/bin/env bash
# Installs the Debian packages rvscope's build, demo and tests need.
# Run as root it installs what is missing; otherwise it names what to install.
set -eu
pkgs=(build-essential make pkg-config python3
      libelf-dev libdw-dev libreadline-dev
      gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf
      qemu-system-misc gdb-multiarch clang libclang-rt-14-dev time
      opensbi u-boot-qemu libfdt-dev device-tree-compiler openocd)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  echo "deps: missing Debian packages: ${missing[*]}" >&2
  echo "deps: install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
