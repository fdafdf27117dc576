#!/usr/bin/env bash
# make run: starts a single-node presto-server on the shipped etc/ (the tpch catalog) in the
# background and opens the presto shell connected to it; leaving the shell stops the server.
# Without a terminal (e.g. piped input) the shell reads statements from stdin.
set -euo pipefail
cd "$(dirname "$0")/.."

port=$(sed -n 's/^http-server.http.port=//p' etc/config.properties)
port=${port:-8080}
log=build/release/presto-server.log
build/release/bin/presto-server --etc etc >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  if grep -q "SERVER STARTED" "$log" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "presto-server failed to start:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
echo "presto-server is running on port $port (log: $log). Type SQL ending with ';', 'quit' to leave."
build/release/bin/presto --server "localhost:$port" --catalog tpch --schema tiny
