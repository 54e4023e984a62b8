// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/query_check.hpp"

#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "shared/error.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

bool is_field_name(std::string_view name) {
    for (const schema::Field& field : schema::all_fields)
        if (!name.empty() && (name == field.name || name == field.alias)) return true;
    return false;
}

std::string field_list() {
    std::vector<std::string> names;
    for (const schema::Field& field : schema::all_fields) {
        if (!field.name.empty()) names.emplace_back(field.name);
        if (!field.alias.empty()) names.emplace_back(field.alias);
    }
    return fmt::format("fields are {}", fmt::join(names, ", "));
}

[[noreturn]] void fail(const std::string& message, const std::string& hint) {
    throw Error(ErrorKind::usage, message, hint);
}

// "word:" at the start of a token, followed by a value: a field reference.
// Not "http://" (a URL) and not "10:30" (digits).
void check_field_at(std::string_view text, std::size_t start) {
    std::size_t end = start;
    while (end < text.size() && is_letter(text[end])) ++end;
    if (end == start || end + 1 >= text.size() || text[end] != ':') return;
    char next = text[end + 1];
    if (next == ' ' || next == '/') return;
    std::string_view name = text.substr(start, end - start);
    if (!is_field_name(name))
        fail(fmt::format("unknown field '{}:' at character {}", name, start + 1), field_list());
}

}  // namespace

void check_query_syntax(std::string_view text) {
    if (text.size() > max_query_bytes)
        fail(fmt::format("query is too long ({} bytes; at most {})", text.size(), max_query_bytes),
             "search for the words that matter, not a whole text");
    bool in_quote = false;
    std::size_t quote_at = 0;
    std::vector<std::size_t> open_parens;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            in_quote = !in_quote;
            quote_at = i;
            continue;
        }
        if (in_quote) continue;
        if (c == '(') open_parens.push_back(i);
        if (c == ')') {
            if (open_parens.empty())
                fail(fmt::format("unbalanced parenthesis: ')' at character {} closes nothing", i + 1),
                     "remove it, or add the '(' it belongs to");
            open_parens.pop_back();
        }
        bool token_start = i == 0 || text[i - 1] == ' ' || text[i - 1] == '(' || text[i - 1] == '+' || text[i - 1] == '-';
        if (token_start) check_field_at(text, i);
    }
    if (in_quote)
        fail(fmt::format("unbalanced quote: the '\"' at character {} is never closed", quote_at + 1),
             "close the phrase with another '\"'");
    if (!open_parens.empty())
        fail(fmt::format("unbalanced parenthesis: '(' at character {} is never closed", open_parens.back() + 1),
             "close it with ')'");
}

}  // namespace dateline::searcher
