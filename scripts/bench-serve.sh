#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# dateline-serve under load, on the Reuters database over loopback, with the
# benchmark query set (scripts/measure/bench/bench_serve.cpp is the client):
#   1. CLIENTS concurrent clients for SECONDS: requests/s, latency, errors;
#   2. the same while dateline-index rebuilds the database again and again
#      underneath (each rebuild switches generation): failed requests;
#   3. one client, the same queries: the server, batch mode (dateline-search
#      --batch over a pipe, one query at a time: scripts/measure/
#      batch_latency.py), and batch mode's Searcher in process without JSON
#      (bench-queries): p50 and p99 side by side.
# Results in build/bench/serve/. Exit status 1 if a request failed or a step
# could not run.
# Usage: scripts/bench-serve.sh [--clients N] [--seconds S] [--corpus FILE] [--queries FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

clients=8
seconds=60
corpus=../shared/corpora/reuters21578/reuters21578.jsonl.gz
queries=../shared/bench/queries.tsv
while (($#)); do
  case $1 in
    --clients) clients=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --corpus) corpus=$2; shift ;;
    --queries) queries=$2; shift ;;
    -h|--help) sed -n '3,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-serve.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for file in "$corpus" "$queries"; do
  [[ -f $file ]] || { echo "bench-serve.sh: no such file: $file (the team kit ../shared is needed)" >&2; exit 1; }
done

scripts/setup.sh
scripts/build.sh
index=build/indexer/dateline-index
serve=build/searcher/dateline-serve
load=build/scripts/measure/bench-serve
out=build/bench/serve
mkdir -p "$out"
db=$out/db
server=
rebuilding=
stop() {
  [[ -n $rebuilding ]] && kill "$rebuilding" 2>/dev/null && wait "$rebuilding" 2>/dev/null
  [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  true
}
trap stop EXIT

# A rebuild that skipped a bad record exits 1 (Reuters has one record
# without text): indexed all the same.
rebuild() { "$index" rebuild -q --wait=600 --db "$db" "$corpus" 2>/dev/null || (($? == 1)); }
echo "== indexing $corpus"
rm -rf "$db"
rebuild

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$serve" --db "$db" --listen "127.0.0.1:$port" 2>"$out/server.log" &
server=$!
healthy() { python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "http://127.0.0.1:$port/api/health" 2>/dev/null; }
for _ in $(seq 100); do healthy && break; sleep 0.1; done
healthy || { echo "bench-serve.sh: the server did not start" >&2; exit 1; }
"$load" "127.0.0.1:$port" "$queries" 2 5 >/dev/null  # warms the page cache and the workers

status=0
generation() { head -c 200 "$db/XAPIANDB" | tr -d '\n'; }
echo "== $clients clients, $seconds s, full mode (exact facets, snippets)"
"$load" "127.0.0.1:$port" "$queries" "$clients" "$seconds" full | tee "$out/load.tsv" || status=1

echo "== the same while dateline-index rebuilds underneath"
before=$(generation)
( while rebuild; do :; done ) &
rebuilding=$!
"$load" "127.0.0.1:$port" "$queries" "$clients" "$seconds" full | tee "$out/load-rebuild.tsv" || status=1
kill "$rebuilding"; wait "$rebuilding" 2>/dev/null || true
rebuilding=
# The rebuild killed mid-way leaves its new generation half-built: the next
# run clears it (crash safety); here, one more rebuild to the end.
rebuild
after=$(generation)
echo "live generation before: $before; after: $after"
[[ $before != "$after" ]] || { echo "bench-serve.sh: no generation switch happened under the load" >&2; status=1; }

echo "== one client: the server, batch mode over a pipe, and batch mode's Searcher in process (no JSON)"
"$load" "127.0.0.1:$port" "$queries" 1 "$seconds" full | tee "$out/single.tsv" || status=1
/usr/bin/python3 scripts/measure/batch_latency.py build/searcher/dateline-search "$db" "$queries" "$seconds" \
  | tee "$out/batch.tsv" || status=1
build/scripts/measure/bench-queries dateline "$db" "$queries" 3 full | tee "$out/in-process.tsv"
awk -F'\t' '$3 == "all" { p50[$1] = $5; p99[$1] = $7 }
            END { printf "p50: server %.2f ms, batch mode %.2f ms (difference %.2f ms), in process %.2f ms; " \
                         "p99: %.2f / %.2f / %.2f ms\n", p50["serve"], p50["batch"], p50["serve"] - p50["batch"],
                         p50["dateline"], p99["serve"], p99["batch"], p99["dateline"] }' \
  "$out/single.tsv" "$out/batch.tsv" "$out/in-process.tsv" | tee "$out/compare.txt"

kill -TERM "$server"
wait "$server"
code=$?
server=
echo "server stopped by SIGTERM with exit status $code"
((code == 0)) || status=1
echo "results in $out/"
exit $status
