# Sourced by tests and benchmarks that need a real presto-server: starts one from a generated etc/
# directory (single node, free port, the catalogs given as NAME=CONNECTOR) and stops it on exit.
#   start_presto_server BINARY WORKDIR CATALOG=CONNECTOR ...
# Sets `presto_port` and `presto_pid`; the log is WORKDIR/server.log.
#   require_presto_client REPO_ROOT
# Fails unless node and the npm presto-client (scripts/setup.sh installs both) are there.

require_presto_client() {
  if ! command -v node >/dev/null 2>&1; then
    echo "node is not installed (scripts/setup.sh installs it)"; exit 1
  fi
  if [ ! -d "$1/node_modules/presto-client" ]; then
    echo "presto-client is not installed: run scripts/setup.sh (npm install)"; exit 1
  fi
}

start_presto_server() {
  local binary=$1 work=$2
  shift 2
  mkdir -p "$work/etc/catalog"
  cat >"$work/etc/config.properties" <<PROPERTIES
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=0
query.max-memory-per-node=2GB
PROPERTIES
  cat >"$work/etc/node.properties" <<PROPERTIES
node.environment=test
node.id=node-test-1
node.data-dir=$work/data
PROPERTIES
  local catalog
  for catalog in "$@"; do
    echo "connector.name=${catalog#*=}" >"$work/etc/catalog/${catalog%%=*}.properties"
  done
  "$binary" --etc "$work/etc" >"$work/server.log" 2>&1 &
  presto_pid=$!
  trap 'kill $presto_pid 2>/dev/null; wait $presto_pid 2>/dev/null; rm -rf "'"$work"'"' EXIT
  presto_port=
  for _ in $(seq 1 200); do
    presto_port=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$work/server.log")
    [ -n "$presto_port" ] && return 0
    sleep 0.05
  done
  echo "presto-server did not start"; cat "$work/server.log"; return 1
}
