# Guests and unit tests of the debugger-layer tests (tests/debugger/run.sh).
# The guest is linked like the system-test guests (crt.S, lib.c, link.ld
# of tests/system), at -O0 -g so GDB sees every variable in memory.
# (tests/system/build.mk is included after this file: its variables are
# used lazily, inside the recipe.)
DBGT_OUT := $(BUILD)/guests/debugger
define DBGT_RULE
$(DBGT_OUT)/$(1)/harts.elf: tests/debugger/harts.c tests/system/crt.S tests/system/lib.c \
                            tests/system/link.ld tests/debugger/build.mk
	@mkdir -p $$(@D)
	$$(GUEST_CC) $$(SYS_ARCH_$(1)) $$(filter-out -O2,$$(SYS_CFLAGS)) -O0 -o $$@ tests/system/crt.S \
	  tests/system/lib.c $$< $$(SYS_LIBGCC_$(1))
endef
$(foreach a,rv64 rv32,$(eval $(call DBGT_RULE,$(a))))

# Two machines in one process: the emulator's objects but main.o, linked
# with a small driver.
$(BUILD)/tests/two_machines: tests/debugger/two_machines.c $(filter-out $(BUILD)/src/main.o,$(OBJS))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

debugger-guests: $(foreach a,rv64 rv32,$(DBGT_OUT)/$(a)/harts.elf) $(BUILD)/tests/two_machines
test-guests: debugger-guests
.PHONY: debugger-guests
