# Guests of tests/boot: the S-mode SBI kernel (ELF and raw), the M-mode
# PMP and reboot guests (RV64), the reset-state check (RV64 and RV32).
BOOT_DIR := tests/boot
GUEST_OBJCOPY ?= riscv64-unknown-elf-objcopy
BOOT_OUT := $(BUILD)/guests/boot
BOOT_CFLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany -O2 -g -Wall \
               -ffreestanding -nostdlib -nostartfiles -static -fno-pic -fno-builtin \
               -Wl,--no-warn-rwx-segments

$(BOOT_OUT)/sbi_kernel.elf: $(BOOT_DIR)/kcrt.S $(BOOT_DIR)/sbi_kernel.c $(BOOT_DIR)/kernel.ld $(BOOT_DIR)/build.mk $(BOOT_DIR)/finish.h
	@mkdir -p $(@D)
	$(GUEST_CC) $(BOOT_CFLAGS) -T $(BOOT_DIR)/kernel.ld -o $@ $(BOOT_DIR)/kcrt.S $(BOOT_DIR)/sbi_kernel.c
$(BOOT_OUT)/sbi_kernel.bin: $(BOOT_OUT)/sbi_kernel.elf
	$(GUEST_OBJCOPY) -O binary $< $@
$(BOOT_OUT)/%.elf: $(BOOT_DIR)/%.S $(BOOT_DIR)/mlink.ld $(BOOT_DIR)/build.mk $(BOOT_DIR)/finish.h
	@mkdir -p $(@D)
	$(GUEST_CC) $(BOOT_CFLAGS) -T $(BOOT_DIR)/mlink.ld -o $@ $<

$(BOOT_OUT)/rv32/%.elf: $(BOOT_DIR)/%.S $(BOOT_DIR)/mlink.ld $(BOOT_DIR)/build.mk $(BOOT_DIR)/finish.h
	@mkdir -p $(@D)
	$(GUEST_CC) $(subst rv64imac,rv32imac,$(subst lp64,ilp32,$(BOOT_CFLAGS))) -T $(BOOT_DIR)/mlink.ld -o $@ $<

# rtc.c uses tests/system's start-up code and library (SYS_* from its build.mk).
$(BOOT_OUT)/rtc.elf: $(BOOT_DIR)/rtc.c tests/system/crt.S tests/system/lib.c tests/system/lib.h \
                     tests/system/link.ld $(BOOT_DIR)/build.mk $(BOOT_DIR)/finish.h
	@mkdir -p $(@D)
	$(GUEST_CC) $(SYS_ARCH_rv64) $(SYS_CFLAGS) -Itests/system -o $@ tests/system/crt.S tests/system/lib.c $< $(SYS_LIBGCC_rv64)

boot-guests: $(BOOT_OUT)/rtc.elf $(BOOT_OUT)/sbi_kernel.elf $(BOOT_OUT)/sbi_kernel.bin $(BOOT_OUT)/pmp.elf $(BOOT_OUT)/reboot.elf \
             $(BOOT_OUT)/romcheck.elf $(BOOT_OUT)/rv32/romcheck.elf
test-guests: boot-guests
.PHONY: boot-guests
