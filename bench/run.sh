#!/usr/bin/env bash
# Runs the benchmarks (make bench).
#   bench/run.sh              micro-benchmarks, then TPC-H against DuckDB (bench/tpch/run-tpch.sh)
#   bench/run.sh micro        micro-benchmarks only
#   bench/run.sh tpch         TPC-H against DuckDB only; SF=10, RUNS=5, QUERIES=1,6 ... as described
#                             in bench/tpch/run-tpch.sh (also through make: `make bench SF=0.01`)
#   bench/run.sh rest         presto-server through the REST protocol next to DuckDB (SELECT 1
#                             latency, rows/s to a client): bench/server/run-rest.sh
#   bench/run.sh cluster      TPC-H through the CLI on a loopback cluster (coordinator + 2 workers)
#                             next to the embedded engine: bench/cluster/run-cluster.sh (not in `all`)
#   bench/run.sh NAME         the micro-benchmarks whose program name contains NAME, e.g. serde
# Micro-benchmarks are Google Benchmark programs built into build/release/bin/*_benchmark.
# Results of every run are also written as JSON under bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${BUILD_DIR:-build/release}/bin"
results=bench/results
mkdir -p "$results"
what="${1:-all}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)

run_micro() {
  local filter="$1" found=0
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
}

case "$what" in
  all)
    run_micro ""
    bash bench/server/run-rest.sh
    bash bench/tpch/run-tpch.sh
    ;;
  micro) run_micro "" ;;
  tpch) bash bench/tpch/run-tpch.sh ;;
  rest) bash bench/server/run-rest.sh ;;
  cluster) bash bench/cluster/run-cluster.sh ;;
  *) run_micro "$what" ;;
esac
