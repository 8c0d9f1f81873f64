# System-test guests (tests/system/run.sh): tests/system/*.c, each linked
# with crt.S and lib.c, for RV64 and RV32.
SYS_DIR  := tests/system
SYS_OUT  := $(BUILD)/guests/system
SYS_SRCS := $(filter-out $(SYS_DIR)/lib.c,$(wildcard $(SYS_DIR)/*.c))
SYS_DEPS := $(SYS_DIR)/crt.S $(SYS_DIR)/lib.c $(SYS_DIR)/lib.h $(SYS_DIR)/link.ld $(SYS_DIR)/build.mk
SYS_CFLAGS := -O2 -g -Wall -ffreestanding -nostdlib -nostartfiles -static -fno-pic \
              -fno-builtin -Wl,--no-relax -Wl,--no-warn-rwx-segments -T $(SYS_DIR)/link.ld
SYS_ARCH_rv64 := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
SYS_ARCH_rv32 := -march=rv32imac_zicsr_zifencei -mabi=ilp32 -mcmodel=medany
SYS_LIBGCC_rv64 = $(shell $(GUEST_CC) -march=rv64imac -mabi=lp64 -print-libgcc-file-name)
SYS_LIBGCC_rv32 = $(shell $(GUEST_CC) -march=rv32imac -mabi=ilp32 -print-libgcc-file-name)

define SYS_RULE
$(SYS_OUT)/$(1)/%.elf: $(SYS_DIR)/%.c $(SYS_DEPS)
	@mkdir -p $$(@D)
	$$(GUEST_CC) $$(SYS_ARCH_$(1)) $$(SYS_CFLAGS) -o $$@ $(SYS_DIR)/crt.S $(SYS_DIR)/lib.c $$< $$(SYS_LIBGCC_$(1))
endef
$(foreach a,rv64 rv32,$(eval $(call SYS_RULE,$(a))))

SYS_ELFS := $(foreach a,rv64 rv32,$(patsubst $(SYS_DIR)/%.c,$(SYS_OUT)/$(a)/%.elf,$(SYS_SRCS)))
system-guests: $(SYS_ELFS)
test-guests: system-guests
.PHONY: system-guests
