#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Relevance of Dateline's ranking on a test collection: indexes DOCS into a
# temporary database, runs each query as a user would type it (lower case,
# punctuation dropped, words ORed with --any), and prints "ndcg@10 X", "map X",
# "p@10 X" (binary relevance, MAP over the top 1,000).
# Usage: scripts/eval-relevance.sh DOCS.jsonl[.gz] QUERIES.tsv QRELS
#   DOCS    JSON Lines with an "id" per document (as time_docs.jsonl.gz)
#   QUERIES qid<TAB>query text (as time_queries_dev.tsv)
#   QRELS   TREC qrels "qid 0 docid relevance" (as time_qrels_dev.txt)
set -euo pipefail
cd "$(dirname "$0")/.."

if (($# != 3)); then
  sed -n '3,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
docs=$1 queries=$2 qrels=$3
for file in "$docs" "$queries" "$qrels"; do
  [[ -f "$file" ]] || { echo "eval-relevance.sh: no such file: $file" >&2; exit 2; }
done
scripts/setup.sh
scripts/build.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/indexer/dateline-index update --quiet --db "$work/db" "$docs" || [[ $? == 1 ]]
cut -f2- "$queries" | tr '[:upper:]' '[:lower:]' | sed -E 's/[^[:alnum:]]+/ /g; s/^ +| +$//g' |
  sed -E 's/.*/{"query": "&", "any": true, "limit": 1000, "facets": false, "snippet_length": 0}/' >"$work/batch.jsonl"
build/searcher/dateline-search --db "$work/db" --batch "$work/batch.jsonl" >"$work/answers.jsonl"
build/scripts/measure/relevance-metrics "$docs" "$qrels" "$queries" <"$work/answers.jsonl"
