#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Relevance of Dateline's ranking on a test collection: indexes DOCS into a
# temporary database, runs each query as a user would type it (lower case,
# punctuation dropped, words ORed with --any), and prints "ndcg@10 X", "map X",
# "p@10 X" (binary relevance, MAP over the top 1,000).
# Usage: scripts/eval-relevance.sh [--cv K] DOCS.jsonl[.gz] QUERIES.tsv QRELS
#   DOCS    JSON Lines with an "id" per document (as time_docs.jsonl.gz)
#   QUERIES qid<TAB>query text (as time_queries_dev.tsv)
#   QRELS   TREC qrels "qid 0 docid relevance" (as time_qrels_dev.txt)
#   --cv K  also choose the ranking by K-fold cross-validation over the
#           queries: every weighting scheme and parameter in the grid below,
#           each with every common-word share (--common-share), is run; for
#           each fold, the one with the best nDCG@10 on the other folds is
#           scored on it. Prints "cv_ndcg@10 X" (each query scored by a
#           choice made without it), "best_ndcg@10 X" and "best_scheme S"
#           (SCHEME/SHARE, the best on all the queries: a tuned figure), and
#           one "# fold" comment a fold saying what it chose; then the same
#           with the share held at its default ("cv_fixed_share_ndcg@10":
#           optimistic, as the default was chosen on all the dev queries)
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '3,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
folds=0
if [[ ${1:-} == --cv ]]; then
  folds=${2:-}
  [[ $folds =~ ^[0-9]+$ ]] && ((folds >= 2)) || usage
  shift 2
fi
(($# == 3)) || usage
docs=$1 queries=$2 qrels=$3
for file in "$docs" "$queries" "$qrels"; do
  [[ -f "$file" ]] || { echo "eval-relevance.sh: no such file: $file" >&2; exit 2; }
done
scripts/setup.sh
scripts/build.sh

# The grid cross-validation chooses from: Xapian's schemes and their
# parameters around their usual values, and the share of the articles above
# which a word weighs nothing (1: none); the defaults (analysis.hpp) first,
# so that a tie keeps them.
shares=(0.25 0.1 0.15 0.2 0.3 0.4 1)
schemes=(bb2:1.5 bb2:0.5 bb2:1 bb2:2 bb2:3 bb2:5 bb2:8
  bm25:0.6,0.3 bm25:0.6,0.5 bm25:0.6,0.75 bm25:0.6,0.9 bm25:0.9,0.3 bm25:0.9,0.5 bm25:0.9,0.75 bm25:0.9,0.9
  bm25:1.2,0.3 bm25:1.2,0.5 bm25:1.2,0.75 bm25:1.2,0.9 bm25:1.6,0.3 bm25:1.6,0.5 bm25:1.6,0.75 bm25:1.6,0.9
  bm25:2,0.3 bm25:2,0.5 bm25:2,0.75 bm25:2,0.9
  pl2:0.5 pl2:1 pl2:2 pl2:4 inl2:0.5 inl2:1 inl2:2 inl2:4 ifb2:1 ineb2:1 dlh dph tfidf lm)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/indexer/dateline-index update --quiet --db "$work/db" "$docs" || [[ $? == 1 ]]
cut -f2- "$queries" | tr '[:upper:]' '[:lower:]' | sed -E 's/[^[:alnum:]]+/ /g; s/^ +| +$//g' |
  sed -E 's/.*/{"query": "&", "any": true, "limit": 1000, "facets": false, "snippet_length": 0}/' >"$work/batch.jsonl"
build/searcher/dateline-search --db "$work/db" --batch "$work/batch.jsonl" >"$work/answers.jsonl"
build/scripts/measure/relevance-metrics "$docs" "$qrels" "$queries" <"$work/answers.jsonl"
((folds)) || exit 0

# One run per candidate, one a core at a time, each into a file of its own
# named by its place in the grid; joined in the grid's order afterwards (a
# tie goes to the earlier candidate).
run_candidate() {
  local scheme=$1 share=$2 out=$3
  build/searcher/dateline-search --db "$work/db" --weighting "$scheme" --common-share "$share" \
    --batch "$work/batch.jsonl" |
    build/scripts/measure/relevance-metrics "$docs" "$qrels" "$queries" --per-query |
    awk -v s="$scheme/$share" '{ print s, $1, $2 }' >"$out.part"
  mv "$out.part" "$out"
}
candidate=0
for scheme in "${schemes[@]}"; do
  for share in "${shares[@]}"; do
    while (($(jobs -rp | wc -l) >= $(nproc))); do wait -n || true; done
    run_candidate "$scheme" "$share" "$work/candidate-$(printf %04d $candidate)" &
    candidate=$((candidate + 1))
  done
done
wait
for ((i = 0; i < candidate; ++i)); do
  file=$work/candidate-$(printf %04d $i)
  [[ -s $file ]] || { echo "eval-relevance.sh: the run of grid candidate $i failed" >&2; exit 1; }
  cat "$file"
done >"$work/per-query"
# Folds by the queries' order in QUERIES: query i (from 0) is in fold i mod K.
# NAME: what the figures are called; ONLY: candidates whose name ends so.
cross_validate() {
awk -v folds="$folds" -v name_prefix="$1" -v only="$2" '
  only != "" && substr($1, length($1) - length(only) + 1) != only { next }
  !($2 in order) { order[$2] = queries++ }
  !($1 in rank) { rank[$1] = schemes; name[schemes++] = $1 }
  { score[$1, $2] = $3 }
  END {
    for (f = 0; f < folds; ++f) {
      best = ""
      for (s = 0; s < schemes; ++s) {
        sum = 0; n = 0
        for (q in order) if (order[q] % folds != f) { sum += score[name[s], q]; ++n }
        if (best == "" || sum / n > best_mean + 1e-12) { best = name[s]; best_mean = sum / n }
      }
      sum = 0; n = 0
      for (q in order) if (order[q] % folds == f) { sum += score[best, q]; ++n; held += score[best, q] }
      printf "# fold %d: chose %s (nDCG@10 %.4f on the other folds), %.4f on its %d queries\n", f + 1, best, best_mean, sum / n, n
    }
    printf "%sndcg@10 %.4f\n", name_prefix, held / queries
    best = ""
    for (s = 0; s < schemes; ++s) {
      sum = 0
      for (q in order) sum += score[name[s], q]
      if (best == "" || sum / queries > best_mean + 1e-12) { best = name[s]; best_mean = sum / queries }
    }
    if (only == "") printf "best_ndcg@10 %.4f\nbest_scheme %s\n", best_mean, best
  }' "$work/per-query"
}
cross_validate cv_ ""
cross_validate cv_fixed_share_ "/${shares[0]}"
