// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "searcher/query_check.hpp"
#include "shared/error.hpp"

using namespace dateline;

namespace {

// The message a query is refused with, or "" if it is accepted.
std::string refusal(const std::string& query) {
    try {
        searcher::check_query_syntax(query);
        return "";
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
        CHECK_FALSE(e.hint().empty());
        return e.what();
    }
}

}  // namespace

TEST_CASE("queries Xapian would quietly change are refused, with where the problem is", "[query]") {
    CHECK(refusal("\"did not intend") == "unbalanced quote: the '\"' at character 1 is never closed");
    CHECK(refusal("(strike OR tram") == "unbalanced parenthesis: '(' at character 1 is never closed");
    CHECK(refusal("strike OR tram)") == "unbalanced parenthesis: ')' at character 15 closes nothing");
    CHECK(refusal("colour:red") == "unknown field 'colour:' at character 1");
    CHECK(refusal("strike -sorce:wire") == "unknown field 'sorce:' at character 9");
    CHECK_THAT(refusal(std::string(10 * 1024, 'x')), Catch::StartsWith("query is too long (10240 bytes"));
}

TEST_CASE("NEAR/N and ADJ/N with a distance that is missing, not a number, or out of 1..1000 are refused",
          "[query]") {
    CHECK(refusal("harbour NEAR/x storms") ==
          "NEAR/x at character 9: the distance must be a number from 1 to 1000");
    CHECK(refusal("harbour NEAR/0 storms") ==
          "NEAR/0 at character 9: the distance must be a number from 1 to 1000");
    CHECK(refusal("harbour NEAR/-1 storms") ==
          "NEAR/-1 at character 9: the distance must be a number from 1 to 1000");
    CHECK(refusal("harbour NEAR/4294967296 storms") ==
          "NEAR/4294967296 at character 9: the distance must be a number from 1 to 1000");
    CHECK(refusal("harbour ADJ/1001 storms") ==
          "ADJ/1001 at character 9: the distance must be a number from 1 to 1000");
    CHECK(refusal("harbour NEAR/ storms") == "NEAR/ at character 9 has no distance after the '/'");
    CHECK(refusal("harbour NEAR/") == "NEAR/ at character 9 has no distance after the '/'");
    for (const char* query : {"harbour NEAR/1 storms", "harbour NEAR/1000 storms", "harbour ADJ/3 storms",
                              "harbour NEAR storms", "(harbour NEAR/5 storms)", "\"near/0 is prose here\"",
                              "near/0"}) {
        INFO(query);
        CHECK(refusal(query).empty());
    }
}

TEST_CASE("a known field with nothing after its colon is refused; a colon in prose is not", "[query]") {
    CHECK(refusal("person:") == "empty field 'person:' at character 1: nothing follows the colon");
    CHECK(refusal("strike person: haddad") == "empty field 'person:' at character 8: nothing follows the colon");
    CHECK(refusal("(strike outlet:)") == "empty field 'outlet:' at character 9: nothing follows the colon");
    for (const char* query : {"Update: strike", "strike update:", "\"person:\""}) {
        INFO(query);
        CHECK(refusal(query).empty());
    }
}

TEST_CASE("ordinary queries pass the syntax check", "[query]") {
    for (const char* query : {"strike", "\"did not intend to kill\" Iran", "(strike OR tram) AND date:2024-02",
                              "outlet:\"Meridian Wire\"", "author:\"Mara Quint\"", "url:https://x.example/a",
                              "https://x.example/a", "meeting at 10:30", "\"a (quoted) paren\"", "ratio 3:1",
                              "-byline:\"Noor Aziz\" port", "\"\""}) {
        INFO(query);
        CHECK(refusal(query).empty());
    }
}

TEST_CASE("a query holds at most four wildcards, so what it expands to stays bounded", "[query]") {
    CHECK(refusal("c* AND d* AND e* AND f* AND g*") ==
          "too many wildcards: 'g*' at character 29 is one more than the 4 a query may hold "
          "(each stands for up to 500 words)");
    CHECK(refusal("title:a* b* c* d* e*") ==
          "too many wildcards: 'e*' at character 19 is one more than the 4 a query may hold "
          "(each stands for up to 500 words)");
    for (const char* query : {"c* AND d* AND e* AND f*", "missil* OR rocket*", "\"a* b* c* d* e*\"", "5 * 3 * 2 * 1 * 0",
                              "a*b c* d* e*"})
        CHECK(refusal(query).empty());
}
