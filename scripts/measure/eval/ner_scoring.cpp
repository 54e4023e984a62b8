// SPDX-License-Identifier: GPL-2.0-or-later
#include "scripts/measure/eval/ner_scoring.hpp"

#include <fmt/format.h>

namespace dateline::tools {

double print_ner_scores(const indexer::Recogniser& recogniser, const std::vector<ConllDocument>& documents,
                        std::ostream& out) {
    std::vector<std::vector<std::string>> gold, predicted;
    for (const ConllDocument& document : documents) {
        auto tags = recogniser.tag(document.words);
        gold.insert(gold.end(), document.tags.begin(), document.tags.end());
        predicted.insert(predicted.end(), tags.begin(), tags.end());
    }
    const std::vector<std::string> types{"PER", "ORG", "LOC"};
    auto scores = score_spans(spans_of(gold), spans_of(predicted), types);
    for (const std::string& type : types) {
        const TypeScore& s = scores[type];
        out << fmt::format("{:<4} precision {:.4f} recall {:.4f} f1 {:.4f} (gold {}, found {}, right {})\n", type,
                           s.precision(), s.recall(), s.f1(), s.gold, s.predicted, s.correct);
    }
    const TypeScore& all = scores["all"];
    out << fmt::format("all  precision {:.4f} recall {:.4f}\n", all.precision(), all.recall());
    out << fmt::format("f1 {:.4f}\n", all.f1());
    return all.f1();
}

}  // namespace dateline::tools
