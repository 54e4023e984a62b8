#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Remote shards against local: the benchmark query set over one corpus
# (Reuters by default) indexed once whole and once as SHARDS databases of
# the same articles (record n in shard n mod SHARDS), searched four ways:
#   local          the whole database, opened from disk
#   remote         the same, served by the stock xapian-tcpsrv
#   local-shards   the shards, opened from disk and searched as one
#   remote-shards  each shard served by its own xapian-tcpsrv
# in full mode (exact facets and snippets) and bare mode (neither), single
# client, warm (scripts/measure/bench/bench_queries.cpp). Prints p50 and p99
# of the whole set for each, and each one's p50 over local's. Servers listen
# on 127.0.0.1 only and are stopped by their PID. Rows in
# build/bench/remote/NAME/, NAME the corpus file's without extensions.
# --reuse keeps the databases a previous run of the same corpus built.
# Usage: scripts/bench-remote.sh [--corpus FILE] [--queries FILE] [--shards N] [--repeat N] [--reuse]
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/corpora/reuters21578/reuters21578.jsonl.gz
queries=../shared/bench/queries.tsv
shards=4
repeat=5
reuse=
while (($#)); do
  case $1 in
    --corpus) corpus=$2; shift ;;
    --queries) queries=$2; shift ;;
    --shards) shards=$2; shift ;;
    --repeat) repeat=$2; shift ;;
    --reuse) reuse=1 ;;
    -h|--help) sed -n '3,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-remote.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for file in "$corpus" "$queries"; do
  [[ -f $file ]] || { echo "bench-remote.sh: no such file: $file (the team kit ../shared is needed)" >&2; exit 1; }
done

scripts/setup.sh
scripts/build.sh
index=build/indexer/dateline-index
search=build/searcher/dateline-search
name=$(basename "$corpus")
out=build/bench/remote/${name%%.*}
[[ -n $reuse && -d $out/whole && -d $out/shard-$((shards - 1)) ]] || reuse=
[[ -n $reuse ]] || rm -rf "$out"
mkdir -p "$out"

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT

# A rebuild that skipped a bad record exits 1 (Reuters has one record
# without text): indexed all the same.
build_db() { "$index" rebuild -q --db "$1" "$2" 2>/dev/null || (($? == 1)); }

shard_dbs=()
for ((i = 0; i < shards; i++)); do shard_dbs+=("$out/shard-$i"); done
if [[ -z $reuse ]]; then
  echo "== indexing $corpus whole and in $shards shards"
  zcat -f "$corpus" | awk -v n="$shards" -v dir="$out" 'NF { print > (dir "/part-" (NR - 1) % n ".jsonl") }'
  build_db "$out/whole" "$corpus"
  for ((i = 0; i < shards; i++)); do build_db "$out/shard-$i" "$out/part-$i.jsonl"; done
fi

# serve DB: a xapian-tcpsrv for DB on a free port of 127.0.0.1; prints the
# address once it answers.
next_port=$((20000 + $$ % 20000))
serve() {
  local db=$1
  for _ in $(seq 20); do
    local port=$next_port
    next_port=$((next_port + 1))
    # Its own session: on SIGTERM xapian-tcpsrv signals its whole process group.
    setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$db" >/dev/null 2>&1 &
    local pid=$!
    for _ in $(seq 50); do
      sleep 0.1
      kill -0 "$pid" 2>/dev/null || break
      local status=0
      "$search" --db "tcp:127.0.0.1:$port" --json --limit 0 --no-facets anything >/dev/null 2>&1 || status=$?
      if ((status <= 1)); then
        pids+=("$pid")
        address="tcp:127.0.0.1:$port"
        return 0
      fi
    done
    kill "$pid" 2>/dev/null || true
  done
  echo "bench-remote.sh: xapian-tcpsrv would not start for $db" >&2
  exit 1
}

serve "$out/whole"
remote_whole=$address
remote_shards=
for db in "${shard_dbs[@]}"; do
  serve "$db"
  remote_shards+=${remote_shards:+,}$address
done
local_shards=$(IFS=,; echo "${shard_dbs[*]}")

table=$out/queries.tsv
printf 'setup\tengine\tmode\tclass\tn\tp50_ms\tp95_ms\tp99_ms\tqps\n' >"$table"
for setup in local remote local-shards remote-shards; do
  case $setup in
    local) dbs=$out/whole ;;
    remote) dbs=$remote_whole ;;
    local-shards) dbs=$local_shards ;;
    remote-shards) dbs=$remote_shards ;;
  esac
  echo "   $setup: $dbs" >&2
  build/scripts/measure/bench-queries dateline "$dbs" "$queries" "$repeat" >"$out/latency-$setup"
  grep -q ' 0 matches in all' "$out/latency-$setup" && { echo "bench-remote.sh: $setup found nothing" >&2; exit 1; }
  grep -v '^#' "$out/latency-$setup" | sed "s/^/$setup\t/" >>"$table"
done

echo "== remote against local: $(grep -c -v -e '^#' -e '^$' "$queries") queries x $repeat, single client, warm; latency in ms"
awk -F'\t' 'NR > 1 && $4 == "all" { p50[$1, $3] = $6; p99[$1, $3] = $8 }
  END {
    printf "%-14s %-5s %9s %9s %9s\n", "setup", "mode", "p50", "p99", "/local"
    split("local remote local-shards remote-shards", setups, " ")
    split("full bare", modes, " ")
    for (m = 1; m <= 2; m++) for (s = 1; s <= 4; s++) { k = setups[s] SUBSEP modes[m]
      printf "%-14s %-5s %9.3f %9.3f %9.2f\n", setups[s], modes[m], p50[k], p99[k], p50[k] / p50["local", modes[m]] }
    print "(/local: p50 over the whole database opened locally)"
  }' "$table" | tee "$out/summary.txt"
