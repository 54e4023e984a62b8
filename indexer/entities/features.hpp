// SPDX-License-Identifier: GPL-2.0-or-later
// The recogniser's features for one word in its document: what is known
// before tagging (word, shape, affixes, neighbours, gazetteer marks, how the
// word is written elsewhere in the document) is computed once per document;
// what depends on earlier decisions (the previous tags, the type this word was
// last given in the document) is passed in for each word.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "indexer/entities/gazetteer.hpp"
#include "indexer/entities/perceptron.hpp"

namespace dateline::indexer {

struct WordInfo {
    std::string word;    // with typographic quotes made plain
    std::string lower;
    std::string shape;   // "Xx", "X.X.", "dd-dd": character classes, runs collapsed
    std::string kind;    // "cap", "upper", "lower", "digit", "mixed", "punct"
    std::uint32_t gazetteer_marks = 0;
    bool lower_elsewhere = false;  // capitalised here, in lower case elsewhere in the document
};

class DocumentFeatures {
public:
    DocumentFeatures(const std::vector<std::vector<std::string>>& sentences, const Gazetteer& gazetteer);

    std::size_t sentence_count() const { return words_.size(); }
    std::size_t length(std::size_t sentence) const { return words_[sentence].size(); }
    const WordInfo& word(std::size_t sentence, std::size_t i) const { return words_[sentence][i]; }

    // The features of word i of a sentence, given the two previous tags
    // ("" before the start) and the entity type this word last had in the
    // document ("" if none).
    void collect(std::size_t sentence, std::size_t i, std::string_view tag1, std::string_view tag2,
                 std::string_view last_type, std::vector<FeatureHash>& out) const;

private:
    std::vector<std::vector<WordInfo>> words_;
    std::vector<bool> headline_;  // the sentence is written in capitals
};

}  // namespace dateline::indexer
