// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/query_words.hpp"

#include <algorithm>
#include <cstdlib>

namespace dateline::searcher {
namespace {

// The number after " PHRASE " in a phrase's description: its window, which
// Xapian 1.4 does not otherwise tell ("(a@1 PHRASE 2 b@2)").
std::size_t phrase_window(const Xapian::Query& phrase) {
    std::string description = phrase.get_description();
    std::size_t at = description.find(" PHRASE ");
    return at == std::string::npos ? 0 : std::strtoul(description.c_str() + at + 8, nullptr, 10);
}

// A wildcard's pattern, the last word of its description ("WILDCARD SYNONYM missil").
std::string wildcard_pattern(const Xapian::Query& wildcard) {
    std::string description = wildcard.get_description();
    std::size_t close = description.rfind(')'), space = description.rfind(' ', close);
    return space == std::string::npos ? "" : description.substr(space + 1, close - space - 1);
}

std::string leaf_term(const Xapian::Query& leaf) {
    auto it = leaf.get_terms_begin();
    return it == leaf.get_terms_end() ? "" : *it;
}

void read(const Xapian::Query& query, QueryWords& words) {
    std::size_t n = query.get_num_subqueries();
    switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
        words.loose.push_back(leaf_term(query));
        return;
    case Xapian::Query::OP_WILDCARD:
        // An empty pattern (a description not as expected) would mark every word.
        if (std::string pattern = wildcard_pattern(query); !pattern.empty()) words.wildcards.push_back(pattern);
        return;
    case Xapian::Query::OP_PHRASE: {
        // Words side by side: found as a phrase. Otherwise (ADJ/N), each alone.
        std::vector<std::string> phrase;
        for (std::size_t i = 0; i < n && query.get_subquery(i).get_type() == Xapian::Query::LEAF_TERM; ++i)
            phrase.push_back(leaf_term(query.get_subquery(i)));
        if (phrase.size() == n && phrase_window(query) == n) {
            words.longest_phrase = std::max(words.longest_phrase, n);
            words.phrases.push_back(std::move(phrase));
            return;
        }
        break;
    }
    default:
        break;
    }
    for (std::size_t i = 0; i < n; ++i) read(query.get_subquery(i), words);
}

}  // namespace

QueryWords read_query_words(const Xapian::Query& query) {
    QueryWords words;
    read(query, words);
    return words;
}

}  // namespace dateline::searcher
