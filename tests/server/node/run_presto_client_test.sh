#!/usr/bin/env bash
# Runs presto_client_test.js against a fresh presto-test-server on a free port.
# Usage: run_presto_client_test.sh PRESTO_TEST_SERVER REPO_ROOT
set -euo pipefail
server_binary=$1
repo_root=$2
source "$repo_root/scripts/lib/presto-server-fixture.sh"
require_presto_client "$repo_root"
output=$(mktemp)
"$server_binary" --port 0 >"$output" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -f "$output"' EXIT
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on //p' "$output")
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "${port:-}" ] || { echo "presto-test-server did not start"; cat "$output"; exit 1; }
node "$(dirname "$0")/presto_client_test.js" "$port"
