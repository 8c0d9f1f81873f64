# The FP test guests (tests/fp/run.sh): built for RV32 and RV64 with F and D
# (the soft-float ABI, so they link with the IMAC runtime library).
FP_OUT := $(BUILD)/guests/fp
FP_TEST_ARCH_rv32 := -march=rv32imafdc_zicsr_zifencei -mabi=ilp32
FP_TEST_ARCH_rv64 := -march=rv64imafdc_zicsr_zifencei -mabi=lp64 -mcmodel=medany
$(FP_OUT)/%/fpdiff.elf: tests/fp/fpdiff.c $(RT_OUT)/%/libam.a runtime/linker.ld tests/fp/build.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(FP_TEST_ARCH_$*) $(RT_CFLAGS) $(RT_LDFLAGS) -o $@ $< $(RT_OUT)/$*/libam.a $(RT_LIBGCC_$*)
fp-guests: $(FP_OUT)/rv32/fpdiff.elf $(FP_OUT)/rv64/fpdiff.elf
test-guests: fp-guests
.PHONY: fp-guests
