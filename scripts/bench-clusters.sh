#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# What grouping syndicated copies costs indexing, on a real corpus (default
# Reuters-21578 from the team kit, which holds real repeated stories): the
# corpus rebuilt into a new database with grouping and without
# (--no-copy-groups), in turn, ROUNDS times (default 3), each pair's ratio
# of throughputs (without's seconds over with's), and their median: the
# throughput with grouping as a share of that without. The machine's noise
# falls on both runs of a pair alike. One "metric value" line each; exit
# status 1 if the median falls below the issue's floor (0.85). The pair
# precision and recall of the grouping are scripts/eval.sh's
# syndication_* figures.
# Usage: scripts/bench-clusters.sh [CORPUS.jsonl.gz [ROUNDS]]
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-../shared/corpora/reuters21578/reuters21578.jsonl.gz}
rounds=${2:-3}
[[ -r $corpus ]] || { echo "bench-clusters.sh: cannot read $corpus" >&2; exit 1; }
scripts/setup.sh
scripts/build.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source scripts/lib/index-seconds.sh
: > "$work/ratios"
for ((round = 1; round <= rounds; round++)); do
  with=$(index_seconds "$work" rebuild "$corpus")
  without=$(index_seconds "$work" rebuild "$corpus" --no-copy-groups)
  printf 'round %d: %.2f s with grouping, %.2f s without\n' "$round" "$with" "$without" >&2
  awk -v a="$without" -v b="$with" 'BEGIN { print a / b }' >> "$work/ratios"
done
sort -g "$work/ratios" | awk '{ r[NR] = $1 } END {
  m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
  printf "indexing_throughput_ratio_groups_on_off %.3f\nindexing_throughput_ratio_min %.3f\nindexing_throughput_ratio_max %.3f\n", m, r[1], r[NR]
}' | tee "$work/metrics"
awk '$1 == "indexing_throughput_ratio_groups_on_off" && $2 < 0.85 { bad = 1 } END { exit bad }' "$work/metrics" ||
  { echo "bench-clusters.sh: below the floor" >&2; exit 1; }
