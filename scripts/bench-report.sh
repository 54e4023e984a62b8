#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Markdown tables of the results scripts/bench.sh left under build/bench/
# (or DIR), as pasted into docs/benchmarks.md.
# Usage: scripts/bench-report.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build/bench}
ls "$dir"/indexing-*.tsv >/dev/null 2>&1 || { echo "bench-report.sh: no results in $dir (run scripts/bench.sh)" >&2; exit 1; }

for indexing in "$dir"/indexing-*.tsv; do
  label=${indexing#"$dir"/indexing-}
  label=${label%.tsv}
  echo "### $label"
  echo
  awk -F'\t' 'NR > 1 { name = $1 == "xapian" ? "plain Xapian" : $1 == "fts5" ? "FTS5" : "**Dateline**"
      printf "| %s | %s | %.2f | %s | %.2f | %s MB | %s MB |\n", name, $2, $4, $5, $6, $7, $8
      s[$1] = $4; d[$1] = $8 }
    BEGIN { print "| engine | documents | seconds | docs/s | MB/s of text | peak RSS | on disk |"; print "|---|---:|---:|---:|---:|---:|---:|" }
    END { printf "\nDateline / plain Xapian: time ×%.2f, disk ×%.2f. Dateline / FTS5: time ×%.2f, disk ×%.2f.\n\n", s["dateline"] / s["xapian"], d["dateline"] / d["xapian"], s["dateline"] / s["fts5"], d["dateline"] / d["fts5"] }' "$indexing"
  updates=$dir/updates-$label.tsv
  if [[ -f $updates ]]; then
    awk -F'\t' -v disk="$(awk -F'\t' '$1 == "dateline" { print $8 }' "$indexing")" '{
        printf "Plain Xapian compacted (as Dateline'"'"'s rebuild comes out): %.1f MB; Dateline / compacted floor: disk ×%.2f.\n\n", $13, disk / $13
        printf "Dateline `update` of the built database: nothing changed %.2f s (peak RSS %.1f MB); adding %d new articles %.2f s (%.1f MB).\n\n", $3, $5, $7, $9, $11
      }' "$updates"
  fi
  queries=$dir/queries-$label.tsv
  [[ -f $queries ]] || continue
  awk -F'\t' 'NR > 1 { key = $2 "\t" $3; for (i = 5; i <= 8; i++) v[$1, key, i] = $i; if (!(key in seen)) { seen[key] = 1; keys[++n] = key } }
    END {
      print "| mode | class | Dateline p50 | p95 | p99 | q/s | Xapian p50 | p99 | FTS5 p50 | p99 | /Xapian | /FTS5 |"
      print "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      for (i = 1; i <= n; i++) { k = keys[i]; split(k, part, "\t")
        printf "| %s | %s | %.2f | %.2f | %.2f | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", part[1], part[2],
          v["dateline", k, 5], v["dateline", k, 6], v["dateline", k, 7], v["dateline", k, 8],
          v["xapian", k, 5], v["xapian", k, 7], v["fts5", k, 5], v["fts5", k, 7],
          v["dateline", k, 5] / v["xapian", k, 5], v["dateline", k, 5] / v["fts5", k, 5] }
    }' "$queries"
  batch=$dir/batch-$label.txt
  [[ -f $batch ]] && { echo; sed 's/^/- /' "$batch"; }
  echo
done
