#!/usr/bin/env bash
# REST protocol benchmark (bench/run.sh rest): starts presto-server on a free port with the tpch
# catalog, then runs bench/server/rest-vs-duckdb.js (SELECT 1 latency, rows/s to the client) next
# to DuckDB. TPC-H sf1 orders for DuckDB come from tpch_tbl_export (cached in build/tpch-data/sf1).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${BUILD_DIR:-build/release}/bin"
queries="${QUERIES:-1000}"
data=build/tpch-data/sf1
[ -x "$bin/presto-server" ] || { echo "missing $bin/presto-server (make build)" >&2; exit 1; }
if [ ! -f "$data/COMPLETE" ]; then
  [ -x "$bin/tpch_tbl_export" ] || { echo "missing $bin/tpch_tbl_export (make build)" >&2; exit 1; }
  echo "== exporting TPC-H sf1 to $data"
  "$bin/tpch_tbl_export" 1 "$data" "$(nproc)"
fi
source scripts/lib/presto-server-fixture.sh
start_presto_server "$bin/presto-server" "$(mktemp -d)" tpch=tpch
mkdir -p bench/results
node bench/server/rest-vs-duckdb.js --port "$presto_port" --data "$data" --queries "$queries" \
  --output "bench/results/rest-$(date -u +%Y%m%dT%H%M%SZ).json"
