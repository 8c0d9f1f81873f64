# os/os.mk — rvos, the teaching kernel (included by the top-level Makefile).
#
#   make os            build/os/os.elf (firmware + kernel, one image), and
#                      build/os/sbi.elf, build/os/kernel.elf, build/os/user/*.elf
#   make run-os        boot it on rvscope        (HARTS=N, default 1)
#   make run-os-qemu   boot it on QEMU virt      (HARTS=N)
#
# Every ELF keeps full debug info (-g) for the monitor and GDB.

OS_CC   ?= riscv64-unknown-elf-gcc
OS_NM   ?= riscv64-unknown-elf-nm
OS_OUT  := $(BUILD)/os
HARTS   ?= 1
OS_COMMON := -mabi=lp64 -mcmodel=medany -ffreestanding -fno-common -nostdlib -fno-builtin \
             -fno-pie -O2 -g -Wall -Wextra -Werror -fno-tree-loop-distribute-patterns \
             -fno-asynchronous-unwind-tables
OS_KFLAGS := -march=rv64imac_zicsr_zifencei $(OS_COMMON)
# User programs have no compressed instructions: every instruction is four
# bytes, so the kernel knows a store that fired a trigger "after" it is the
# instruction four bytes before sepc (kernel/watch.c).
OS_UFLAGS := -march=rv64im_zicsr_zifencei $(OS_COMMON)
OS_LDFLAGS := -nostdlib -static -no-pie -Wl,--no-warn-rwx-segments -Wl,--build-id=none
OS_LIBGCC_K = $(shell $(OS_CC) -march=rv64imac -mabi=lp64 -print-libgcc-file-name)
OS_LIBGCC_U = $(shell $(OS_CC) -march=rv64im -mabi=lp64 -print-libgcc-file-name)

OS_HDRS   := $(wildcard os/include/*.h) os/os.mk
OS_SBI    := $(patsubst os/sbi/%,$(OS_OUT)/sbi/%.o,$(wildcard os/sbi/*.c os/sbi/*.S))
OS_KERNEL := $(patsubst os/kernel/%,$(OS_OUT)/kernel/%.o,$(wildcard os/kernel/*.c os/kernel/*.S))
OS_PROGS  := init sh echo spin counter fault ndb kill ps sleep dbgtest
OS_UELFS  := $(OS_PROGS:%=$(OS_OUT)/user/%.elf)
OS_ULIB   := $(OS_OUT)/user/start.S.o $(OS_OUT)/user/usys.S.o $(OS_OUT)/user/ulib.c.o

$(OS_OUT)/sbi/%.o: os/sbi/% $(OS_HDRS) os/sbi/fw.h
	@mkdir -p $(@D)
	$(OS_CC) $(OS_KFLAGS) -c -o $@ $<
$(OS_OUT)/kernel/%.o: os/kernel/% $(OS_HDRS) $(wildcard os/kernel/*.h)
	@mkdir -p $(@D)
	$(OS_CC) $(OS_KFLAGS) -c -o $@ $<
# the programs are inside the kernel image
$(OS_OUT)/kernel/programs.S.o: $(OS_UELFS)
$(OS_OUT)/kernel/programs.S.o: OS_KFLAGS += -I$(OS_OUT)/user

$(OS_OUT)/user/%.o: os/user/% $(OS_HDRS) os/user/user.h os/user/symtab.h
	@mkdir -p $(@D)
	$(OS_CC) $(OS_UFLAGS) -c -o $@ $<
$(OS_OUT)/user/%.elf: $(OS_OUT)/user/%.c.o $(OS_ULIB) os/user/link.ld
	$(OS_CC) $(OS_UFLAGS) $(OS_LDFLAGS) -T os/user/link.ld -o $@ $< $(OS_ULIB) $(OS_LIBGCC_U)
# ndb carries the other programs' symbols
$(OS_OUT)/user/symtab.c: os/mksymtab.sh $(filter-out %/ndb.elf,$(OS_UELFS))
	sh os/mksymtab.sh $(OS_NM) $(filter-out %/ndb.elf,$(OS_UELFS)) > $@
$(OS_OUT)/user/symtab.o: $(OS_OUT)/user/symtab.c os/user/symtab.h
	$(OS_CC) $(OS_UFLAGS) -Ios/user -c -o $@ $<
$(OS_OUT)/user/ndb.elf: $(OS_OUT)/user/ndb.c.o $(OS_OUT)/user/symtab.o $(OS_ULIB) os/user/link.ld
	$(OS_CC) $(OS_UFLAGS) $(OS_LDFLAGS) -T os/user/link.ld -o $@ $< $(OS_OUT)/user/symtab.o $(OS_ULIB) $(OS_LIBGCC_U)

$(OS_OUT)/sbi.elf: $(OS_SBI) os/sbi/sbi.ld os/sbi/sections.ld
	$(OS_CC) $(OS_KFLAGS) $(OS_LDFLAGS) -T os/sbi/sbi.ld -o $@ $(OS_SBI) $(OS_LIBGCC_K)
$(OS_OUT)/kernel.elf: $(OS_KERNEL) os/kernel/kernel.ld os/kernel/sections.ld
	$(OS_CC) $(OS_KFLAGS) $(OS_LDFLAGS) -T os/kernel/kernel.ld -o $@ $(OS_KERNEL) $(OS_LIBGCC_K)
$(OS_OUT)/os.elf: $(OS_SBI) $(OS_KERNEL) os/os.ld os/sbi/sections.ld os/kernel/sections.ld
	$(OS_CC) $(OS_KFLAGS) $(OS_LDFLAGS) -T os/os.ld -o $@ $(OS_SBI) $(OS_KERNEL) $(OS_LIBGCC_K)

os: $(OS_OUT)/os.elf $(OS_OUT)/sbi.elf $(OS_OUT)/kernel.elf

run-os: all os
	$(BUILD)/rvscope --harts $(HARTS) $(OS_OUT)/os.elf

run-os-qemu: os
	qemu-system-riscv64 -M virt -bios none -nographic -smp $(HARTS) -kernel $(OS_OUT)/os.elf

.PHONY: os run-os run-os-qemu
.SECONDARY: $(OS_SBI) $(OS_KERNEL) $(OS_OUT)/user/symtab.c $(OS_PROGS:%=$(OS_OUT)/user/%.c.o)

# Boot-to-prompt time on rvscope and QEMU (wall clock, so not in make test).
bench-os: all os
	python3 os/boottime.py 7 1
	python3 os/boottime.py 7 4
.PHONY: bench-os
