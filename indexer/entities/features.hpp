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
#include "indexer/entities/word_clusters.hpp"

namespace dateline::indexer {

struct WordInfo {
    std::string word;    // with typographic quotes made plain
    std::string lower;
    std::string shape;   // "Xx", "X.X.", "dd-dd": character classes, runs collapsed
    std::string kind;    // "cap", "upper", "lower", "digit", "mixed", "punct"
    std::string_view cluster;  // the word's cluster path, "" if none
    std::uint32_t gazetteer_marks = 0;
    bool lower_elsewhere = false;  // capitalised here, in lower case elsewhere in the document
    // The words around this word's other occurrences in the document (for a
    // capitalised word; at most a few, each once): index into contexts_.
    std::size_t contexts = 0;
    // The run of capitalised words (with "of" between) the word is part of:
    // its first and last words, and where in it this word is ("" outside).
    std::string_view run_first, run_last, run_place;
    // After a first pass over the document (set_first_pass): the type most
    // often given to this word anywhere in it ("O" included), and the type of
    // most of the mentions the word is part of ("" if none).
    std::string_view first_type, first_mention_type;
    // The first pass's "O" stands: a word not capitalised, never part of a
    // name in the first pass. The second pass neither scores nor learns it.
    bool settled = false;
    // Written in lower case (or digits or punctuation), in no gazetteer name
    // or run of capitalised words, and not before a capitalised word: after
    // an "O", tagging's first pass calls it "O" without scoring it, as the
    // model would (of CoNLL testa's 51,362 words it changes no tag; of
    // GMB's 944,633, one). Most words are plain: with word ids and fixed
    // features worked out only for the words scored,
    // tagging Reuters went from 457,000 to 810,000 words a second.
    bool plain = false;
    // The same number for the same word (as written) in the document: from
    // 0 to DocumentFeatures::distinct_words().
    std::uint32_t id = 0;
};

// A word as the tagger compares it: typographic quotes made plain, lower case
// (accents folded when not ASCII). Word clusters are keyed by it.
std::string tagger_lower(std::string_view raw);

class DocumentFeatures {
public:
    DocumentFeatures(const std::vector<std::vector<std::string>>& sentences, const Gazetteer& gazetteer,
                     const WordClusters& clusters);

    std::size_t sentence_count() const { return words_.size(); }
    std::size_t length(std::size_t sentence) const { return words_[sentence].size(); }
    const WordInfo& word(std::size_t sentence, std::size_t i) const { return words_[sentence][i]; }
    std::size_t distinct_words() const { return distinct_words_; }

    // What a first pass decided anywhere in the document, as features of the
    // second: tags are IOB2, one per word.
    void set_first_pass(const std::vector<std::vector<std::string>>& tags);

    // The features of word i of a sentence, given the two previous tags
    // ("" before the start) and the entity type this word last had in the
    // document ("" if none).
    void collect(std::size_t sentence, std::size_t i, std::string_view tag1, std::string_view tag2,
                 std::string_view last_type, std::vector<FeatureHash>& out) const;

private:
    // The features that do not depend on tags, appended to out.
    void fixed_features(std::size_t sentence, std::size_t i, std::vector<FeatureHash>& out) const;

    std::vector<std::vector<WordInfo>> words_;
    std::vector<std::size_t> sentence_start_;  // index of each sentence's first word in fixed_at_
    // The fixed features of the words scored so far, one after another, and
    // for each word where its own start and how many (not_yet: not worked out).
    mutable std::vector<FeatureHash> fixed_;
    static constexpr std::pair<std::uint32_t, std::uint32_t> not_yet{~0u, 0};
    mutable std::vector<std::pair<std::uint32_t, std::uint32_t>> fixed_at_;
    std::vector<bool> headline_;  // the sentence is written in capitals
    std::vector<std::vector<std::string>> contexts_;  // [0] is empty
    std::size_t distinct_words_ = 0;
    bool second_pass_ = false;
};

}  // namespace dateline::indexer
