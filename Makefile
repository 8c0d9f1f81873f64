# rvscope — build, test, demo, bench.
#   make          build build/rvscope
#   make demo     build and run the bundled demo guest
#   make test     install what is missing (as root), build, run every test group
#   make bench    performance against QEMU (see bench/)
#   make linux    build a small Linux 6.1 and boot it on rvscope and QEMU (long; scripts/linux.sh)

CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=gnu11 -Wall -Wextra -Werror -Isrc -MMD -MP
LDLIBS  += -lelf -ldw -lreadline -lfdt -lm
BUILD   := build

SRCS := $(sort $(wildcard src/*.c src/*/*.c))
OBJS := $(SRCS:%.c=$(BUILD)/%.o)

all: $(BUILD)/rvscope

$(BUILD)/rvscope: $(OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# The FP core changes rounding modes and reads exception flags (docs/fp.md).
$(BUILD)/src/core/fp.o: CFLAGS += -frounding-math -fsignaling-nans

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

deps:
	@bash scripts/deps.sh

# Guest programs (runtime/, tests/, demo/) are built by runtime/guest.mk.
-include runtime/guest.mk
-include tests/tests.mk
-include bench/bench.mk
-include os/os.mk

test: deps
	@$(MAKE) --no-print-directory all test-guests
	@bash tests/run.sh

demo: deps
	@$(MAKE) --no-print-directory all demo-guest $(BUILD)/guests/rv32/seed_task2.elf os
	@bash scripts/demo.sh

# Not part of make test: building the kernel takes long (docs/boot.md).
linux: all
	@bash scripts/linux.sh

clean:
	rm -rf $(BUILD)

.PHONY: all deps test demo clean linux
-include $(OBJS:.o=.d)
