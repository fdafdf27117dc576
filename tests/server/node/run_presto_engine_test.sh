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
source "$repo_root/scripts/lib/presto-server-fixture.sh"
work=$(mktemp -d)
start_presto_server "$server_binary" "$work" tpch=tpch memory=memory
node "$(dirname "$0")/presto_engine_test.js" "$presto_port" || {
  echo "--- server log"; tail -n 50 "$work/server.log"; exit 1
}
