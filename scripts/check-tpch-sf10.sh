#!/usr/bin/env bash
# Checks the TPC-H generator against dbgen's SF 10 checksums: every table rendered as .tbl text
# (about 11 GB, streamed into MD5, never stored). Too slow for the default test run (roughly ten
# times the SF 1 checksum test); run it after changing the generator.
# Usage: scripts/check-tpch-sf10.sh [build-dir]   (default: build/release, built if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build/release}"
if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build_dir" --target tpch_generator_test
exec "$build_dir/bin/tpch_generator_test" --gtest_also_run_disabled_tests --gtest_filter='*DISABLED_sf10*'
