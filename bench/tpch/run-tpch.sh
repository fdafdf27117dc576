#!/usr/bin/env bash
# TPC-H against DuckDB: exports the tables of scale factor SF from our tpch connector as .tbl files
# (once; cached under build/tpch-data/), runs the 22 queries on presto-cpp (embedded, data in the
# memory connector) and then on DuckDB (through Node, data loaded from the same files), and prints
# the comparison. Settings come from the environment:
#   SF=1         scale factor (0.01 for a quick run, 10 for the large one)
#   RUNS=3       timed runs per query (the median is reported), after WARMUP=1 untimed runs
#   THREADS      threads on both sides (default: all cores)
#   QUERIES      a subset, e.g. QUERIES=1,6,q18
#   TIMEOUT=600  seconds before a presto-cpp query is canceled
#   BUILD_DIR=build/release  where tpch_runner and tpch_tbl_export were built
# The report is written to bench/results/tpch-sfSF-TIMESTAMP.json. Exits non-zero when an answer is
# wrong or a query failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

sf="${SF:-1}"
runs="${RUNS:-3}"
warmup="${WARMUP:-1}"
threads="${THREADS:-$(nproc)}"
queries="${QUERIES:-}"
timeout="${TIMEOUT:-600}"
bin="${BUILD_DIR:-build/release}/bin"
shared="$(cd .. && pwd)/shared/tpch"
data="build/tpch-data/sf$sf"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench/results

for program in tpch_tbl_export tpch_runner; do
  [ -x "$bin/$program" ] || { echo "missing $bin/$program (build it: cmake --build ... --target $program)" >&2; exit 1; }
done

if [ ! -f "$data/COMPLETE" ]; then
  echo "== exporting TPC-H sf$sf to $data"
  "$bin/tpch_tbl_export" "$sf" "$data" "$threads"
fi

only=()
[ -n "$queries" ] && only=(--only "$queries")

presto_json="build/tpch-data/presto-sf$sf-$stamp.json"
echo "== presto-cpp: TPC-H sf$sf, $threads threads, $warmup warm-up + $runs runs per query"
"$bin/tpch_runner" --scale "$sf" --runs "$runs" --warmup "$warmup" --threads "$threads" \
  --queries "$shared/queries" --output "$presto_json" --timeout-seconds "$timeout" "${only[@]}"

echo "== DuckDB: the same queries on the same rows"
node bench/tpch/compare-duckdb.js --data "$data" --presto "$presto_json" --queries "$shared/queries" \
  --runs "$runs" --warmup "$warmup" --threads "$threads" --output "bench/results/tpch-sf$sf-$stamp.json" "${only[@]}"
