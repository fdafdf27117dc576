#!/usr/bin/env bash
# make run: starts a single-node presto-server on the shipped etc/ (the tpch catalog) in the
# foreground; Ctrl-C stops it. Query it with build/release/bin/presto --server localhost:8080.
set -euo pipefail
cd "$(dirname "$0")/.."

port=$(sed -n 's/^http-server.http.port=//p' etc/config.properties)
cat <<BANNER
Starting presto-server on port ${port:-8080} with the catalogs in etc/catalog/.
  Query it:   build/release/bin/presto --server localhost:${port:-8080} --catalog tpch --schema tiny --execute 'SELECT 1'
  Stop it:    Ctrl-C
SQL execution arrives with the planner; until then every statement is answered with NOT_SUPPORTED.
BANNER
exec build/release/bin/presto-server --etc etc
