// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/query_syntax.hpp"

#include "shared/text.hpp"

namespace dateline::searcher {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c & 0x80);
}

}  // namespace

std::vector<QueryToken> tokenize_query(std::string_view text) {
    std::vector<QueryToken> tokens;
    bool in_phrase = false;
    for (std::size_t i = 0; i < text.size();) {
        using Kind = QueryToken::Kind;
        char c = text[i];
        std::size_t end = i + 1;
        Kind kind = Kind::symbol;
        if (is_space(c)) {
            kind = Kind::space;
            while (end < text.size() && is_space(text[end])) ++end;
        } else if (is_word_byte(c)) {
            kind = Kind::word;
            while (end < text.size() && is_word_byte(text[end])) ++end;
        } else if (c == '"') {
            kind = Kind::quote;
        } else if (c == '(') {
            kind = Kind::open;
        } else if (c == ')') {
            kind = Kind::close;
        }
        tokens.push_back({kind, text.substr(i, end - i), i, in_phrase && kind != Kind::quote});
        if (kind == Kind::quote) in_phrase = !in_phrase;
        i = end;
    }
    return tokens;
}

bool is_operator_word(std::string_view word) {
    for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"})
        if (word == op) return true;
    return false;
}

bool is_operator_chunk(std::string_view chunk) {
    while (chunk.starts_with('(')) chunk.remove_prefix(1);
    while (chunk.ends_with(')')) chunk.remove_suffix(1);
    if (std::size_t slash = chunk.find('/'); slash != std::string_view::npos) chunk = chunk.substr(0, slash);
    return is_operator_word(chunk);
}

std::string fold_query(std::string_view text) {
    std::string folded;
    std::vector<QueryToken> tokens = tokenize_query(text);
    for (std::size_t i = 0; i < tokens.size();) {
        if (tokens[i].kind == QueryToken::Kind::space) {
            folded += tokens[i++].text;
            continue;
        }
        // A chunk: the tokens up to the next space, folded (or not) as one.
        std::size_t start = tokens[i].offset;
        while (i < tokens.size() && tokens[i].kind != QueryToken::Kind::space) ++i;
        std::size_t end = i < tokens.size() ? tokens[i].offset : text.size();
        std::string_view chunk = text.substr(start, end - start);
        folded += is_operator_chunk(chunk) ? std::string(chunk) : fold_for_search(chunk);
    }
    return folded;
}

}  // namespace dateline::searcher
