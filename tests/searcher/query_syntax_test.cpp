// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "searcher/query_syntax.hpp"

using namespace dateline::searcher;
using Kind = QueryToken::Kind;

namespace {

// "kind:text" for each token, '|' between.
std::string described(std::string_view query) {
    std::string out;
    for (const QueryToken& token : tokenize_query(query)) {
        if (!out.empty()) out += '|';
        out += token.kind == Kind::space ? "_" : token.kind == Kind::word ? "w" : token.kind == Kind::quote ? "q"
             : token.kind == Kind::open ? "(" : token.kind == Kind::close ? ")" : "s";
        out += token.in_phrase ? "~" : "";
        out += ':';
        out += token.text;
    }
    return out;
}

}  // namespace

TEST_CASE("a query is cut into words, spaces, quotes, parentheses and symbols, every byte once", "[query][unit]") {
    CHECK(described("strike") == "w:strike");
    CHECK(described("-byline:\"Noor Aziz\" port") == "s:-|w:byline|s::|q:\"|w~:Noor|_~: |w~:Aziz|q:\"|_: |w:port");
    CHECK(described("(a OR b)  NEAR/3") == "(:(|w:a|_: |w:OR|_: |w:b|):)|_:  |w:NEAR|s:/|w:3");
    CHECK(described("Sánchez missil*") == "w:Sánchez|_: |w:missil|s:*");  // non-ASCII bytes are word bytes
    CHECK(described("") == "");
    std::string query = "outlet:\"The (Harbour) Courier\" AND url:https://x.example/a?b=1";
    std::string joined;
    std::size_t expected_offset = 0;
    for (const QueryToken& token : tokenize_query(query)) {
        CHECK(token.offset == expected_offset);
        expected_offset += token.text.size();
        joined += token.text;
    }
    CHECK(joined == query);
}

TEST_CASE("the query is folded for Xapian's parser, its operators kept in capitals", "[query][unit]") {
    CHECK(fold_query("Café AND Haddad") == "cafe AND haddad");
    CHECK(fold_query("(Strike OR Tram) NEAR/3 Port") == "(strike OR tram) NEAR/3 port");
    CHECK(fold_query("NOT\tU.S.") == "NOT\tu.s.");  // spacing kept
    CHECK(fold_query("near and or") == "near and or");  // only capitals are operators
}

TEST_CASE("operators are Xapian's capital words, with their parentheses and distances", "[query][unit]") {
    CHECK(is_operator_word("NEAR"));
    CHECK_FALSE(is_operator_word("near"));
    CHECK(is_operator_chunk("NEAR/3"));
    CHECK(is_operator_chunk("(NOT"));
    CHECK(is_operator_chunk("OR)"));
    CHECK_FALSE(is_operator_chunk("ORE"));
}
