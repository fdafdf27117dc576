#!/usr/bin/env bash
# Drives `presto --execute` on the embedded engine (no --server) over tpch.tiny: every output
# format, the failure line and exit codes. Expected texts follow Presto's CLI formats.
# Usage: run_cli_embedded_test.sh PRESTO
set -uo pipefail
presto=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

check() { # name, expected, actual
  if [ "$2" != "$3" ]; then
    echo "FAIL $1"; echo "--- expected"; printf '%s\n' "$2"; echo "--- actual"; printf '%s\n' "$3"
    failures=$((failures + 1))
  else
    echo "ok   $1"
  fi
}

query='SELECT n_nationkey, n_name, n_regionkey > 0 AS b FROM nation WHERE n_nationkey < 3 ORDER BY n_nationkey'
run() { "$presto" --output-format "$1" --execute "$query"; }

check "aligned" \
" n_nationkey |  n_name   |   b   
-------------+-----------+-------
           0 | ALGERIA   | false 
           1 | ARGENTINA | true  
           2 | BRAZIL    | true  
(3 rows)" "$(run ALIGNED)"
check "vertical" \
"-[ RECORD 1 ]----------
n_nationkey | 0
n_name      | ALGERIA
b           | false
-[ RECORD 2 ]----------
n_nationkey | 1
n_name      | ARGENTINA
b           | true
-[ RECORD 3 ]----------
n_nationkey | 2
n_name      | BRAZIL
b           | true" "$(run VERTICAL)"
check "csv" \
'"0","ALGERIA","false"
"1","ARGENTINA","true"
"2","BRAZIL","true"' "$(run CSV)"
check "csv is the default" "$(run CSV)" "$("$presto" --execute "$query")"
check "csv_header" \
'"n_nationkey","n_name","b"
"0","ALGERIA","false"
"1","ARGENTINA","true"
"2","BRAZIL","true"' "$(run CSV_HEADER)"
check "tsv" $'0\tALGERIA\tfalse\n1\tARGENTINA\ttrue\n2\tBRAZIL\ttrue' "$(run TSV)"
check "tsv_header" $'n_nationkey\tn_name\tb\n0\tALGERIA\tfalse\n1\tARGENTINA\ttrue\n2\tBRAZIL\ttrue' "$(run TSV_HEADER)"
check "json" \
'{"n_nationkey":0,"n_name":"ALGERIA","b":false}
{"n_nationkey":1,"n_name":"ARGENTINA","b":true}
{"n_nationkey":2,"n_name":"BRAZIL","b":true}' "$(run JSON)"
check "markdown" \
'| n\_nationkey | n\_name | b |
| --: | --- | --- |
| 0 | ALGERIA | false |
| 1 | ARGENTINA | true |
| 2 | BRAZIL | true |' "$(run MARKDOWN)"
check "null" "" "$(run NULL)"
check "aligned decimal and count" \
"  total   | rows 
----------+------
 11000.00 |    2 
(1 row)" "$("$presto" --output-format ALIGNED --execute \
  "SELECT CAST(sum(n) AS decimal(12,2)) AS total, count(*) AS rows FROM (VALUES 1000, 10000) AS t(n)")"
check "session across statements" '"10000"' "$("$presto" --execute 'USE tpch.sf1; SELECT count(*) FROM supplier' 2>/dev/null)"
check "update line on stderr" "CREATE TABLE: 2 rows" \
  "$("$presto" --execute 'CREATE TABLE memory.default.t AS SELECT * FROM (VALUES 1, 2) AS t(x)' 2>&1 >/dev/null)"

"$presto" --execute 'SELECT 1; SELECT nope FROM nation; SELECT 2' >"$work/out" 2>"$work/err"
check "failure exit code" "1" "$?"
check "rows before the failure" '"1"' "$(cat "$work/out")"
check "failure line" "line 1:8: Column 'nope' cannot be resolved" "$(sed -n 's/^Query [0-9_a-z]* failed: //p' "$work/err")"
check "failure is one line in batch mode" "1" "$(wc -l <"$work/err" | tr -d ' ')"
"$presto" --execute 'SELECT 1' >/dev/null 2>&1
check "success exit code" "0" "$?"

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
echo "all passed"
