#!/usr/bin/env bash
# Drives `presto --server ... --execute/--file` against presto-test-server (the fake engine):
# output formats, session changes across a batch, exit codes.
# Usage: run_cli_batch_test.sh PRESTO PRESTO_TEST_SERVER
set -uo pipefail
presto=$1
server_binary=$2
output=$(mktemp)
work=$(mktemp -d)
"$server_binary" --port 0 >"$output" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -rf "$output" "$work"' EXIT
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on //p' "$output")
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "${port:-}" ] || { echo "presto-test-server did not start"; exit 1; }
failures=0

check() { # name, expected, actual
  if [ "$2" != "$3" ]; then
    echo "FAIL $1"; echo "--- expected"; printf '%s\n' "$2"; echo "--- actual"; printf '%s\n' "$3"
    failures=$((failures + 1))
  else
    echo "ok   $1"
  fi
}

server="--server 127.0.0.1:$port"
check "csv" $'"0"\n"1"\n"2"\n"3"' "$($presto $server --execute 'SELECT * FROM stream(2, 2, 0)')"
check "csv_header and two statements" $'"x"\n"1"\n"n"\n"0"' \
  "$($presto $server --output-format CSV_HEADER --execute 'SELECT 1 AS x; SELECT * FROM stream(1, 1, 0)')"
check "tsv" $'user\tcatalog\ncarol\ttpch' \
  "$($presto $server --user carol --output-format TSV_HEADER --execute 'USE tpch.tiny; SELECT * FROM session' 2>/dev/null | cut -f1,3)"
check "aligned" $' col \n-----\n   7 \n(1 row)' "$($presto $server --output-format ALIGNED --execute 'SELECT 7 AS col')"
check "json" '{"n":0}' "$($presto $server --output-format JSON --execute 'SELECT * FROM stream(1, 1, 0)')"
printf 'SELECT 1 AS a;\n-- a comment; with a semicolon\nSELECT 2 AS b;\n' > "$work/batch.sql"
check "file" $'"1"\n"2"' "$($presto $server --file "$work/batch.sql")"

$presto $server --execute 'SELECT * FORM x' >"$work/out" 2>"$work/err"
check "failure exit code" "1" "$?"
check "failure message" "line 1:10: mismatched input 'FORM'. Expecting: <EOF>" "$(sed -n 's/^Query [^ ]* failed: //p' "$work/err")"
$presto $server --execute 'SELECT 1; SELECT * FORM x; SELECT 2' >"$work/out" 2>/dev/null
check "batch stops at the first failure" $'"1"' "$(cat "$work/out")"
$presto $server --execute 'SELECT 1' --output-format NOPE >/dev/null 2>&1
check "usage error exit code" "2" "$?"
$presto --server 127.0.0.1:1 --execute 'SELECT 1' >/dev/null 2>&1
check "unreachable server exit code" "1" "$?"

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
echo "all passed"
