#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds the entity recogniser's word clusters (data/ner/clusters.tsv by
# default) from unlabelled news text in the team kit: Reuters-21578, BBC News,
# BuzzFeed-Webis, HuffPost, Hyperpartisan, FakeNewsCorpus sample, TIME, and
# the words (not the tags) of the CoNLL-2003 training set. Not CoNLL testa,
# nor GMB, whose figures are reported. Deterministic: the same text gives
# the same file. Train the model again after changing the clusters
# (scripts/ner-train.sh).
# Usage: scripts/ner-clusters.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-data/ner/clusters.tsv}
c=../shared/corpora
[[ -f $c/conll2003/eng.train.gz ]] || { echo "ner-clusters.sh: the team kit is missing at ../shared" >&2; exit 1; }
scripts/setup.sh
scripts/build.sh
build/scripts/measure/ner-clusters "$out" \
  $c/reuters21578/reuters21578.jsonl.gz $c/bbc_news/bbc_news.jsonl.gz \
  $c/buzzfeed_webis_2016/buzzfeed_webis_2016.jsonl.gz \
  $c/huffpost_news_category_sample/huffpost_news_category_v3_sample.jsonl.gz \
  $c/hyperpartisan_2019/hyperpartisan_byarticle.jsonl.gz $c/fakenewscorpus_sample/fakenewscorpus_sample.jsonl.gz \
  $c/time_ir/time_docs.jsonl.gz $c/conll2003/eng.train.gz
