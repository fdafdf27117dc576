#!/usr/bin/env bash
# Runs presto_engine_test.js against a real presto-server (the embedded engine with the tpch and
# memory catalogs) started from a generated etc/ directory on a free port.
# Usage: run_presto_engine_test.sh PRESTO_SERVER REPO_ROOT
set -euo pipefail
server_binary=$1
repo_root=$2
if ! command -v node >/dev/null 2>&1; then
  echo "node is not installed (scripts/setup.sh installs it)"; exit 1
fi
if [ ! -d "$repo_root/node_modules/presto-client" ]; then
  echo "presto-client is not installed: run scripts/setup.sh (npm install)"; exit 1
fi
work=$(mktemp -d)
mkdir -p "$work/etc/catalog"
cat >"$work/etc/config.properties" <<PROPERTIES
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=0
query.max-memory-per-node=1GB
PROPERTIES
cat >"$work/etc/node.properties" <<PROPERTIES
node.environment=test
node.id=node-test-1
node.data-dir=$work/data
PROPERTIES
echo "connector.name=tpch" >"$work/etc/catalog/tpch.properties"
echo "connector.name=memory" >"$work/etc/catalog/memory.properties"

"$server_binary" --etc "$work/etc" >"$work/server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 200); do
  port=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$work/server.log")
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "${port:-}" ] || { echo "presto-server did not start"; cat "$work/server.log"; exit 1; }
node "$(dirname "$0")/presto_engine_test.js" "$port" || { echo "--- server log"; tail -n 50 "$work/server.log"; exit 1; }
