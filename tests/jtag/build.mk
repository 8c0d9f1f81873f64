# Guest of the JTAG tests (tests/jtag/run.sh): the debugger tests' counting
# harts (tests/debugger/harts.c) built without the C extension, because
# OpenOCD 0.12 finds which watchpoint hit by decoding the load or store at
# dpc and knows only the 32-bit encodings (docs/jtag.md). Linked as the
# system-test guests (tests/system/build.mk, used lazily in the recipe).
JTAG_OUT := $(BUILD)/guests/jtag
define JTAG_RULE
$(JTAG_OUT)/$(1)/harts.elf: tests/debugger/harts.c tests/system/crt.S tests/system/lib.c \
                            tests/system/link.ld tests/jtag/build.mk
	@mkdir -p $$(@D)
	$$(GUEST_CC) $$(subst imac_,ima_,$$(SYS_ARCH_$(1))) $$(filter-out -O2,$$(SYS_CFLAGS)) -O0 -o $$@ \
	  tests/system/crt.S tests/system/lib.c $$< $$(SYS_LIBGCC_$(1))
endef
$(foreach a,rv64 rv32,$(eval $(call JTAG_RULE,$(a))))

jtag-guests: $(foreach a,rv64 rv32,$(JTAG_OUT)/$(a)/harts.elf)
test-guests: jtag-guests
.PHONY: jtag-guests

# libFuzzer harness of the TAP, DTM and Debug Module, linked with the whole
# emulator (but main.c) under ASan/UBSan. tests/jtag/run.sh replays its
# saved corpus (tests/jtag/fuzz_corpus); `make fuzz-jtag` searches for new
# inputs (tests/fuzz.mk).
JTAG_FUZZ_SRCS := $(filter-out src/main.c,$(SRCS))
$(BUILD)/tests/fuzz_jtag: tests/jtag/fuzz_jtag.c $(JTAG_FUZZ_SRCS) $(wildcard src/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -std=gnu11 -g -O1 -Isrc -w -fsanitize=fuzzer,address,undefined \
	  -fno-sanitize-recover=all -o $@ $< $(JTAG_FUZZ_SRCS) $(LDLIBS)

FUZZ_TARGETS     += jtag
FUZZ_BIN_jtag    := $(BUILD)/tests/fuzz_jtag
FUZZ_CORPUS_jtag := tests/jtag/fuzz_corpus
FUZZ_OPTS_jtag   := -max_len=8192 -dict=tests/jtag/fuzz.dict
FUZZ_ENV_jtag    := ASAN_OPTIONS=detect_leaks=0
