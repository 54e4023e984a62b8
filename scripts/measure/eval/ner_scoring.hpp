// SPDX-License-Identifier: GPL-2.0-or-later
// Tags labelled documents and prints the CoNLL scores: a line per type
// (PER, ORG, LOC: precision, recall, F1, counts), then "f1 X" over the three.
#pragma once

#include <ostream>
#include <vector>

#include "indexer/entities/recogniser.hpp"
#include "scripts/measure/eval/conll.hpp"

namespace dateline::tools {

double print_ner_scores(const indexer::Recogniser& recogniser, const std::vector<ConllDocument>& documents,
                        std::ostream& out);

}  // namespace dateline::tools
