# rvos (os/os.mk) is the guest of tests/os: the combined image, the
# firmware and kernel on their own, and the user programs.
test-guests: $(BUILD)/os/os.elf $(BUILD)/os/sbi.elf $(BUILD)/os/kernel.elf

# sbitest: the firmware's SBI calls checked from S mode (tests/os/sbitest/),
# linked with the firmware's objects in place of the kernel.
$(BUILD)/os/sbitest.elf: tests/os/sbitest/sbitest.c tests/os/sbitest/entry.S tests/os/sbitest/link.ld \
                         $(BUILD)/os/sbi.elf os/sbi/sections.ld tests/os/build.mk
	$(OS_CC) $(OS_KFLAGS) $(OS_LDFLAGS) -T tests/os/sbitest/link.ld -o $@ $(OS_SBI) \
	  tests/os/sbitest/entry.S tests/os/sbitest/sbitest.c $(OS_LIBGCC_K)
test-guests: $(BUILD)/os/sbitest.elf
