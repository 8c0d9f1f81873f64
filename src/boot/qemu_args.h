/* QEMU's command-line spellings, so that a course's
 *   qemu-system-riscv64 -machine virt -bios none -kernel kernel -m 128M
 *       -smp 3 -nographic -drive file=fs.img,if=none,format=raw,id=x0
 *       -device virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0
 * runs with the program name replaced by rvscope. QEMU options are turned
 * into rvscope's before getopt sees them; one that rvscope does not need
 * is dropped with one line saying so, one it does not have ends the run
 * with one line and exit status 2. docs/boot.md lists them. */
#ifndef RVSCOPE_BOOT_QEMU_ARGS_H
#define RVSCOPE_BOOT_QEMU_ARGS_H

/* Returns the translated argument vector (argv itself when there is no
 * QEMU option) and sets *argc. */
char **qemu_args_translate(int argc, char **argv, int *argc_out);

#endif
