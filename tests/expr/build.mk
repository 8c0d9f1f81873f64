# The expression language's tests: unit tests and the calculator driver the
# random test uses, each built from src/monitor/expr.c alone, and a libFuzzer
# harness (clang).  Included by tests/tests.mk.
EXPR_SRC  := src/monitor/expr.c
EXPR_DEPS := $(EXPR_SRC) src/monitor/expr.h
# -MMD would drop .d files named after the sources into the current
# directory when compiling and linking in one step; the deps are listed here.
EXPR_CFLAGS = $(filter-out -MMD -MP,$(CFLAGS))

$(BUILD)/tests/test_expr: tests/expr/test_expr.c $(EXPR_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(EXPR_CFLAGS) -o $@ $< $(EXPR_SRC)

$(BUILD)/tests/expr_calc: tests/expr/expr_calc.c $(EXPR_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(EXPR_CFLAGS) -o $@ $< $(EXPR_SRC)

test-guests: $(BUILD)/tests/test_expr $(BUILD)/tests/expr_calc

FUZZ_CC ?= clang
$(BUILD)/tests/fuzz_expr: tests/expr/fuzz_expr.c $(EXPR_DEPS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -std=gnu11 -g -O1 -Isrc -Wall -Wextra -Werror \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  -o $@ $< $(EXPR_SRC)

# tests/expr/run.sh replays the saved corpus; `make fuzz-expr` searches
# for new inputs (tests/fuzz.mk).
FUZZ_TARGETS     += expr
FUZZ_BIN_expr    := $(BUILD)/tests/fuzz_expr
FUZZ_CORPUS_expr := tests/expr/fuzz_corpus
FUZZ_OPTS_expr   := -max_len=4096 -dict=tests/expr/fuzz.dict
