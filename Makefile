# Thin wrappers over CMake presets; see README.md.
.PHONY: setup build debug test run asan asan-test bench fuzz clean

JOBS ?= $(shell nproc)
SHELL := /bin/bash

setup:
	@bash scripts/setup.sh

build: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

debug: setup
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)

# ctest's summary is repeated as the closing line (after its timing footer).
test: build
	@set -o pipefail; ctest --preset release -j $(JOBS) 2>&1 | tee build/release/ctest.log; status=$$?; \
	  grep -E 'tests passed|tests failed out of' build/release/ctest.log | tail -n 1; exit $$status

run: build
	@bash scripts/run.sh

asan: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

asan-test: asan
	@set -o pipefail; ctest --preset asan -j $(JOBS) 2>&1 | tee build/asan/ctest.log; status=$$?; \
	  grep -E 'tests passed|tests failed out of' build/asan/ctest.log | tail -n 1; exit $$status

# Runs every libFuzzer target for FUZZ_SECONDS each (corpora under build/asan/fuzz-corpus/).
FUZZ_SECONDS ?= 60
fuzz: asan
	@for fuzzer in build/asan/bin/*_fuzzer; do \
	  corpus=build/asan/fuzz-corpus/$$(basename $$fuzzer); mkdir -p $$corpus; \
	  echo "== $$fuzzer ($(FUZZ_SECONDS)s)"; $$fuzzer -max_total_time=$(FUZZ_SECONDS) $$corpus || exit 1; \
	done

bench: build
	@bash bench/run.sh

clean:
	@rm -rf build
