# tests/elf: guest ELFs for the loader's tests, the unit-test program
# build/tests/test_elf (src/elf/*.c built with ASan/UBSan, so a read out of
# bounds fails the test instead of passing by luck) and the libFuzzer harness.
#   make test-guests        builds all of it
#   make fuzz-elf           fuzzes the ELF loader for FUZZ_SECONDS (60) (tests/fuzz.mk)

ELFT_OUT   := $(GUEST_OUT)/elf
ELFT_G     := tests/elf/guest
ELFT_SRCS  := $(ELFT_G)/start.S $(ELFT_G)/prog.c $(ELFT_G)/other.c
ELFT_RV64  := -march=rv64imac_zicsr -mabi=lp64 -mcmodel=medany
ELFT_RV32  := -march=rv32imac_zicsr -mabi=ilp32
ELFT_LINK  := -nostdlib -nostartfiles -static
ELFT_OBJCOPY := $(GUEST_CC:%gcc=%objcopy)
ELFT_STRIP   := $(GUEST_CC:%gcc=%strip)

ELFT_GUESTS := $(addprefix $(ELFT_OUT)/,rv64.elf rv32.elf rv64-O2.elf \
	rv64-lma.elf rv64-gc.elf rv64.debug rv64-stripped.elf rv64.o rv64.bin \
	rv64-altlink.elf)

# DWARF 5 (gcc's default), DWARF 2 (what xv6 uses) and DWARF 4 at -O2, where
# line rows interleave and is_stmt matters.
$(ELFT_OUT)/rv64.elf: $(ELFT_SRCS) tests/elf/build.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(ELFT_RV64) -O0 -g $(ELFT_LINK) -Wl,-Ttext=0x80000000 -o $@ $(ELFT_SRCS)
$(ELFT_OUT)/rv32.elf: $(ELFT_SRCS) tests/elf/build.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(ELFT_RV32) -O0 -gdwarf-2 $(ELFT_LINK) -Wl,-Ttext=0x80000000 -o $@ $(ELFT_SRCS)
$(ELFT_OUT)/rv64-O2.elf: $(ELFT_SRCS) tests/elf/build.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(ELFT_RV64) -O2 -gdwarf-4 $(ELFT_LINK) -Wl,-Ttext=0x80000000 -o $@ $(ELFT_SRCS)
$(ELFT_OUT)/rv64-lma.elf: $(ELFT_SRCS) $(ELFT_G)/lma.ld tests/elf/build.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(ELFT_RV64) -O0 -g $(ELFT_LINK) -T $(ELFT_G)/lma.ld -o $@ $(ELFT_SRCS)
$(ELFT_OUT)/rv64-gc.elf: $(ELFT_SRCS) tests/elf/build.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(ELFT_RV64) -O0 -g -ffunction-sections $(ELFT_LINK) -Wl,--gc-sections \
		-Wl,-Ttext=0x80000000 -o $@ $(ELFT_SRCS)
$(ELFT_OUT)/rv64.debug: $(ELFT_OUT)/rv64.elf
	$(ELFT_OBJCOPY) --only-keep-debug $< $@
$(ELFT_OUT)/rv64-stripped.elf: $(ELFT_OUT)/rv64.elf
	$(ELFT_STRIP) -s -o $@ $<
$(ELFT_OUT)/rv64.o: $(ELFT_G)/prog.c tests/elf/build.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(ELFT_RV64) -O0 -g -c -o $@ $<
$(ELFT_OUT)/rv64.bin: $(ELFT_OUT)/rv64.elf
	$(ELFT_OBJCOPY) -O binary $< $@
# DWARF that points at an external dwz file (here a FIFO-able path): the
# loader must not follow it
$(ELFT_OUT)/rv64-altlink.elf: $(ELFT_OUT)/rv64.elf
	printf '/tmp/rvscope-no-such-alt.debug\0aaaaaaaaaaaaaaaaaaaa' >$@.link
	$(ELFT_OBJCOPY) --add-section .gnu_debugaltlink=$@.link $< $@
	rm -f $@.link

ELFT_LIB   := $(sort $(wildcard src/elf/*.c))
ELFT_HDRS  := $(wildcard src/elf/*.h)
ELFT_SAN   ?= -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
TEST_ELF   := $(BUILD)/tests/test_elf

$(TEST_ELF): tests/elf/test_elf.c $(ELFT_LIB) $(ELFT_HDRS) tests/elf/build.mk
	@mkdir -p $(@D)
	$(CC) -std=gnu11 -Wall -Wextra -Werror -Isrc -O1 -g $(ELFT_SAN) -o $@ \
		tests/elf/test_elf.c $(ELFT_LIB) -lelf -ldw

test-guests: $(ELFT_GUESTS) $(TEST_ELF)

# The libFuzzer harness.  tests/elf/run.sh replays its saved corpus
# (tests/elf/fuzz_corpus); `make fuzz-elf` searches for new inputs
# (tests/fuzz.mk), seeded with the test ELFs.
FUZZ_CC      ?= clang
FUZZ_ELF     := $(BUILD)/tests/fuzz_elf

$(FUZZ_ELF): tests/elf/fuzz_elf.c $(ELFT_LIB) $(ELFT_HDRS) tests/elf/build.mk
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=gnu11 -Wall -Wextra -Werror -Isrc -O1 -g \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -o $@ \
		tests/elf/fuzz_elf.c $(ELFT_LIB) -lelf -ldw

FUZZ_TARGETS      += elf
FUZZ_BIN_elf      := $(FUZZ_ELF)
FUZZ_CORPUS_elf   := tests/elf/fuzz_corpus
FUZZ_SEEDS_elf    := $(ELFT_GUESTS)
