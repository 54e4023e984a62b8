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

TEST_CASE("ordinary queries pass the syntax check", "[query]") {
    for (const char* query : {"strike", "\"did not intend to kill\" Iran", "(strike OR tram) AND date:2024-02",
                              "outlet:\"Meridian Wire\"", "author:\"Mara Quint\"", "url:https://x.example/a",
                              "https://x.example/a", "meeting at 10:30", "\"a (quoted) paren\"", "ratio 3:1",
                              "-byline:\"Noor Aziz\" port", "\"\""}) {
        INFO(query);
        CHECK(refusal(query).empty());
    }
}
