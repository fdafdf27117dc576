# Thin wrappers over CMake presets; see README.md.
.PHONY: setup build debug test run asan asan-test bench fuzz clean

JOBS ?= $(shell nproc)

setup:
	@bash scripts/setup.sh

build: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

debug: setup
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)

test: build
	@ctest --preset release -j $(JOBS)

run: build
	@build/release/bin/presto

asan: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

asan-test: asan
	@ctest --preset asan -j $(JOBS)

bench: build
	@bash bench/run.sh

clean:
	@rm -rf build
