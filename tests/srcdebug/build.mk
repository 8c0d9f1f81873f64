# Guests of the source-level debugging tests (tests/srcdebug/run.sh): one C
# program built at -O0 and -O2, for RV32 and RV64.
SRCDBG_OUT := $(BUILD)/guests/srcdebug
SRCDBG_ELFS := $(foreach a,rv32 rv64,$(foreach o,O0 O2,$(SRCDBG_OUT)/procs-$(a)-$(o).elf))
$(SRCDBG_OUT)/procs-%.elf: tests/srcdebug/guests/procs.c $(RT_HDRS) runtime/linker.ld \
    $(call rt_lib,rv32) $(call rt_lib,rv64)
	@mkdir -p $(@D)
	$(eval a := $(word 1,$(subst -, ,$*)))
	$(eval o := $(word 2,$(subst -, ,$*)))
	$(GUEST_CC) $(RT_ARCH_$(a)) $(RT_CFLAGS) -$(o) $(RT_LDFLAGS) -o $@ $< $(call rt_lib,$(a)) $(RT_LIBGCC_$(a))
srcdebug-guests: $(SRCDBG_ELFS)
test-guests: srcdebug-guests
.PHONY: srcdebug-guests

# The DWARF module's queries, linked alone (tests/srcdebug/dinfo_query.c).
$(BUILD)/tests/dinfo_query: tests/srcdebug/dinfo_query.c $(filter $(BUILD)/src/dwarf/%,$(OBJS))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)
srcdebug-guests: $(BUILD)/tests/dinfo_query
