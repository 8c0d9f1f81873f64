# Each test group may have tests/<group>/build.mk, which adds the guests it
# needs as prerequisites of test-guests (e.g. "test-guests: isa-guests").
GUEST_CC      ?= riscv64-unknown-elf-gcc
GUEST_OBJDUMP ?= riscv64-unknown-elf-objdump
GUEST_OUT     := $(BUILD)/guests
test-guests:
demo-guest:
.PHONY: test-guests demo-guest
-include $(wildcard tests/*/build.mk)
# after the groups: it makes rules for the fuzz targets they declare
include tests/fuzz.mk
