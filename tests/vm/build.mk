# Page-walk test guest for RV32 (Sv32) and RV64 (Sv39), on the runtime.
$(foreach a,rv32 rv64,$(eval $(call GUEST_RULE,$(a),tests/vm/vm.c)))
test-guests: $(GUEST_OUT)/rv32/vm.elf $(GUEST_OUT)/rv64/vm.elf
