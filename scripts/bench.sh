#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Speed and scale of Dateline, measured in the same run beside two floors: a
# minimal plain-Xapian engine and SQLite FTS5 (scripts/measure/bench/). See
# docs/benchmarks.md for the latest figures and how to read them.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
Usage: scripts/bench.sh [--quick] [--corpus FILE] [--queries FILE] [--sizes "N ..."]
                        [--repeat N] [indexing] [queries] [scale]

  indexing  build Dateline (dateline-index rebuild, every core), the
            plain-Xapian floor (one writer) and FTS5 from one JSON Lines
            corpus: documents/s, MB/s of text (title + body), peak RSS, size
            on disk (and the floor's once compacted, as Dateline's comes
            out); then Dateline's update with nothing changed and an update
            adding 1% new articles (10,000 at 1M)
  queries   single-threaded latency p50/p95/p99 and queries/s per query class
            (warm cache), with exact facets and snippets on ("full") and off
            ("bare"); Dateline's batch mode in queries/s (the set x20)
  scale     indexing and queries on SYNTHETIC corpora of each size, made from
            the corpus by scripts/measure/bench/synth_corpus.cpp
  (none)    all three

  --quick     small and fast, for CI: 3,000 articles, sizes "3000", 1 repeat
  --corpus    JSON Lines corpus (default ../shared/corpora/reuters21578)
  --queries   query set (default ../shared/bench/queries.tsv)
  --sizes     synthetic corpus sizes (default "10000 100000 1000000")
  --repeat    timed passes over the query set (default 5)

Ratios are Dateline's figure over the floor's: for time and latency above 1
means Dateline is slower, for throughput below 1 means it is slower.
Results are also written as TSV under build/bench/ (build/bench/quick/ for
--quick); scripts/bench-report.sh turns them into the Markdown tables of
docs/benchmarks.md. Exit status 1 if a step
fails or its results are implausible (no documents, no matches).
EOF
}

corpus=../shared/corpora/reuters21578/reuters21578.jsonl.gz
queries=../shared/bench/queries.tsv
sizes="10000 100000 1000000"
repeat=5
quick=0
steps=()
while (($#)); do
  case $1 in
    --quick) quick=1 ;;
    --corpus) corpus=$2; shift ;;
    --queries) queries=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --repeat) repeat=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    indexing|queries|scale) steps+=("$1") ;;
    *) echo "bench.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
((${#steps[@]})) || steps=(indexing queries scale)
for file in "$corpus" "$queries"; do
  [[ -f "$file" ]] || { echo "bench.sh: no such file: $file (the team kit ../shared is needed)" >&2; exit 1; }
done

scripts/setup.sh
scripts/build.sh
out=build/bench
mkdir -p "$out"
work=$(mktemp -d "$out/work.XXXXXX")
trap 'rm -rf "$work"' EXIT
index=build/indexer/dateline-index
search=build/searcher/dateline-search

if ((quick)); then
  head -n 3000 < <(zcat -f "$corpus") >"$work/corpus.jsonl"
  corpus=$work/corpus.jsonl
  sizes=3000
  out=build/bench/quick
  mkdir -p "$out"
  repeat=1
fi

fail() { echo "bench.sh: FAILED: $*" >&2; exit 1; }

# timed OUT COMMAND...: runs COMMAND (status 1, a partial run, still counts),
# its standard output to OUT; sets $seconds and $rss_mb.
timed() {
  local output=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$output" 2>"$work/stderr" || [[ $? == 1 ]] || {
    cat "$work/stderr" >&2
    fail "$*"
  }
  read -r seconds kb < <(tail -n 1 "$work/time")
  rss_mb=$(awk -v kb="$kb" 'BEGIN { printf "%.1f", kb / 1024 }')
}

# index_all LABEL CORPUS: builds the three indexes under $work/LABEL and prints
# one row per engine, plus ratios; rows also go to build/bench/indexing-LABEL.tsv.
index_all() {
  local label=$1 source=$2 dir=$work/$1 docs=0 text_bytes=0
  mkdir -p "$dir"
  local table=$out/indexing-$label.tsv
  printf 'engine\tdocuments\ttext_mb\tseconds\tdocs_per_s\tmb_per_s\tpeak_rss_mb\tdisk_mb\n' >"$table"
  local indexed
  for engine in xapian fts5 dateline; do
    indexed=$docs
    case $engine in
      xapian) timed "$work/count" build/scripts/measure/bench-floor-index xapian "$source" "$dir/xapian"
              read -r docs text_bytes <"$work/count"
              indexed=$docs ;;
      fts5) timed "$work/count" build/scripts/measure/bench-floor-index fts5 "$source" "$dir/fts5.db" ;;
      dateline) timed /dev/null "$index" rebuild --quiet --db "$dir/dateline" "$source"
                indexed=$("$index" stats --db "$dir/dateline" --json | sed -E 's/.*"documents":([0-9]+).*/\1/')
                # Records with neither title nor text are reported and skipped, not indexed.
                ((indexed * 100 >= docs * 99)) || fail "dateline indexed $indexed of $docs records"
                ;;
    esac
    local path=$dir/$engine
    [[ $engine == fts5 ]] && path=$dir/fts5.db
    local disk
    disk=$(du -sb "$path" | cut -f1)
    awk -v e="$engine" -v d="$indexed" -v b="$text_bytes" -v s="$seconds" -v r="$rss_mb" -v k="$disk" \
      'BEGIN { s = s > 0 ? s : 0.01; printf "%s\t%d\t%.1f\t%.2f\t%.0f\t%.2f\t%s\t%.1f\n", e, d, b / 1e6, s, d / s, b / 1e6 / s, r, k / 1048576 }' \
      >>"$table"
  done
  (( docs > 0 )) || fail "no documents in $source"
  # The floor as a compacted database, as Dateline's rebuild makes its own.
  xapian-compact "$dir/xapian" "$dir/xapian-compacted" >/dev/null || fail "xapian-compact"
  local compacted
  compacted=$(du -sb "$dir/xapian-compacted" | cut -f1)
  rm -rf "$dir/xapian-compacted"
  # Dateline's incremental updates of what it built: nothing changed, then
  # 1% new articles (ids after the corpus's; from the same sentences).
  timed /dev/null "$index" update --quiet --db "$dir/dateline" "$source"
  local unchanged_s=$seconds unchanged_rss=$rss_mb
  local new_articles=$(( docs / 100 > 0 ? docs / 100 : 1 ))
  build/scripts/measure/bench-synth "$corpus" "$new_articles" 2 $((docs + 1)) >"$dir/new.jsonl" 2>/dev/null ||
    fail "bench-synth for new articles"
  timed /dev/null "$index" update --quiet --db "$dir/dateline" "$dir/new.jsonl"
  local added_s=$seconds added_rss=$rss_mb
  printf 'update\tunchanged_s\t%s\tunchanged_rss_mb\t%s\tnew_articles\t%s\tadded_s\t%s\tadded_rss_mb\t%s\tfloor_compacted_mb\t%.1f\n' \
    "$unchanged_s" "$unchanged_rss" "$new_articles" "$added_s" "$added_rss" "$(awk -v k="$compacted" 'BEGIN { print k / 1048576 }')" \
    >"$out/updates-$label.tsv"
  echo "== indexing: $label ($docs documents, $(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of text; $(nproc) cores)"
  awk -F'\t' 'NR == 1 { printf "%-9s %9s %8s %10s %9s %9s %9s\n", "engine", "seconds", "docs/s", "MB/s", "rss_MB", "disk_MB", ""; next }
    { e[NR] = $1; s[$1] = $4; dps[$1] = $5; mbs[$1] = $6; rss[$1] = $7; disk[$1] = $8 }
    END {
      for (i = 2; i <= NR; i++) { n = e[i]; printf "%-9s %9.2f %8.0f %10.2f %9.1f %9.1f\n", n, s[n], dps[n], mbs[n], rss[n], disk[n] }
      printf "dateline/xapian: time x%.2f, throughput x%.2f, disk x%.2f\n", s["dateline"] / s["xapian"], dps["dateline"] / dps["xapian"], disk["dateline"] / disk["xapian"]
      printf "dateline/fts5:   time x%.2f, throughput x%.2f, disk x%.2f\n", s["dateline"] / s["fts5"], dps["dateline"] / dps["fts5"], disk["dateline"] / disk["fts5"]
    }' "$table"
  awk -F'\t' -v disk="$(awk -F'\t' '$1 == "dateline" { print $8 }' "$table")" '{
      printf "plain Xapian compacted: %.1f MB; dateline/compacted floor: disk x%.2f\n", $13, disk / $13
      printf "dateline update, nothing changed: %.2f s (%.1f MB); update adding %d new articles: %.2f s (%.1f MB)\n", $3, $5, $7, $9, $11
    }' "$out/updates-$label.tsv"
}

# query_all LABEL: latency of the three engines over the indexes index_all
# built, then Dateline's batch throughput; rows go to build/bench/queries-LABEL.tsv.
query_all() {
  local label=$1 dir=$work/$1
  local table=$out/queries-$label.tsv
  printf 'engine\tmode\tclass\tn\tp50_ms\tp95_ms\tp99_ms\tqps\n' >"$table"
  for engine in dateline xapian fts5; do
    local path=$dir/$engine
    [[ $engine == fts5 ]] && path=$dir/fts5.db
    build/scripts/measure/bench-queries "$engine" "$path" "$queries" "$repeat" >"$work/latency" || fail "bench-queries $engine"
    grep '^#' "$work/latency" | sed 's/^# /   /' >&2
    grep -q ' 0 matches in all' "$work/latency" && fail "$engine found nothing for the whole query set"
    grep -v '^#' "$work/latency" >>"$table"
  done
  echo "== queries: $label (single-threaded, warm, $repeat timed passes; latency in ms)"
  awk -F'\t' 'NR > 1 { key = $2 "\t" $3; p50[$1, key] = $5; p95[$1, key] = $6; p99[$1, key] = $7; qps[$1, key] = $8; if (!(key in seen)) { seen[key] = 1; keys[++n] = key } }
    END {
      printf "%-5s %-9s %9s %9s %9s %9s %9s %9s %9s %8s %8s\n", "mode", "class", "p50", "p95", "p99", "qps", "xap_p50", "fts5_p50", "fts5_p99", "/xapian", "/fts5"
      for (i = 1; i <= n; i++) { k = keys[i]; split(k, part, "\t")
        printf "%-5s %-9s %9.3f %9.3f %9.3f %9.0f %9.3f %9.3f %9.3f %8.2f %8.2f\n", part[1], part[2], p50["dateline", k], p95["dateline", k], p99["dateline", k], qps["dateline", k],
          p50["xapian", k], p50["fts5", k], p99["fts5", k], p50["dateline", k] / p50["xapian", k], p50["dateline", k] / p50["fts5", k] }
      print "(/xapian, /fts5: Dateline p50 over the floor p50; above 1 = slower)"
    }' "$table"
  # The query set twenty times over, so start-up is a small part of the time.
  for _ in $(seq 20); do grep -v '^#' "$queries" | grep -v '^$' | cut -f2; done >"$work/batch.txt"
  : >"$out/batch-$label.txt"
  local n
  n=$(wc -l <"$work/batch.txt")
  for mode in full bare; do
    local flags=()
    [[ $mode == bare ]] && flags=(--no-facets --snippet-length 0)
    timed /dev/null "$search" --db "$dir/dateline" --batch "$work/batch.txt" "${flags[@]}"
    awk -v n="$n" -v s="$seconds" -v m="$mode" 'BEGIN { printf "batch (%s): %d queries in %.2f s, %.0f queries/s, one process\n", m, n, s, n / s }' \
      | tee -a "$out/batch-$label.txt"
  done
}

for step in "${steps[@]}"; do
  case $step in
    indexing) index_all corpus "$corpus" ;;
    queries)
      [[ -d $work/corpus ]] || index_all corpus "$corpus" >/dev/null
      query_all corpus ;;
    scale)
      for size in $sizes; do
        synthetic=$work/synthetic-$size.jsonl
        build/scripts/measure/bench-synth "$corpus" "$size" >"$synthetic" 2>"$work/stderr" || { cat "$work/stderr" >&2; fail "bench-synth"; }
        echo "== scale: $size SYNTHETIC articles ($(cat "$work/stderr"))"
        index_all "synthetic-$size" "$synthetic"
        query_all "synthetic-$size"
        rm -rf "$synthetic" "${work:?}/synthetic-$size"
      done ;;
  esac
done
echo "bench.sh: done; tables in $out/"
