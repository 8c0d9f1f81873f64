# Guests of the monitor tests (tests/monitor/run.sh): small RV32 assembly
# programs linked like the cli ones, and C guests on the runtime.
MON_OUT    := $(BUILD)/guests/monitor
MON_ASM    := $(patsubst tests/monitor/guests/%.S,$(MON_OUT)/%.elf,$(wildcard tests/monitor/guests/*.S))
MON_FLAGS  := -march=rv32imac_zicsr -mabi=ilp32 -nostdlib -nostartfiles -static -g -Wl,--no-warn-rwx-segments
$(MON_OUT)/%.elf: tests/monitor/guests/%.S tests/cli/link.ld
	@mkdir -p $(@D)
	$(GUEST_CC) $(MON_FLAGS) -T tests/cli/link.ld -o $@ $<
MON_C      := tests/monitor/guests/mon_count.c tests/monitor/guests/spin.c
$(foreach s,$(MON_C),$(foreach a,rv32 rv64,$(eval $(call GUEST_RULE,$(a),$(s)))))
monitor-guests: $(MON_ASM) $(foreach s,$(MON_C),$(foreach a,rv32 rv64,$(call guest_elf,$(a),$(s))))
test-guests: monitor-guests
.PHONY: monitor-guests
