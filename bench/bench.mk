# bench/bench.mk — `make bench`: CPU-bound bare-metal guests run on rvscope
# and on QEMU TCG (qemu-system-riscv32/64 -M virt -bios none), alternately.
# Included by the top-level Makefile after runtime/guest.mk, whose compiler,
# flags and runtime library (rt_lib) it uses.
#
#   make bench          build everything, run bench/run.sh (table + BENCH lines),
#                       then make bench-gdb
#   make bench-gdb      the cost of a GDB watchpoint (bench/gdb_watch.py; guests
#                       from tests/gdb/build.mk); GDB_BENCH_REPEATS (3)
#   make bench-guests   only build the guests
#   BENCH_RUNS=N        runs per case (default 3); BENCH_ONLY="crc32 sort"
#                       restricts the set; see bench/run.sh for the rest.
#
# Guests: bench/guests/NAME.c -> $(BUILD)/bench/ARCH/NAME.elf (plain) and
# NAME-trig.elf (built with -DARM_TRIGGERS: 4 Sdtrig triggers armed on
# pages the program never touches).  bench/rss/memtouch.c writes all of a
# 128 MiB guest's RAM, for the peak-RSS measurement.

BENCH_OUT   := $(BUILD)/bench
BENCH_NAMES := alu branch call mem muldiv sort crc32 matmul nbody
# Guests that use F/D: built with them (the soft-float ABI, like the runtime).
BENCH_FP_NAMES := nbody
BENCH_FP_ARCH_rv32 := -march=rv32imafdc_zicsr -mabi=ilp32 -fno-math-errno
BENCH_FP_ARCH_rv64 := -march=rv64imafdc_zicsr -mabi=lp64 -fno-math-errno
bench_extra = $(if $(filter $(2),$(BENCH_FP_NAMES)),$(BENCH_FP_ARCH_$(1)))
BENCH_DEPS  := bench/guests/bench.h bench/bench.mk runtime/linker.ld $(RT_HDRS)

# $(call BENCH_RULE,ARCH,OUTNAME,SRC,EXTRA_CFLAGS)
define BENCH_RULE
$(BENCH_OUT)/$(1)/$(2).elf: $(3) $(BENCH_DEPS) $(call rt_lib,$(1))
	@mkdir -p $$(@D)
	$$(GUEST_CC) $(RT_ARCH_$(1)) $$(RT_CFLAGS) -Ibench/guests $(4) $$(RT_LDFLAGS) \
	  -o $$@ $(3) $(call rt_lib,$(1)) $$(RT_LIBGCC_$(1))
endef

BENCH_ELFS :=
$(foreach a,rv32 rv64,$(foreach n,$(BENCH_NAMES),\
  $(eval $(call BENCH_RULE,$(a),$(n),bench/guests/$(n).c,$(call bench_extra,$(a),$(n))))\
  $(eval $(call BENCH_RULE,$(a),$(n)-trig,bench/guests/$(n).c,-DARM_TRIGGERS $(call bench_extra,$(a),$(n))))\
  $(eval BENCH_ELFS += $(BENCH_OUT)/$(a)/$(n).elf $(BENCH_OUT)/$(a)/$(n)-trig.elf)))
# alu-min: one iteration, for the start-up cost and the instruction-count check.
$(foreach a,rv32 rv64,$(eval $(call BENCH_RULE,$(a),alu-min,bench/guests/alu.c,-DITERS=1))\
  $(eval BENCH_ELFS += $(BENCH_OUT)/$(a)/alu-min.elf))
$(eval $(call BENCH_RULE,rv64,memtouch,bench/rss/memtouch.c,))
BENCH_ELFS += $(BENCH_OUT)/rv64/memtouch.elf

bench-guests: $(BENCH_ELFS)

# deps first: a fresh machine needs QEMU and /usr/bin/time (for the RSS figure).
# bench-gdb runs even when run.sh reports a failure; make bench fails if either did.
bench: deps
	@$(MAKE) --no-print-directory $(BUILD)/rvscope bench-guests gdb-guests
	@rc=0; BENCH_NAMES="$(BENCH_NAMES)" BENCH_OUT="$(BENCH_OUT)" RVSCOPE="$(BUILD)/rvscope" \
	  bash bench/run.sh || rc=1; \
	  $(MAKE) --no-print-directory bench-gdb || rc=1; exit $$rc

# The watch bench's guest, 10x longer than make test's (tests/gdb/guests/
# bench.c at 120 M iterations runs ~0.2 s: too short to see 5% on a
# shared machine).
GDB_BENCH_LONG := $(BENCH_OUT)/rv64/gdb_bench_long.elf
$(GDB_BENCH_LONG): tests/gdb/guests/bench.c $(call rt_lib,rv64) runtime/linker.ld bench/bench.mk
	@mkdir -p $(@D)
	$(GUEST_CC) $(RT_ARCH_rv64) $(GDB_GUEST_CFLAGS) -O2 -DITERS=1200000000L $(RT_LDFLAGS) -o $@ $< \
	  $(call rt_lib,rv64) $(RT_LIBGCC_rv64)

bench-gdb: $(BUILD)/rvscope gdb-guests $(GDB_BENCH_LONG)
	@echo
	@python3 bench/gdb_watch.py $(BUILD)/rvscope $(GDB_OUT) $${GDB_BENCH_REPEATS:-3} $(GDB_BENCH_LONG)

.PHONY: bench bench-guests bench-gdb
