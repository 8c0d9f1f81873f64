# Guests of the GDB tests (tests/gdb/run.sh), RV32 and RV64, built against
# the runtime at -O0 -g so GDB's view of the source is exact; the bench
# guest at -O2. Included by tests/tests.mk.
GDB_OUT := $(BUILD)/guests/gdb
GDB_GUEST_CFLAGS = -ffreestanding -nostdlib -g -Wall -Iruntime/include -fno-common -fno-pic \
                   -fno-asynchronous-unwind-tables

define GDB_GUEST_RULES
$(GDB_OUT)/$(1)/gdbprog.elf: tests/gdb/guests/gdbprog.c $(call rt_lib,$(1)) runtime/linker.ld tests/gdb/build.mk
	@mkdir -p $$(@D)
	$$(GUEST_CC) $(RT_ARCH_$(1)) $$(GDB_GUEST_CFLAGS) -O0 $$(RT_LDFLAGS) -o $$@ $$< $(call rt_lib,$(1)) $$(RT_LIBGCC_$(1))
$(GDB_OUT)/$(1)/bench.elf: tests/gdb/guests/bench.c $(call rt_lib,$(1)) runtime/linker.ld tests/gdb/build.mk
	@mkdir -p $$(@D)
	$$(GUEST_CC) $(RT_ARCH_$(1)) $$(GDB_GUEST_CFLAGS) -O2 $$(RT_LDFLAGS) -o $$@ $$< $(call rt_lib,$(1)) $$(RT_LIBGCC_$(1))
$(GDB_OUT)/$(1)/timing.elf: tests/gdb/guests/timing.c $(call rt_lib,$(1)) runtime/linker.ld tests/gdb/build.mk
	@mkdir -p $$(@D)
	$$(GUEST_CC) $(RT_ARCH_$(1)) $$(GDB_GUEST_CFLAGS) -O2 $$(RT_LDFLAGS) -o $$@ $$< $(call rt_lib,$(1)) $$(RT_LIBGCC_$(1))
$(GDB_OUT)/$(1)/bench_shared.elf: tests/gdb/guests/bench.c $(call rt_lib,$(1)) runtime/linker.ld tests/gdb/build.mk
	@mkdir -p $$(@D)
	$$(GUEST_CC) $(RT_ARCH_$(1)) $$(GDB_GUEST_CFLAGS) -O2 -DSHARED $$(RT_LDFLAGS) -o $$@ $$< $(call rt_lib,$(1)) $$(RT_LIBGCC_$(1))
endef
$(foreach a,rv32 rv64,$(eval $(call GDB_GUEST_RULES,$(a))))

GDB_GUESTS := $(foreach a,rv32 rv64,$(foreach p,gdbprog bench bench_shared timing,$(GDB_OUT)/$(a)/$(p).elf))
gdb-guests: $(GDB_GUESTS)
test-guests: gdb-guests
.PHONY: gdb-guests

# libFuzzer harness of the packet parser and dispatcher, linked with the
# whole emulator (but main.c) under ASan/UBSan. tests/gdb/run.sh replays its
# saved corpus (tests/gdb/fuzz_corpus); `make fuzz-rsp` searches for new
# inputs (tests/fuzz.mk).
FUZZ_CC       ?= clang
RSP_FUZZ_SRCS := $(filter-out src/main.c,$(SRCS))
$(BUILD)/tests/fuzz_rsp: tests/gdb/fuzz_rsp.c $(RSP_FUZZ_SRCS) $(wildcard src/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -std=gnu11 -g -O1 -Isrc -w -fsanitize=fuzzer,address,undefined \
	  -fno-sanitize-recover=all -o $@ $< $(RSP_FUZZ_SRCS) $(LDLIBS)

# sessions are never freed (fuzz_rsp.c says why): no leak checking
FUZZ_TARGETS    += rsp
FUZZ_BIN_rsp    := $(BUILD)/tests/fuzz_rsp
FUZZ_CORPUS_rsp := tests/gdb/fuzz_corpus
FUZZ_OPTS_rsp   := -max_len=4096 -dict=tests/gdb/fuzz.dict
FUZZ_ENV_rsp    := ASAN_OPTIONS=detect_leaks=0

# The FP guest: rv64gc/lp64d and rv32gc/ilp32d, no runtime (see fpprog.c).
FP_ARCH_rv32 := -march=rv32gc -mabi=ilp32d
FP_ARCH_rv64 := -march=rv64gc -mabi=lp64d -mcmodel=medany
$(GDB_OUT)/%/fpprog.elf: tests/gdb/guests/fpprog.c runtime/linker.ld tests/gdb/build.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(FP_ARCH_$*) -ffreestanding -nostdlib -static -g -O1 -fno-pic -Wall \
	  -T runtime/linker.ld -Wl,--no-warn-rwx-segments -o $@ $<
gdb-guests: $(GDB_OUT)/rv32/fpprog.elf $(GDB_OUT)/rv64/fpprog.elf
