#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Trains the entity recogniser from the CoNLL-2003 training set in the team
# kit (../shared/corpora/conll2003/eng.train.gz) with the gazetteers in
# data/gazetteers, scores it on the development set (eng.testa.gz), and
# writes it to OUT (default build/ner-model.bin.gz). Copy it over
# data/ner/model.bin.gz only when its f1 beats the shipped model's
# (scripts/ner-eval.sh prints that), and say by how much in the commit.
# Deterministic: the same data and seed give the same file.
# Usage: scripts/ner-train.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-build/ner-model.bin.gz}
conll=../shared/corpora/conll2003
[[ -f $conll/eng.train.gz ]] || { echo "ner-train.sh: $conll/eng.train.gz is missing (the team kit)" >&2; exit 1; }
scripts/setup.sh
scripts/build.sh
build/scripts/measure/ner-train --out "$out" --epochs 20 --dev "$conll/eng.testa.gz" "$conll/eng.train.gz"
echo "model written to $out ($(du -h "$out" | cut -f1))"
