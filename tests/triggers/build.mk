# rvscope trigger-module (Sdtrig) guest tests: every tests/triggers/*.S but
# the harness, for RV32 and RV64, into build/guests/triggers/rv32|rv64/.
# regs.S is also built for other trigger counts (regs_nN.elf, run with
# --triggers N by tests/triggers/run.sh). Included from tests/tests.mk.
TRIG_DIR   := tests/triggers
TRIG_OUT   := $(BUILD)/guests/triggers
TRIG_DEPS  := $(TRIG_DIR)/trig.h $(TRIG_DIR)/harness.S tests/isa/common.h tests/isa/print.h \
              tests/isa/link.ld $(TRIG_DIR)/build.mk
TRIG_TESTS := $(filter-out harness,$(basename $(notdir $(wildcard $(TRIG_DIR)/*.S))))
TRIG_NVARIANTS := 0 2 16
TRIG_NAMES := $(TRIG_TESTS) $(TRIG_NVARIANTS:%=regs_n%)
# Tests of RV64-only fields (mcontrol.sizehi).
TRIG_RV64_ONLY := mctl_size_rsvd
TRIG_ELFS  := $(TRIG_NAMES:%=$(TRIG_OUT)/rv64/%.elf) \
              $(filter-out $(TRIG_RV64_ONLY:%=$(TRIG_OUT)/rv32/%.elf),$(TRIG_NAMES:%=$(TRIG_OUT)/rv32/%.elf))
TRIG_CFLAGS := -nostdlib -nostartfiles -static -mno-relax -I$(TRIG_DIR) -Itests/isa \
               -T tests/isa/link.ld -Wl,--no-warn-rwx-segments
TRIG_RV32  := -march=rv32imac_zicsr_zifencei -mabi=ilp32
TRIG_RV64  := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany

$(TRIG_OUT)/rv32/%.elf: $(TRIG_DIR)/%.S $(TRIG_DEPS)
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(TRIG_RV32) $(TRIG_CFLAGS) -o $@ $(TRIG_DIR)/harness.S $<

$(TRIG_OUT)/rv64/%.elf: $(TRIG_DIR)/%.S $(TRIG_DEPS)
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(TRIG_RV64) $(TRIG_CFLAGS) -o $@ $(TRIG_DIR)/harness.S $<

$(TRIG_OUT)/rv32/regs_n%.elf: $(TRIG_DIR)/regs.S $(TRIG_DEPS)
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(TRIG_RV32) $(TRIG_CFLAGS) -DNTRIG=$* -o $@ $(TRIG_DIR)/harness.S $<

$(TRIG_OUT)/rv64/regs_n%.elf: $(TRIG_DIR)/regs.S $(TRIG_DEPS)
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(TRIG_RV64) $(TRIG_CFLAGS) -DNTRIG=$* -o $@ $(TRIG_DIR)/harness.S $<

# Variants that #include another test's source.
$(foreach x,rv32 rv64,$(TRIG_OUT)/$(x)/act8_mie0.elf $(TRIG_OUT)/$(x)/act8_umode.elf): \
  $(TRIG_DIR)/act8_store.S

trigger-guests: $(TRIG_ELFS)
test-guests: trigger-guests

.PHONY: trigger-guests
