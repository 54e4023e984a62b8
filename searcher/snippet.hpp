// SPDX-License-Identifier: GPL-2.0-or-later
// Query-biased snippets of an article's clean body, with the matched words
// located as byte ranges (never as markup mixed into the text): the window
// of the body whose words are worth most, a query word by its weight in the
// match, any other by its rarity in the index (Xapian's background model).
#pragma once

#include <string>

#include <xapian.h>

#include "searcher/search_types.hpp"
#include "searcher/word_rarity.hpp"

namespace dateline::searcher {

// What a snippet is scored with: the query, its match's statistics (an MSet
// of it: the weight each query word can add), the database the words are
// counted in, and the counts already looked up.
struct SnippetContext {
    const Xapian::Query& query;
    const Xapian::MSet& stats;
    const Xapian::Database& db;
    WordRarity& rarity;
};

// The passage of body that best matches the query, about length bytes
// long, "…" where text was cut. Plain text: no HTML escaping. The same
// body and query give the same snippet, whatever was asked before.
Snippet make_snippet(const SnippetContext& context, const std::string& body, unsigned length);

}  // namespace dateline::searcher
