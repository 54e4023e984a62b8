#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Measures index maintenance on a real corpus written out as one article per
# file: the first full update, a no-change update, a full rebuild, a
# compaction. Prints wall time and peak memory of each.
# Usage: scripts/bench-maintenance.sh [CORPUS.jsonl.gz]   (default: Reuters-21578)
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-../shared/corpora/reuters21578/reuters21578.jsonl.gz}
[[ -f "$corpus" ]] || { echo "bench-maintenance.sh: no corpus at $corpus" >&2; exit 1; }
scripts/setup.sh
scripts/build.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=$(build/scripts/measure/export-articles "$corpus" "$work/archive")
index=build/indexer/dateline-index
db="$work/db"

measure() {  # NAME COMMAND...: one line "NAME seconds S peak_rss_mb M"
  local name=$1
  shift
  # Status 1 (partial: e.g. an empty record skipped) still measures the run.
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || [[ $? == 1 ]] || {
    cat "$work/stderr" >&2
    exit 1
  }
  read -r seconds kb < <(tail -n 1 "$work/time")  # after any "exited with status" line
  awk -v name="$name" -v s="$seconds" -v kb="$kb" 'BEGIN { printf "%-22s seconds %7.2f  peak_rss_mb %6.1f\n", name, s, kb / 1024 }'
}

echo "corpus: $corpus as $files files ($(du -sh "$work/archive" | cut -f1)); $(nproc) cores"
measure "update (empty db)" "$index" update --db "$db" --manifest "$work/archive/manifest.jsonl" "$work/archive"
measure "update (no change)" "$index" update --db "$db" --manifest "$work/archive/manifest.jsonl" "$work/archive"
measure "rebuild" "$index" rebuild --db "$db" --manifest "$work/archive/manifest.jsonl" "$work/archive"
measure "compact" "$index" compact --db "$db"
"$index" stats --db "$db" | grep -E 'documents|size on disk|generation'
