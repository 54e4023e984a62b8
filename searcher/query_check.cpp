// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/query_check.hpp"

#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "searcher/query_syntax.hpp"
#include "shared/analysis.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {
namespace {

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

// A token a field reference may begin: the first, or one after a space, a
// parenthesis, or a + or - that makes it required or excluded.
bool starts_term(const std::vector<QueryToken>& tokens, std::size_t i) {
    if (i == 0) return true;
    const QueryToken& before = tokens[i - 1];
    return before.kind == QueryToken::Kind::space || before.kind == QueryToken::Kind::open ||
           before.is_symbol('+') || before.is_symbol('-');
}

bool is_letters(std::string_view word) {
    for (char c : word)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) return false;
    return true;
}

[[noreturn]] void fail_empty_field(const QueryToken& name) {
    fail(fmt::format("empty field '{}:' at character {}: nothing follows the colon", name.text, name.offset + 1),
         fmt::format("write the value right after it: {}:word or {}:\"two words\"", name.text, name.text));
}

// "name:" followed by a value: a field reference, whose name must be known.
// Not "http://" (a URL), not "10:30" (digits), not "name: " (a colon in prose).
void check_field_at(const std::vector<QueryToken>& tokens, std::size_t i) {
    const QueryToken& name = tokens[i];
    if (!is_letters(name.text) || i + 2 >= tokens.size() || !tokens[i + 1].is_symbol(':')) return;
    const QueryToken& value = tokens[i + 2];
    if (value.is_symbol('/')) return;
    bool empty = value.kind == QueryToken::Kind::space || value.kind == QueryToken::Kind::close;
    if (empty && !is_field_name(name.text)) return;  // a colon in prose ("Update: strike")
    if (!is_field_name(name.text))
        fail(fmt::format("unknown field '{}:' at character {}", name.text, name.offset + 1), field_list());
    if (empty)
        fail_empty_field(name);
}

// A field name with its colon at the very end of the query: "person:".
void check_field_at_end(const std::vector<QueryToken>& tokens) {
    std::size_t n = tokens.size();
    if (n < 2 || !tokens[n - 1].is_symbol(':') || tokens[n - 2].kind != QueryToken::Kind::word) return;
    if (!starts_term(tokens, n - 2) || !is_field_name(tokens[n - 2].text)) return;
    const QueryToken& name = tokens[n - 2];
    fail_empty_field(name);
}

// NEAR/N and ADJ/N: N words at most between the two sides, 1 to
// max_operator_distance; NEAR and ADJ alone mean 10.
void check_distance_at(const std::vector<QueryToken>& tokens, std::size_t i) {
    const QueryToken& op = tokens[i];
    if ((op.text != "NEAR" && op.text != "ADJ") || i + 1 >= tokens.size() || !tokens[i + 1].is_symbol('/')) return;
    // What follows the '/' up to the next space or parenthesis, as typed.
    std::string typed;
    for (std::size_t j = i + 2; j < tokens.size(); ++j) {
        QueryToken::Kind kind = tokens[j].kind;
        if (kind == QueryToken::Kind::space || kind == QueryToken::Kind::open || kind == QueryToken::Kind::close) break;
        typed += tokens[j].text;
    }
    std::string hint = fmt::format("write {}/N with N from 1 to {} (at most N words between the two sides), "
                                   "or {} alone for 10",
                                   op.text, max_operator_distance, op.text);
    if (typed.empty()) fail(fmt::format("{}/ at character {} has no distance after the '/'", op.text, op.offset + 1), hint);
    bool digits = typed.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || typed.size() > 9 || std::stoul(typed) < 1 || std::stoul(typed) > max_operator_distance)
        fail(fmt::format("{}/{} at character {}: the distance must be a number from 1 to {}", op.text, typed,
                         op.offset + 1, max_operator_distance),
             hint);
}

// A word with '*' right after it, outside a phrase: a wildcard. The one past
// max_wildcards is an error.
void count_wildcard_at(const std::vector<QueryToken>& tokens, std::size_t i, unsigned& wildcards) {
    if (i + 1 >= tokens.size() || !tokens[i + 1].is_symbol('*')) return;
    if (++wildcards <= max_wildcards) return;
    const QueryToken& word = tokens[i];
    fail(fmt::format("too many wildcards: '{}*' at character {} is one more than the {} a query may hold "
                     "(each stands for up to {} words)",
                     word.text, word.offset + 1, max_wildcards, analysis::max_wildcard_expansion),
         "write the words out, or make the wildcards longer and fewer");
}

}  // namespace

void check_query_syntax(std::string_view text) {
    if (text.size() > max_query_bytes)
        fail(fmt::format("query is too long ({} bytes; at most {})", text.size(), max_query_bytes),
             "search for the words that matter, not a whole text");
    std::vector<QueryToken> tokens = tokenize_query(text);
    const QueryToken* open_quote = nullptr;
    std::vector<std::size_t> open_parens;
    unsigned wildcards = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const QueryToken& token = tokens[i];
        if (token.kind == QueryToken::Kind::quote) {
            open_quote = open_quote ? nullptr : &token;
            continue;
        }
        if (token.in_phrase) continue;
        if (token.kind == QueryToken::Kind::open) open_parens.push_back(token.offset);
        if (token.kind == QueryToken::Kind::close) {
            if (open_parens.empty())
                fail(fmt::format("unbalanced parenthesis: ')' at character {} closes nothing", token.offset + 1),
                     "remove it, or add the '(' it belongs to");
            open_parens.pop_back();
        }
        if (token.kind == QueryToken::Kind::word && starts_term(tokens, i)) check_field_at(tokens, i);
        if (token.kind == QueryToken::Kind::word) check_distance_at(tokens, i);
        if (token.kind == QueryToken::Kind::word) count_wildcard_at(tokens, i, wildcards);
    }
    if (open_quote)
        fail(fmt::format("unbalanced quote: the '\"' at character {} is never closed", open_quote->offset + 1),
             "close the phrase with another '\"'");
    if (!open_parens.empty())
        fail(fmt::format("unbalanced parenthesis: '(' at character {} is never closed", open_parens.back() + 1),
             "close it with ')'");
    if (!open_quote) check_field_at_end(tokens);
}

}  // namespace dateline::searcher
