# rvscope ISA tests: every tests/isa/*.S (but the harness) for RV32 and RV64.
# Included from tests/tests.mk, which sets GUEST_CC, GUEST_OBJDUMP and BUILD.
ISA_DIR   := tests/isa
ISA_OUT   := $(BUILD)/guests/isa
ISA_DEPS  := $(ISA_DIR)/common.h $(ISA_DIR)/print.h $(ISA_DIR)/harness.S $(ISA_DIR)/link.ld \
             $(ISA_DIR)/build.mk
ISA_TESTS := $(filter-out harness,$(basename $(notdir $(wildcard $(ISA_DIR)/*.S))))
# Tests of RV64-only instructions (W ops); nothing is RV32-only as a file.
ISA_RV64_ONLY := alu_w
ISA_ELFS  := $(ISA_TESTS:%=$(ISA_OUT)/rv64/%.elf) \
             $(filter-out $(ISA_RV64_ONLY:%=$(ISA_OUT)/rv32/%.elf),$(ISA_TESTS:%=$(ISA_OUT)/rv32/%.elf))
ISA_CFLAGS := -nostdlib -nostartfiles -static -mno-relax -I$(ISA_DIR) \
              -T $(ISA_DIR)/link.ld -Wl,--no-warn-rwx-segments

$(ISA_OUT)/rv32/%.elf: $(ISA_DIR)/%.S $(ISA_DEPS)
	@mkdir -p $(dir $@)
	$(GUEST_CC) -march=rv32imac_zicsr_zifencei -mabi=ilp32 $(ISA_CFLAGS) \
	  -o $@ $(ISA_DIR)/harness.S $<

$(ISA_OUT)/rv64/%.elf: $(ISA_DIR)/%.S $(ISA_DEPS)
	@mkdir -p $(dir $@)
	$(GUEST_CC) -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany \
	  $(ISA_CFLAGS) -o $@ $(ISA_DIR)/harness.S $<

isa-guests: $(ISA_ELFS)
test-guests: isa-guests

# Every listed mnemonic, broken on purpose, must make a test fail.
isa-mutation: isa-guests $(BUILD)/rvscope
	@bash $(ISA_DIR)/mutation.sh

# The same tests on QEMU (the reference), compared with rvscope if built.
isa-qemu: isa-guests
	@bash $(ISA_DIR)/qemu.sh

.PHONY: isa-guests isa-mutation isa-qemu
