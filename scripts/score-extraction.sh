#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Scores `dateline-index extract` on the labelled sets in the team kit
# (../shared), one "metric value" line each (stderr says what each miss was):
#   seeds_*         the seed articles: exact title, outlet, date, byline and
#                   dateline; labelled furniture out of the text; labelled
#                   sentences kept in it
#   scraped_text_*  the article extraction benchmark's full_page_text (every
#                   visible line of the page) as plain-text files: the
#                   benchmark's shingle F1 of the text against article_body;
#                   *_dump_f1 scores the scrape itself
#   html_text_*     the same benchmark's HTML pages, same metric
#   html_date_accuracy, html_author_accuracy, html_title_accuracy
#                   trafilatura/htmldate evaluation pages, given with their
#                   URLs in a manifest (as a crawl records them); the date
#                   also on a tuning part and a check part of the sites
#                   (html_date_tune_*, html_date_check_*: split by site)
# Usage: scripts/score-extraction.sh [seeds|text|html|metadata]...  (all by default)
set -euo pipefail
cd "$(dirname "$0")/.."
kit=../shared
[[ -d $kit/seeds ]] || { echo "score-extraction.sh: the team kit is missing at $kit" >&2; exit 1; }
sets=("$@")
((${#sets[@]})) || sets=(seeds text html metadata)
scripts/setup.sh
scripts/build.sh >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
extract() { build/indexer/dateline-index extract --no-entities "$@" 2>>"$work/problems" || [[ $? == 1 ]]; }
score=build/scripts/measure/score-extraction
aeb=$kit/corpora/article_extraction_benchmark/article_extraction_benchmark.jsonl.gz
th=$kit/corpora/trafilatura_htmldate_eval
for set in "${sets[@]}"; do
  case $set in
    seeds) extract "$kit/seeds" >"$work/seeds.jsonl"
           $score seeds "$kit/seeds/expected.json" "$work/seeds.jsonl" ;;
    text) $score export-text "$aeb" "$work/text" 2>/dev/null
          extract "$work/text" >"$work/text.jsonl"
          $score main-text "$aeb" "$work/text.jsonl" scraped_text ;;
    html) $score export-html "$aeb" "$work/html" 2>/dev/null
          extract "$work/html" >"$work/html.jsonl"
          $score main-text "$aeb" "$work/html.jsonl" html_text ;;
    metadata) $score export-pages "$th/pages.jsonl.gz" "$th/htmldate_annotations.jsonl.gz" \
                "$th/trafilatura_annotations.jsonl.gz" "$work/pages"
              extract --manifest "$work/pages/manifest.jsonl" "$work/pages" >"$work/pages.jsonl"
              $score metadata "$th/htmldate_annotations.jsonl.gz" "$th/trafilatura_annotations.jsonl.gz" "$work/pages.jsonl" ;;
    *) sed -n '3,18p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
