// SPDX-License-Identifier: GPL-2.0-or-later
// The query as typed, cut into tokens once, before Xapian parses it: what the
// syntax check (query_check), the folding for Xapian's parser (query_parser)
// and the did-you-mean respelling (suggest) all read, so that they agree on
// what a word, a phrase and a field are.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::searcher {

struct QueryToken {
    enum class Kind {
        space,   // a run of spaces, tabs and line ends
        word,    // a run of letters, digits, '_' and non-ASCII bytes
        quote,   // '"'
        open,    // '('
        close,   // ')'
        symbol,  // any other byte: + - : * / . ,
    };
    Kind kind;
    std::string_view text;  // into the query
    std::size_t offset;     // of its first byte in the query
    bool in_phrase;         // between a quote and its closing quote

    bool is(Kind k, char c) const { return kind == k && text.size() == 1 && text[0] == c; }
    bool is_symbol(char c) const { return is(Kind::symbol, c); }
};

// Every byte of text belongs to exactly one token, in order.
std::vector<QueryToken> tokenize_query(std::string_view text);

// AND, OR, NOT, XOR, NEAR, ADJ: the words Xapian's parser reads as operators
// (in capitals only).
bool is_operator_word(std::string_view word);

// Whether a whitespace-separated chunk of the query is an operator as Xapian
// reads it, parentheses and a "/N" distance aside: "NEAR/3", "(NOT", "OR)".
bool is_operator_chunk(std::string_view chunk);

// The query folded as the indexer folds text (fold_for_search), but for the
// operators, which Xapian knows in capitals only; spacing kept.
std::string fold_query(std::string_view text);

}  // namespace dateline::searcher
