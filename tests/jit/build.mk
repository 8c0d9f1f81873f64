# rvscope JIT tests: every tests/jit/*.S (but lib.S) for RV32 and RV64,
# linked with the ISA harness (tests/isa/harness.S, common.h, print.h,
# link.ld) and tests/jit/lib.S. Included from tests/tests.mk, which sets
# GUEST_CC and BUILD.
JIT_DIR   := tests/jit
JIT_ISA   := tests/isa
JIT_OUT   := $(BUILD)/guests/jit
JIT_DEPS  := $(JIT_ISA)/common.h $(JIT_ISA)/print.h $(JIT_ISA)/harness.S $(JIT_ISA)/link.ld \
             $(JIT_DIR)/jit.h $(JIT_DIR)/lib.S $(JIT_DIR)/build.mk
JIT_TESTS := $(filter-out lib,$(basename $(notdir $(wildcard $(JIT_DIR)/*.S))))
JIT_ELFS  := $(JIT_TESTS:%=$(JIT_OUT)/rv32/%.elf) $(JIT_TESTS:%=$(JIT_OUT)/rv64/%.elf)
JIT_CFLAGS := -nostdlib -nostartfiles -static -mno-relax -I$(JIT_ISA) -I$(JIT_DIR) \
              -T $(JIT_ISA)/link.ld -Wl,--no-warn-rwx-segments

$(JIT_OUT)/rv32/%.elf: $(JIT_DIR)/%.S $(JIT_DEPS)
	@mkdir -p $(dir $@)
	$(GUEST_CC) -march=rv32imac_zicsr_zifencei -mabi=ilp32 $(JIT_CFLAGS) \
	  -o $@ $(JIT_ISA)/harness.S $(JIT_DIR)/lib.S $<

$(JIT_OUT)/rv64/%.elf: $(JIT_DIR)/%.S $(JIT_DEPS)
	@mkdir -p $(dir $@)
	$(GUEST_CC) -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany \
	  $(JIT_CFLAGS) -o $@ $(JIT_ISA)/harness.S $(JIT_DIR)/lib.S $<

jit-guests: $(JIT_ELFS)
test-guests: jit-guests
.PHONY: jit-guests

# Random programs (random_gen.py SEED XLEN), for the differential check in
# run.sh: compiled, interpreted and QEMU must print the same registers.
JIT_SEEDS := 1 2 3 4 5 6
JIT_RAND  := $(foreach s,$(JIT_SEEDS),$(JIT_OUT)/rand/rv32-$(s).elf $(JIT_OUT)/rand/rv64-$(s).elf)
JIT_RAND_FLAGS := -nostdlib -nostartfiles -static -T tests/cli/link.ld -Wl,--no-warn-rwx-segments
$(JIT_OUT)/rand/rv%.S: $(JIT_DIR)/random_gen.py
	@mkdir -p $(dir $@)
	python3 $< $(lastword $(subst -, ,$*)) $(firstword $(subst -, ,$*)) >$@
$(JIT_OUT)/rand/rv32-%.elf: $(JIT_OUT)/rand/rv32-%.S tests/cli/link.ld
	$(GUEST_CC) -march=rv32imac -mabi=ilp32 $(JIT_RAND_FLAGS) -o $@ $<
$(JIT_OUT)/rand/rv64-%.elf: $(JIT_OUT)/rand/rv64-%.S tests/cli/link.ld
	$(GUEST_CC) -march=rv64imac -mabi=lp64 -mcmodel=medany $(JIT_RAND_FLAGS) -o $@ $<
jit-guests: $(JIT_RAND)
.SECONDARY: $(JIT_RAND:.elf=.S)
