#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# What recognising entities costs, on a real corpus (default Reuters-21578
# from the team kit): the recogniser's tagging speed on one core in tokens/s
# (scripts/measure/bench/bench_tagger.cpp; the whole extraction too), and indexing the
# corpus with entities on and off (dateline-index update, then --no-entities),
# with the throughput ratio. One "metric value" line each; exit status 1 if a
# figure falls below the issue's floor (100,000 tokens/s; ratio 0.6).
# Usage: scripts/bench-entities.sh [CORPUS.jsonl.gz]
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-../shared/corpora/reuters21578/reuters21578.jsonl.gz}
[[ -r $corpus ]] || { echo "bench-entities.sh: cannot read $corpus" >&2; exit 1; }
scripts/setup.sh
scripts/build.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build/scripts/measure/bench-tagger "$corpus" | tee "$work/metrics"
source scripts/lib/index-seconds.sh
on=$(index_seconds "$work" update "$corpus")
off=$(index_seconds "$work" update "$corpus" --no-entities)
printf 'indexing_seconds_entities_on %.2f\nindexing_seconds_entities_off %.2f\n' "$on" "$off" | tee -a "$work/metrics"
ratio=$(awk -v a="$off" -v b="$on" 'BEGIN { print a / b }')
printf 'indexing_throughput_ratio_on_off %.2f\n' "$ratio" | tee -a "$work/metrics"

awk '$1 == "tagging_tokens_per_s" && $2 < 100000 { bad = 1 }
     $1 == "indexing_throughput_ratio_on_off" && $2 < 0.6 { bad = 1 }
     END { exit bad }' "$work/metrics" || { echo "bench-entities.sh: below the floor" >&2; exit 1; }
