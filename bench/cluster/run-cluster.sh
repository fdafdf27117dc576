#!/usr/bin/env bash
# TPC-H on a loopback cluster next to the embedded engine (bench/run.sh cluster): builds
# presto-server, the presto CLI and tpch_runner; starts a coordinator
# (node-scheduler.include-coordinator=false, discovery server) and WORKERS workers, each a
# presto-server process with task.concurrency=CONCURRENCY, from etc/ directories generated in a
# temporary directory (scripts/lib/presto-server-fixture.sh); then bench/cluster/cluster-vs-embedded.js
# runs each query on the embedded engine (tpch_runner --tables tpch, CONCURRENCY threads) and
# through the CLI on the cluster, compares the answers and prints the comparison. Both sides read
# the tpch connector (rows generated as the queries run). Settings from the environment:
#   SF=1            scale factor (the tpch connector's schema sfN; 0.01 is tiny)
#   RUNS=3          timed runs per query and side (the median is reported), after WARMUP=1 untimed
#   QUERIES         a subset, e.g. QUERIES=1,6,q18
#   WORKERS=2       worker processes
#   CONCURRENCY=2   task.concurrency of every node, and the embedded engine's threads
#   TIMEOUT=600     seconds before a query is abandoned
#   BUILD=1         build the programs first (BUILD=0 skips; BUILD_JOBS=N limits -j)
#   BUILD_DIR=build/release
# The report is written to bench/results/cluster-sfSF-TIMESTAMP.json. Exits non-zero when a cluster
# answer differs from the embedded one or a query failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

sf="${SF:-1}"
runs="${RUNS:-3}"
warmup="${WARMUP:-1}"
timeout="${TIMEOUT:-600}"
workers="${WORKERS:-2}"
concurrency="${CONCURRENCY:-2}"
build_dir="${BUILD_DIR:-build/release}"
bin="$build_dir/bin"
queries="$(cd .. && pwd)/shared/tpch/queries"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
only=()
[ -n "${QUERIES:-}" ] && only=(--only "$QUERIES")

if [ "${BUILD:-1}" != 0 ]; then
  echo "== building presto-server, presto and tpch_runner in $build_dir"
  cmake --build "$build_dir" --target presto-server presto tpch_runner ${BUILD_JOBS:+-j "$BUILD_JOBS"}
fi
for program in presto-server presto tpch_runner; do
  [ -x "$bin/$program" ] || { echo "missing $bin/$program" >&2; exit 1; }
done

source scripts/lib/presto-server-fixture.sh
work=$(mktemp -d "${TMPDIR:-/tmp}/presto-bench-cluster-XXXXXX")
echo "== cluster: a coordinator and $workers workers (task.concurrency=$concurrency) in $work"
PRESTO_NODE_CONFIG="task.concurrency=$concurrency
query.max-memory-per-node=8GB
query.max-memory=16GB" \
  start_presto_cluster "$bin/presto-server" "$work" "$workers" tpch=tpch,tpch.column-naming=STANDARD
echo "== coordinator at $presto_url"

echo "== TPC-H sf$sf, each query on the embedded engine ($concurrency threads), then on the cluster"
node bench/cluster/cluster-vs-embedded.js --cli "$bin/presto" --server "$presto_url" --runner "$bin/tpch_runner" \
  --scale "$sf" --threads "$concurrency" --runs "$runs" --warmup "$warmup" --timeout-seconds "$timeout" \
  --workers "$workers" --task-concurrency "$concurrency" \
  --queries "$queries" --output "bench/results/cluster-sf$sf-$stamp.json" "${only[@]}"
