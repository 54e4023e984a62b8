// SPDX-License-Identifier: GPL-2.0-or-later
// Files in the CoNLL-2003 format (one "word ... TAG" line per token, a blank
// line between sentences, -DOCSTART- between documents; gzip or plain), and
// the shared task's scoring: exact span and type, micro-averaged.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace dateline::tools {

struct ConllDocument {
    std::vector<std::vector<std::string>> words;  // sentences of words
    std::vector<std::vector<std::string>> tags;   // IOB2, whatever the file used
};

// Throws std::runtime_error with file and line on a malformed line.
std::vector<ConllDocument> read_conll(const std::string& path);

struct Span {
    std::size_t sentence, begin, end;  // words [begin, end) of the sentence
    std::string type;
    auto operator<=>(const Span&) const = default;
};

// Spans of IOB1 or IOB2 tags: a span starts at B-X, or at I-X after a tag of
// another type.
std::vector<Span> spans_of(const std::vector<std::vector<std::string>>& tags);

struct TypeScore {
    std::size_t gold = 0, predicted = 0, correct = 0;
    double precision() const { return predicted ? double(correct) / double(predicted) : 0.0; }
    double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
    double f1() const {
        double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

// Per type, plus "all" over the types listed (MISC is left out by the caller).
std::map<std::string, TypeScore> score_spans(const std::vector<Span>& gold, const std::vector<Span>& predicted,
                                             const std::vector<std::string>& types);

}  // namespace dateline::tools
