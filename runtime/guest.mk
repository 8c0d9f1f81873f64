# runtime/guest.mk — builds bare-metal guests against runtime/ (included by
# the top-level Makefile, from the repository root).
#
#   make guest SRC=path/to/prog.c ARCH=rv32   -> build/guests/rv32/prog.elf
#   make guest SRC="main.c list.c asm.S" ARCH=rv64 CFLAGS="-O0 -DDEBUG"
#                                             -> build/guests/rv64/main.elf
#   make test-guests                          every guest the tests need
#   make demo-guest                           build/guests/rv32/watch_demo.elf
#
# A guest is its sources (C or assembly; the ELF is named after the first)
# plus the runtime library (libam.a) and libgcc. CFLAGS given on make's
# command line (or GUEST_CFLAGS) come after the runtime's own flags, so
# -O0 or -Og replaces its -O2; they do not reach the runtime library.

GUEST_CC ?= riscv64-unknown-elf-gcc
GUEST_AR ?= $(GUEST_CC:gcc=ar)
BUILD    ?= build
RT_OUT   := $(BUILD)/guests
ARCH     ?= rv32

RT_ARCH_rv32 := -march=rv32imac_zicsr -mabi=ilp32
RT_ARCH_rv64 := -march=rv64imac_zicsr -mabi=lp64 -mcmodel=medany
# GCC's multilib matching does not know "_zicsr", so ask for libgcc with the
# plain ISA name (otherwise it hands out the rv64imafdc one).  Lazy (=) so
# the compiler is only run when a guest is really linked.
RT_LIBGCC_rv32 = $(shell $(GUEST_CC) -march=rv32imac -mabi=ilp32 -print-libgcc-file-name)
RT_LIBGCC_rv64 = $(shell $(GUEST_CC) -march=rv64imac -mabi=lp64 -print-libgcc-file-name)

RT_CFLAGS := -ffreestanding -nostdlib -O2 -g -Wall -Iruntime/include \
             -fno-common -fno-pic -fno-asynchronous-unwind-tables
# The runtime implements memset/memcpy itself: keep GCC from recognising
# their loops and calling them recursively.
RT_LIBFLAGS := -fno-tree-loop-distribute-patterns -Wextra
RT_LDFLAGS  := -nostdlib -static -Wl,-u,_start -Wl,--gc-sections -Wl,--no-warn-rwx-segments \
               -T runtime/linker.ld

RT_SRCS := $(wildcard runtime/src/*.c runtime/src/*.S)
# Flags live in this file: changing it rebuilds the guests.
RT_HDRS := $(wildcard runtime/include/*.h runtime/src/*.h) runtime/guest.mk

# libam.a for one ARCH: $(call rt_lib,rv32)
rt_lib = $(RT_OUT)/$(1)/libam.a

define RT_LIB_RULES
$(RT_OUT)/$(1)/rt/%.o: runtime/src/% $(RT_HDRS)
	@mkdir -p $$(@D)
	$$(GUEST_CC) $(RT_ARCH_$(1)) $$(RT_CFLAGS) $$(RT_LIBFLAGS) -c -o $$@ $$<
$(call rt_lib,$(1)): $(patsubst runtime/src/%,$(RT_OUT)/$(1)/rt/%.o,$(RT_SRCS))
	@rm -f $$@
	$$(GUEST_AR) rcs $$@ $$^
endef
$(foreach a,rv32 rv64,$(eval $(call RT_LIB_RULES,$(a))))

# The seed 001 programs are built as NEMU builds them: RV32IM without C, so
# every instruction is 4-byte aligned.  Their handlers read the instruction
# at mepc as a 32-bit word; with C that load may be misaligned, which the
# privileged spec lets a machine trap on.  They also print pointers with
# %x, as the seed prints them: no format warnings.  Their main() ends
# without a return; C99 makes that "return 0" only in a hosted
# implementation, so they are compiled as hosted (-fhosted), with
# -fno-builtin so GCC still does not rewrite printf into puts, and with
# runtime/hosted/stdint.h since this toolchain has no C library headers.
RT_SEED_FLAGS := -fhosted -fno-builtin -Iruntime/hosted -Wno-format
RT_SEED_FLAGS_rv32 := -march=rv32im_zicsr -mabi=ilp32

# The user's flags for `make guest` (not the host's CFLAGS default).
GUEST_CFLAGS ?= $(if $(filter command line,$(origin CFLAGS)),$(CFLAGS))

# One guest: $(call GUEST_RULE,ARCH,SRCS) defines $(RT_OUT)/ARCH/NAME.elf,
# NAME from the first source.
define GUEST_RULE
$(RT_OUT)/$(1)/$(basename $(notdir $(firstword $(2)))).elf: $(2) $(call rt_lib,$(1)) runtime/linker.ld $(RT_HDRS)
	@mkdir -p $$(@D)
	$$(GUEST_CC) $(RT_ARCH_$(1)) $$(RT_CFLAGS) $(if $(filter tests/seed/%,$(2)),$$(RT_SEED_FLAGS) $$(RT_SEED_FLAGS_$(1))) \
	  $(3) $$(RT_LDFLAGS) -o $$@ $(2) $(call rt_lib,$(1)) $$(RT_LIBGCC_$(1))
endef

# Guests of this runtime's tests and the demo; `make guest` may add one more.
RT_PROGRAMS := $(wildcard tests/programs/*.c)
RT_SEEDS    := $(wildcard tests/seed/*.c)
RT_DEMO     := demo/watch_demo.c
guest_elf    = $(RT_OUT)/$(1)/$(basename $(notdir $(firstword $(2)))).elf

$(foreach s,$(RT_PROGRAMS),$(foreach a,rv32 rv64,$(eval $(call GUEST_RULE,$(a),$(s)))))
$(foreach s,$(RT_SEEDS) $(RT_DEMO),$(eval $(call GUEST_RULE,rv32,$(s))))
ifneq ($(SRC),)
ifeq ($(filter $(SRC),$(RT_PROGRAMS) $(RT_DEMO) $(if $(filter rv32,$(ARCH)),$(RT_SEEDS))),)
$(eval $(call GUEST_RULE,$(ARCH),$(SRC),$(GUEST_CFLAGS)))
# new flags or sources rebuild it
$(call guest_elf,$(ARCH),$(SRC)): FORCE
endif
endif
FORCE:
.PHONY: FORCE

guest: $(if $(and $(SRC),$(filter rv32 rv64,$(ARCH))),$(call guest_elf,$(ARCH),$(SRC)))
	@test -n "$(SRC)" -a -n "$(filter rv32 rv64,$(ARCH))" || \
	  { echo "usage: make guest SRC=\"prog.c [more.c ...]\" ARCH=rv32|rv64 [CFLAGS=...]" >&2; exit 2; }

test-guests: $(foreach s,$(RT_PROGRAMS),$(foreach a,rv32 rv64,$(call guest_elf,$(a),$(s)))) \
             $(foreach s,$(RT_SEEDS) $(RT_DEMO),$(call guest_elf,rv32,$(s)))
demo-guest: $(call guest_elf,rv32,$(RT_DEMO))

.PHONY: guest
