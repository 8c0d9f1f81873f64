# tests/fuzz.mk: the libFuzzer targets' random search (included by
# tests/tests.mk after the groups' build.mk files, which build the fuzzers).
#
#   make fuzz                 every target for FUZZ_SECONDS (60) each
#   make fuzz-elf|fuzz-rsp|fuzz-expr   one of them
#   make fuzz-cmin            re-minimise every saved corpus from scratch
#
# `make test` never searches: each group replays its target's saved corpus
# (tests/fuzz_replay.sh), every file once, so a run is repeatable and a
# failure can be replayed.  The search here is what finds new inputs: it
# explores in build/fuzz/NAME-new, then a merge copies into the saved
# corpus (tests/GROUP/fuzz_corpus) only the inputs that reach code the
# corpus does not, so it stays small enough to commit.  The merge counts
# edges only (-use_counters=0: not how often each runs) and picks a small
# set that covers them (-set_cover_merge=1): for the ELF loader that keeps
# all the edges of 376 inputs (4 MB) in 77 (0.4 MB).  Crashes are written
# to build/fuzz/NAME-crash-*; once fixed, copy one into the corpus under a
# name that says what it is (such named files are never minimised away).
#
# A target is declared in its group's build.mk:
#   FUZZ_TARGETS += NAME
#   FUZZ_BIN_NAME    the fuzzer binary (a make target)
#   FUZZ_CORPUS_NAME its saved corpus directory, in the repository
#   FUZZ_OPTS_NAME   libFuzzer options for the search (-dict, -max_len ...)
#   FUZZ_ENV_NAME    environment (e.g. ASAN_OPTIONS=detect_leaks=0)
#   FUZZ_SEEDS_NAME  prerequisites that seed the search (files, copied in)

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_OUT     := $(BUILD)/fuzz
FUZZ_MERGE   := -set_cover_merge=1 -use_counters=0 -timeout=10 -rss_limit_mb=2048

define FUZZ_RULES
fuzz-$(1): $$(FUZZ_BIN_$(1)) $$(FUZZ_SEEDS_$(1))
	@rm -rf $(FUZZ_OUT)/$(1)-new $(FUZZ_OUT)/$(1)-seeds
	@mkdir -p $(FUZZ_OUT)/$(1)-new $(FUZZ_OUT)/$(1)-seeds $$(FUZZ_CORPUS_$(1))
	@$$(if $$(FUZZ_SEEDS_$(1)),cp $$(FUZZ_SEEDS_$(1)) $(FUZZ_OUT)/$(1)-seeds/)
	$$(FUZZ_ENV_$(1)) $$(FUZZ_BIN_$(1)) -max_total_time=$$(FUZZ_SECONDS) -timeout=10 \
	  -rss_limit_mb=2048 -print_final_stats=1 $$(FUZZ_OPTS_$(1)) \
	  -artifact_prefix=$(FUZZ_OUT)/$(1)-crash- \
	  $(FUZZ_OUT)/$(1)-new $$(FUZZ_CORPUS_$(1)) $(FUZZ_OUT)/$(1)-seeds
	$$(FUZZ_ENV_$(1)) $$(FUZZ_BIN_$(1)) $(FUZZ_MERGE) $$(FUZZ_OPTS_$(1)) \
	  $$(FUZZ_CORPUS_$(1)) $(FUZZ_OUT)/$(1)-new $(FUZZ_OUT)/$(1)-seeds
	@echo "fuzz-$(1): $$$$(ls $$(FUZZ_CORPUS_$(1)) | wc -l) inputs, $$$$(cat $$(FUZZ_CORPUS_$(1))/* | wc -c) bytes in $$(FUZZ_CORPUS_$(1)) (git status shows the new ones)"

# From scratch: the named files (regression inputs) stay; libFuzzer's own
# (40-hex-digit names) are replaced by a minimal set covering the same code.
fuzz-cmin-$(1): $$(FUZZ_BIN_$(1))
	@rm -rf $(FUZZ_OUT)/$(1)-cmin $(FUZZ_OUT)/$(1)-old
	@mkdir -p $(FUZZ_OUT)/$(1)-cmin $(FUZZ_OUT)/$(1)-old
	@find $$(FUZZ_CORPUS_$(1)) -regextype posix-extended -maxdepth 1 -type f ! -regex '.*/[0-9a-f]{40}' -exec cp {} $(FUZZ_OUT)/$(1)-cmin/ \;
	@find $$(FUZZ_CORPUS_$(1)) -regextype posix-extended -maxdepth 1 -type f -regex '.*/[0-9a-f]{40}' -exec mv {} $(FUZZ_OUT)/$(1)-old/ \;
	$$(FUZZ_ENV_$(1)) $$(FUZZ_BIN_$(1)) $(FUZZ_MERGE) $$(FUZZ_OPTS_$(1)) \
	  $(FUZZ_OUT)/$(1)-cmin $(FUZZ_OUT)/$(1)-old
	@find $(FUZZ_OUT)/$(1)-cmin -regextype posix-extended -maxdepth 1 -type f -regex '.*/[0-9a-f]{40}' -exec cp {} $$(FUZZ_CORPUS_$(1))/ \;
	@echo "fuzz-cmin-$(1): $$$$(ls $(FUZZ_OUT)/$(1)-old | wc -l) -> $$$$(ls $$(FUZZ_CORPUS_$(1)) | wc -l) inputs in $$(FUZZ_CORPUS_$(1))"

.PHONY: fuzz-$(1) fuzz-cmin-$(1)
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call FUZZ_RULES,$(t))))

fuzz: $(addprefix fuzz-,$(FUZZ_TARGETS))
fuzz-cmin: $(addprefix fuzz-cmin-,$(FUZZ_TARGETS))
.PHONY: fuzz fuzz-cmin
