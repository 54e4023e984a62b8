// SPDX-License-Identifier: GPL-2.0-or-later
// Query-biased snippets of an article's clean body, with the matched words
// located as byte ranges (never as markup mixed into the text): the window
// of the body whose words are worth most, a query word by its weight in the
// match, any other by its rarity in the index (Xapian's background model).
#pragma once

#include <memory>
#include <string>

#include <xapian.h>

#include "searcher/search_types.hpp"
#include "searcher/word_rarity.hpp"

namespace dateline::searcher {

// Snippets for the hits of one match: what the query looks for and what
// each find is worth, read once from the query and the match's statistics
// (an MSet of it: the weight each query word can add); the database the
// other words are counted in, and the counts already looked up. One thread
// at a time (it holds a stemmer).
class SnippetScorer {
public:
    SnippetScorer(const Xapian::Query& query, const Xapian::MSet& stats, const Xapian::Database& db,
                  WordRarity& rarity);
    ~SnippetScorer();
    SnippetScorer(const SnippetScorer&) = delete;
    SnippetScorer& operator=(const SnippetScorer&) = delete;

    // The passage of body that best matches the query, about length bytes
    // long, "…" where text was cut. Plain text: no HTML escaping. The same
    // body gives the same snippet, whatever was asked before.
    Snippet make(const std::string& body, unsigned length) const;

    struct Model;  // what the query looks for (snippet.cpp)

private:
    std::unique_ptr<const Model> model_;
    const Xapian::Database& db_;
    WordRarity& rarity_;
    Xapian::Stem stemmer_;
};

}  // namespace dateline::searcher
