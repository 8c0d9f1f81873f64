# Small RV32 guests for the command-line tests (tests/cli/run.sh).
CLI_OUT := $(BUILD)/guests/cli
CLI_GUESTS := $(patsubst tests/cli/guests/%.S,$(CLI_OUT)/%.elf,$(filter-out tests/cli/guests/outside.S,$(wildcard tests/cli/guests/*.S)))
CLI_FLAGS := -march=rv32imac_zicsr -mabi=ilp32 -nostdlib -nostartfiles -static -Wl,--no-warn-rwx-segments
$(CLI_OUT)/%.elf: tests/cli/guests/%.S tests/cli/link.ld
	@mkdir -p $(@D)
	$(GUEST_CC) $(CLI_FLAGS) -T tests/cli/link.ld -o $@ $<
$(CLI_OUT)/outside.elf: tests/cli/guests/outside.S tests/cli/link.ld
	@mkdir -p $(@D)
	$(GUEST_CC) $(CLI_FLAGS) -Wl,--defsym=ORIGIN_ADDR=0x1000 -T tests/cli/link.ld -o $@ $<
$(CLI_OUT)/failcode.bin: $(CLI_OUT)/failcode.elf
	riscv64-unknown-elf-objcopy -O binary $< $@
cli-guests: $(CLI_GUESTS) $(CLI_OUT)/outside.elf $(CLI_OUT)/failcode.bin
test-guests: cli-guests
.PHONY: cli-guests
