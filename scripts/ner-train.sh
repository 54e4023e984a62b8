#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Trains the entity recogniser from the CoNLL-2003 training set in the team
# kit (../shared/corpora/conll2003/eng.train.gz) with the gazetteers in
# data/gazetteers and the word clusters in data/ner/clusters.tsv, scores it
# on the development set (eng.testa.gz), and writes its two passes to OUT
# (default build/ner-model.bin.gz) and OUT's -second.bin.gz sibling. The
# second pass learns from first passes made by models trained on four fifths
# of the documents, each tagging the fifth it did not see (five first-pass
# models more: about a minute). Copy both over data/ner/model.bin.gz and
# data/ner/model-second.bin.gz only when the f1 beats the shipped model's
# (scripts/ner-eval.sh prints that), and say by how much in the commit.
# Deterministic: the same data and seed give the same files.
# Usage: scripts/ner-train.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-build/ner-model.bin.gz}
conll=../shared/corpora/conll2003
[[ -f $conll/eng.train.gz ]] || { echo "ner-train.sh: $conll/eng.train.gz is missing (the team kit)" >&2; exit 1; }
scripts/setup.sh
scripts/build.sh
build/scripts/measure/ner-train --out "$out" --epochs 20 --dev "$conll/eng.testa.gz" "$conll/eng.train.gz"
second=${out%.bin.gz}-second.bin.gz
echo "model written to $out ($(du -h "$out" | cut -f1)) and $second ($(du -h "$second" | cut -f1))"
