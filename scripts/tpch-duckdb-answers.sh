#!/usr/bin/env bash
# Computes reference answers of the 22 TPC-H queries with DuckDB (an independent engine) at a
# scale factor: the tables are exported from the tpch connector (whose data tests check against
# dbgen's official checksums) as CSV, loaded into DuckDB with ../shared/tpch/schema.sql, and each
# query's result is written as CSV (header + rows, NULL as an empty field).
#   scripts/tpch-duckdb-answers.sh SF OUTPUT_DIR      e.g. scripts/tpch-duckdb-answers.sh 1 tests/engine/answers/sf1
set -euo pipefail
cd "$(dirname "$0")/.."
sf=${1:?scale factor}
out=${2:?output directory}
shared=${PRESTO_SHARED_DIR:-../shared}
schema="sf${sf}"
[ "$sf" = "0.01" ] && schema=tiny
data=build/tpch-csv/$schema
mkdir -p "$data" "$out"
for table in nation region part supplier partsupp customer orders lineitem; do
  if [ ! -s "$data/$table.csv" ]; then
    build/release/bin/presto --catalog tpch --schema "$schema" --output-format CSV \
      --execute "SELECT * FROM $table" > "$data/$table.csv.tmp"
    mv "$data/$table.csv.tmp" "$data/$table.csv"
  fi
done
node - "$data" "$out" "$shared" <<'JS'
const fs = require('fs');
const duckdb = require('@duckdb/node-api');
const [data, out, shared] = process.argv.slice(2);
(async () => {
  const db = await duckdb.DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const schema = fs.readFileSync(`${shared}/tpch/schema.sql`, 'utf8');
  for (const statement of schema.split(';').map(s => s.replace(/--.*$/gm, '').trim()).filter(s => s)) {
    await c.run(statement);
  }
  for (const table of ['nation', 'region', 'part', 'supplier', 'partsupp', 'customer', 'orders', 'lineitem']) {
    await c.run(`COPY ${table} FROM '${data}/${table}.csv' (FORMAT csv, HEADER false, QUOTE '"')`);
  }
  for (let q = 1; q <= 22; q++) {
    const name = `q${String(q).padStart(2, '0')}`;
    const sql = fs.readFileSync(`${shared}/tpch/queries/${name}.sql`, 'utf8').replace(/;\s*$/, '');
    await c.run(`COPY (${sql}) TO '${out}/${name}.csv' (FORMAT csv, HEADER true)`);
  }
})().catch(e => { console.error(e); process.exit(1); });
JS
