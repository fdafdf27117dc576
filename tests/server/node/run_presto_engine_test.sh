#!/usr/bin/env bash
# Runs presto_engine_test.js against a real presto-server (the embedded engine with the tpch and
# memory catalogs) started from a generated etc/ directory on a free port.
# Usage: run_presto_engine_test.sh PRESTO_SERVER REPO_ROOT
set -euo pipefail
server_binary=$1
repo_root=$2
source "$repo_root/scripts/lib/presto-server-fixture.sh"
require_presto_client "$repo_root"
work=$(mktemp -d)
start_presto_server "$server_binary" "$work" tpch=tpch memory=memory
node "$(dirname "$0")/presto_engine_test.js" "$presto_port" || {
  echo "--- server log"; tail -n 50 "$work/server.log"; exit 1
}
