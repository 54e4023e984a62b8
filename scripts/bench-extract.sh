#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Extraction throughput of `dateline-index extract` (no entities, no
# database) on the team kit's corpora, in MB/s of input (uncompressed), one
# core: scraped text (the article extraction benchmark's full_page_text as
# files; text-files: Reuters-21578 as 21,578 small files), JSON Lines (Reuters-21578, HuffPost sample), HTML (the same
# benchmark's pages) and WARC (those pages as one web archive, a response
# record each). Each figure is the best of three runs, warm cache.
# Usage: scripts/bench-extract.sh
set -euo pipefail
cd "$(dirname "$0")/.."
kit=../shared
[[ -d $kit/corpora ]] || { echo "bench-extract.sh: the team kit is missing at $kit" >&2; exit 1; }
scripts/setup.sh
scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
aeb=$kit/corpora/article_extraction_benchmark/article_extraction_benchmark.jsonl.gz
build/scripts/measure/score-extraction export-text "$aeb" "$work/text" 2>/dev/null
build/scripts/measure/score-extraction export-html "$aeb" "$work/html" 2>/dev/null
# Reuters as one small text file an article (21,578 of them): the per-file cost.
build/scripts/measure/export-articles "$kit/corpora/reuters21578/reuters21578.jsonl.gz" "$work/text-files" >/dev/null
rm "$work/text-files/manifest.jsonl"  # the bodies alone, as a bare scrape
mkdir -p "$work/jsonl"
gzip -dc "$kit/corpora/reuters21578/reuters21578.jsonl.gz" >"$work/jsonl/reuters.jsonl"
gzip -dc "$kit/corpora/huffpost_news_category_sample/"*.jsonl.gz >"$work/jsonl/huffpost.jsonl"

# The same pages as a crawler's web archive: one WARC response record each.
mkdir -p "$work/warc"
n=0
for page in "$work/html"/*; do
  http=$'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'
  length=$(( ${#http} + $(wc -c <"$page") ))
  printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://bench.example/%d\r\nWARC-Date: 2024-03-05T08:30:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s' \
    $((n += 1)) "$length" "$http"
  cat "$page"
  printf '\r\n\r\n'
done >"$work/warc/pages.warc"

# Wall time (best of three) and CPU time (user + system, all threads: the
# reader extracts while the writer prints), so MB/s per core is CPU-honest.
printf '%-10s %6s %8s %8s %8s %11s\n' input MB wall_s MB/s cpu_s MB/cpu_s
for kind in text text-files jsonl html warc; do
  bytes=$(find "$work/$kind" -type f -exec cat {} + | wc -c)
  best= best_cpu=
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %U %S' -o "$work/time" build/indexer/dateline-index extract --no-entities "$work/$kind" \
      >/dev/null 2>&1 || [[ $? == 1 ]]
    read -r wall user sys < <(tail -n 1 "$work/time")  # after any "Command exited with non-zero status"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    if [[ -z $best ]] || awk -v s="$wall" -v b="$best" 'BEGIN { exit !(s < b) }'; then best=$wall; fi
    if [[ -z $best_cpu ]] || awk -v s="$cpu" -v b="$best_cpu" 'BEGIN { exit !(s < b) }'; then best_cpu=$cpu; fi
  done
  awk -v k="$kind" -v b="$bytes" -v s="$best" -v c="$best_cpu" \
    'BEGIN { printf "%-10s %6.1f %8.3f %8.1f %8.3f %11.1f\n", k, b / 1e6, s, b / 1e6 / s, c, b / 1e6 / c }'
done
