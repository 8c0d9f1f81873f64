# rvos (os/os.mk) is the guest of tests/os: the combined image, the
# firmware and kernel on their own, and the user programs.
test-guests: $(BUILD)/os/os.elf $(BUILD)/os/sbi.elf $(BUILD)/os/kernel.elf
