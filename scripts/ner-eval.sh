#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Scores the shipped entity recogniser (data/ner/) on FILE, a file in the
# CoNLL-2003 format ("word POS chunk TAG" per line, gzip or plain, IOB1 or
# IOB2 tags), or GMB sentences as the team kit keeps them (*.jsonl[.gz]:
# per, org, geo scored as PER, ORG, LOC), the CoNLL way: a mention counts
# when its span and type are exactly right; precision, recall and F1
# micro-averaged over PER, ORG and LOC (MISC ignored). Prints a line per
# type, and last "f1 X".
# Usage: scripts/ner-eval.sh FILE
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
[[ $# == 1 ]] || { sed -n '3,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ -r $1 ]] || { echo "ner-eval.sh: cannot read $1" >&2; exit 2; }
file=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$here"
scripts/setup.sh
scripts/build.sh
build/scripts/measure/ner-eval "$file"
