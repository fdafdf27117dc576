# Sourced by tests and benchmarks that need a real presto-server: starts one node, or a coordinator
# with workers, from generated etc/ directories, and stops them on exit.
#   start_presto_server BINARY WORKDIR CATALOG ...
#     One node that coordinates and executes, on a free port. Sets `presto_port` and `presto_pid`;
#     the log is WORKDIR/server.log.
#   start_presto_cluster BINARY WORKDIR WORKERS CATALOG ...
#     A coordinator (node-scheduler.include-coordinator=false, discovery server) and WORKERS workers,
#     each a process on its own free loopback port, in WORKDIR/coordinator, WORKDIR/worker-1, ...
#     (etc/, data/, server.log each). Returns once system.runtime.nodes shows every worker active.
#     Sets `presto_port`, `presto_url` (the coordinator) and `presto_pids`. More config.properties
#     lines for every node come from PRESTO_NODE_CONFIG (newline-separated key=value). The `presto`
#     CLI must be next to BINARY.
#   CATALOG is NAME=CONNECTOR[,key=value]...: etc/catalog/NAME.properties with connector.name and
#   the other properties, e.g. tpch=tpch,tpch.column-naming=STANDARD.
#   stop_presto_nodes
#     SIGTERM to every node started here, SIGKILL after 5 s; also runs on exit.
#   require_presto_client REPO_ROOT
#     Fails unless node and the npm presto-client (scripts/setup.sh installs both) are there.

presto_pids=()
presto_workdirs=()

require_presto_client() {
  if ! command -v node >/dev/null 2>&1; then
    echo "node is not installed (scripts/setup.sh installs it)"; exit 1
  fi
  if [ ! -d "$1/node_modules/presto-client" ]; then
    echo "presto-client is not installed: run scripts/setup.sh (npm install)"; exit 1
  fi
}

stop_presto_nodes() {
  local pid _
  for pid in "${presto_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for _ in $(seq 1 100); do
    local running=0
    for pid in "${presto_pids[@]}"; do
      kill -0 "$pid" 2>/dev/null && running=1
    done
    [ "$running" -eq 0 ] && break
    sleep 0.05
  done
  for pid in "${presto_pids[@]}"; do
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  presto_pids=()
  local work
  for work in "${presto_workdirs[@]}"; do
    rm -rf "$work"
  done
  presto_workdirs=()
}

# write_presto_node DIR NODE_ID CONFIG CATALOG ...: DIR/etc/{config,node}.properties and catalogs.
write_presto_node() {
  local dir=$1 node_id=$2 config=$3
  shift 3
  mkdir -p "$dir/etc/catalog" "$dir/data"
  printf '%s\n' "$config" >"$dir/etc/config.properties"
  if [ -n "${PRESTO_NODE_CONFIG:-}" ]; then
    printf '%s\n' "$PRESTO_NODE_CONFIG" >>"$dir/etc/config.properties"
  fi
  cat >"$dir/etc/node.properties" <<PROPERTIES
node.environment=test
node.id=$node_id
node.data-dir=$dir/data
PROPERTIES
  local catalog properties file
  for catalog in "$@"; do
    file="$dir/etc/catalog/${catalog%%=*}.properties"
    IFS=, read -r -a properties <<<"${catalog#*=}"
    echo "connector.name=${properties[0]}" >"$file"
    printf '%s\n' "${properties[@]:1}" | sed '/^$/d' >>"$file"
  done
}

# launch_presto_node BINARY DIR: starts the node in the background; its pid is added to presto_pids.
launch_presto_node() {
  "$1" --etc "$2/etc" >"$2/server.log" 2>&1 &
  presto_pids+=($!)
}

# free_loopback_port: a port nobody listens on right now (the kernel's choice for an ephemeral bind).
free_loopback_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

start_presto_server() {
  local binary=$1 work=$2
  shift 2
  write_presto_node "$work" node-test-1 "coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=0
query.max-memory-per-node=2GB" "$@"
  presto_workdirs+=("$work")
  trap stop_presto_nodes EXIT
  launch_presto_node "$binary" "$work"
  presto_pid=${presto_pids[-1]}
  presto_port=
  for _ in $(seq 1 200); do
    presto_port=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$work/server.log")
    [ -n "$presto_port" ] && return 0
    sleep 0.05
  done
  echo "presto-server did not start"; cat "$work/server.log"; return 1
}

start_presto_cluster() {
  local binary=$1 work=$2 workers=$3
  shift 3
  local cli
  cli="$(dirname "$binary")/presto"
  [ -x "$cli" ] || { echo "missing $cli (the CLI checks that the workers are active)"; return 1; }
  presto_workdirs+=("$work")
  trap stop_presto_nodes EXIT
  presto_port=$(free_loopback_port)
  presto_url="http://127.0.0.1:$presto_port"
  write_presto_node "$work/coordinator" node-coordinator "coordinator=true
node-scheduler.include-coordinator=false
discovery-server.enabled=true
discovery.uri=$presto_url
http-server.http.port=$presto_port
failure-detector.warmup-interval=1s" "$@"
  launch_presto_node "$binary" "$work/coordinator"
  local i port
  for i in $(seq 1 "$workers"); do
    port=$(free_loopback_port)
    write_presto_node "$work/worker-$i" "node-worker-$i" "coordinator=false
discovery.uri=$presto_url
http-server.http.port=$port" "$@"
    launch_presto_node "$binary" "$work/worker-$i"
  done
  local active pid
  for _ in $(seq 1 600); do
    for pid in "${presto_pids[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "a presto-server node exited during start-up"; tail -n 20 "$work"/*/server.log; return 1
      fi
    done
    active=$("$cli" --server "$presto_url" --execute \
      "SELECT count(*) FROM system.runtime.nodes WHERE state = 'active' AND NOT coordinator" 2>/dev/null || true)
    [ "$active" = "\"$workers\"" ] || [ "$active" = "$workers" ] && return 0
    sleep 0.1
  done
  echo "the presto cluster in $work did not start"; tail -n 20 "$work"/*/server.log; return 1
}
