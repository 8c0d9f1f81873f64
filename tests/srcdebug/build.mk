# Guests of the source-level debugging tests (tests/srcdebug/run.sh): one C
# program built at -O0 and -O2, for RV32 and RV64.
SRCDBG_OUT := $(BUILD)/guests/srcdebug
SRCDBG_ELFS := $(foreach a,rv32 rv64,$(foreach o,O0 O2,$(SRCDBG_OUT)/procs-$(a)-$(o).elf))
# -O0 or -O2 after the runtime's flags (its -O2) decides
define SRCDBG_RULE
$(SRCDBG_OUT)/procs-$(1)-$(2).elf: tests/srcdebug/guests/procs.c $(RT_HDRS) runtime/linker.ld $(call rt_lib,$(1))
	@mkdir -p $$(@D)
	$$(GUEST_CC) $(RT_ARCH_$(1)) $$(RT_CFLAGS) -$(2) $$(RT_LDFLAGS) -o $$@ $$< $(call rt_lib,$(1)) $$(RT_LIBGCC_$(1))
endef
$(foreach a,rv32 rv64,$(foreach o,O0 O2,$(eval $(call SRCDBG_RULE,$(a),$(o)))))
# DWARF 2 (as xv6 builds its kernel): member offsets are expressions
$(SRCDBG_OUT)/procs-rv64-O0-dwarf2.elf: tests/srcdebug/guests/procs.c $(RT_HDRS) runtime/linker.ld $(call rt_lib,rv64)
	@mkdir -p $(@D)
	$(GUEST_CC) $(RT_ARCH_rv64) $(RT_CFLAGS) -O0 -gdwarf-2 $(RT_LDFLAGS) -o $@ $< $(call rt_lib,rv64) $(RT_LIBGCC_rv64)
srcdebug-guests: $(SRCDBG_ELFS) $(SRCDBG_OUT)/procs-rv64-O0-dwarf2.elf
test-guests: srcdebug-guests
.PHONY: srcdebug-guests

# The DWARF module's queries, linked alone (tests/srcdebug/dinfo_query.c).
$(BUILD)/tests/dinfo_query: tests/srcdebug/dinfo_query.c $(filter $(BUILD)/src/dwarf/%,$(OBJS))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)
srcdebug-guests: $(BUILD)/tests/dinfo_query
