#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Quality of Dateline on the labelled sets in the team kit (../shared), one
# "metric value" line each, for scripts to read; lines starting with "#" say
# what is not measured yet and why.
#   time_*   ranking on the TIME collection's dev queries (scripts/eval-relevance.sh):
#            time_ndcg@10, map, p@10 for the ranking chosen on these very
#            queries (a tuned figure); time_cv_ndcg@10 for rankings (weighting
#            scheme, parameters, common-word share) chosen by 5-fold
#            cross-validation over them (each query scored by a choice made
#            without it: the honest figure)
#   seeds_*, scraped_text_*, html_*  extraction (scripts/score-extraction.sh):
#            seed articles' fields, furniture and kept sentences; main text
#            from scrapes and HTML pages (the article extraction benchmark's
#            shingle F1); HTML dates, authors and titles
#   conll_*  entities on CoNLL-2003 testa (scripts/ner-eval.sh): exact span
#            and type, micro-averaged over PER, ORG, LOC; the model is chosen
#            on a split of the training set, testa only compares finished models
#   gmb_*    the same model on the GMB sentences (Voice of America, another
#            annotation scheme: per/org/geo as PER/ORG/LOC), never trained on
#   syndication_*  syndicated copies found by text sketches
#            (build/scripts/measure/syndication-eval on Reuters-21578): pair
#            precision and recall, the threshold chosen on half the articles
#            (tune_*) and scored on the other half (check_*); then that
#            threshold on the BBC's and BuzzFeed's articles, which no choice
#            has seen (syndication_bbc_*, syndication_buzzfeed_*)
# Usage: scripts/eval.sh [--quick]
#   --quick  also fail (exit 1) if a figure falls below its regression floor
#            (set just under the figures measured when each was last improved);
#            every set is small, so --quick runs all of them
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
case ${1:-} in
  --quick) check=1 ;;
  "") ;;
  *) sed -n '3,30p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
kit=../shared
[[ -d $kit/seeds && -d $kit/corpora/time_ir ]] || { echo "eval.sh: the team kit is missing at $kit" >&2; exit 1; }
scripts/setup.sh
scripts/build.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
time_ir=$kit/corpora/time_ir
scripts/eval-relevance.sh --cv 5 "$time_ir/time_docs.jsonl.gz" "$time_ir/time_queries_dev.tsv" "$time_ir/time_qrels_dev.txt" |
  sed 's/^\([^#]\)/time_\1/' >"$work/metrics"
scripts/score-extraction.sh 2>/dev/null >>"$work/metrics"
build/scripts/measure/ner-eval "$kit/corpora/conll2003/eng.testa.gz" |
  sed -n 's/^f1 /conll_f1 /p; s/^\(PER\|ORG\|LOC\) .* f1 \([0-9.]*\) .*/conll_\1_f1 \2/p' >>"$work/metrics"
build/scripts/measure/ner-eval "$kit/corpora/gmb_ner/gmb_ner_dev.sentences.jsonl.gz" |
  sed -n 's/^f1 /gmb_f1 /p; s/^\(PER\|ORG\|LOC\) .* f1 \([0-9.]*\) .*/gmb_\1_f1 \2/p' >>"$work/metrics"
build/scripts/measure/syndication-eval "$kit/corpora/reuters21578/reuters21578.jsonl.gz" |
  sed 's/^\([^#]\)/syndication_\1/' >>"$work/metrics"
threshold=$(awk '$1 == "syndication_chosen_threshold" { print $2 }' "$work/metrics")
for unseen in bbc_news/bbc_news:bbc buzzfeed_webis_2016/buzzfeed_webis_2016:buzzfeed; do
  build/scripts/measure/syndication-eval --threshold "$threshold" "$kit/corpora/${unseen%:*}.jsonl.gz" |
    sed -n "s/^\(precision\|recall\|corpus_repeats\) /syndication_${unseen#*:}_\1 /p" >>"$work/metrics"
done
cat "$work/metrics"

if ((check)); then
  # Regression floors: a change that drops a figure below its floor fails CI.
  failed=0
  while read -r metric floor; do
    value=$(awk -v m="$metric" '$1 == m { print $2 }' "$work/metrics")
    if [[ -z $value ]] || awk -v v="$value" -v f="$floor" 'BEGIN { exit !(v < f) }'; then
      echo "eval.sh: $metric ${value:-missing} is below its floor $floor" >&2
      failed=1
    fi
  done <<'FLOORS'
time_ndcg@10 0.775
time_cv_ndcg@10 0.74
time_map 0.70
seeds_title 1.0
seeds_outlet 1.0
seeds_date 1.0
seeds_byline 1.0
seeds_dateline 1.0
seeds_furniture_removed 1.0
seeds_body_kept 1.0
scraped_text_f1 0.86
html_text_f1 0.935
html_date_accuracy 0.90
html_date_check_accuracy 0.88
conll_f1 0.915
gmb_f1 0.67
syndication_check_precision 0.99
syndication_check_recall 0.95
syndication_bbc_precision 0.99
syndication_bbc_recall 0.98
syndication_buzzfeed_precision 0.98
syndication_buzzfeed_recall 0.98
FLOORS
  exit $failed
fi
