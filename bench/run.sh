#!/usr/bin/env bash
# Runs the benchmarks (make bench). Micro-benchmarks are Google Benchmark programs built into
# build/release/bin/*_benchmark; pass a name filter to run only some, e.g. `bench/run.sh serde`.
# Results of every run are also written as JSON under bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=build/release/bin
results=bench/results
mkdir -p "$results"
filter="${1:-}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)

found=0
for program in "$bin"/*_benchmark; do
  [ -x "$program" ] || continue
  name=$(basename "$program")
  if [ -n "$filter" ] && [[ "$name" != *"$filter"* ]]; then
    continue
  fi
  found=1
  echo "== $name"
  "$program" --benchmark_min_time=0.2 --benchmark_out="$results/$name-$stamp.json" --benchmark_out_format=json
done
[ "$found" -eq 1 ] || { echo "no benchmark programs matched '$filter' in $bin" >&2; exit 1; }
