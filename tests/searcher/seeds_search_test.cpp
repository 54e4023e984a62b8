// SPDX-License-Identifier: GPL-2.0-or-later
// The five seed articles from the team kit (../shared/seeds): real scraped
// news text, furniture and all.
#include <catch2/catch.hpp>

#include "indexer/commands/update.hpp"
#include "searcher/search.hpp"
#include "tests/support.hpp"

using namespace dateline;

TEST_CASE("the seed articles are indexed and all five are found for Iran", "[seeds]") {
    if (test::skip_without_team_kit()) return;
    test::TempDir dir;
    auto report = indexer::update_database({.database = dir / "db", .paths = {(test::team_kit_dir() / "seeds").string()}});
    CHECK(report.added == 5);
    CHECK(report.problems.empty());

    searcher::SearchRequest request;
    request.databases = {dir / "db"};
    request.query = "Iran";
    auto result = searcher::search(request);
    CHECK(result.total == 5);
    REQUIRE(result.hits.size() == 5);
    for (const searcher::Hit& hit : result.hits) {
        INFO(hit.article.source);
        REQUIRE_FALSE(hit.snippet.highlights.empty());
        auto [start, end] = hit.snippet.highlights.front();
        CHECK(hit.snippet.text.substr(start, end - start).starts_with("Iran"));
    }
}

TEST_CASE("a phrase from a seed finds exactly that seed", "[seeds]") {
    if (test::skip_without_team_kit()) return;
    test::TempDir dir;
    indexer::update_database({.database = dir / "db", .paths = {(test::team_kit_dir() / "seeds").string()}});
    searcher::SearchRequest request;
    request.databases = {dir / "db"};
    request.query = "\"did not intend to kill\"";
    auto result = searcher::search(request);
    REQUIRE(result.total == 1);
    CHECK_THAT(result.hits[0].article.source, Catch::EndsWith("000_6a39fd6a23b3a98a.txt"));
}
