// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/extract/json_record.hpp"
#include "shared/error.hpp"

using namespace dateline;
using indexer::article_from_record;
using nlohmann::json;

namespace {

Article article_of(const json& record) {
    auto result = article_from_record(record, indexer::default_field_map());
    REQUIRE(result.article);
    return *result.article;
}

std::string date_of(const json& value) {
    auto result = article_from_record({{"text", "t"}, {"date", value}}, indexer::default_field_map());
    return result.article->date ? format_iso_date(*result.article->date) : "";
}

}  // namespace

TEST_CASE("records are read through the keys real exports use", "[jsonl]") {
    Article a = article_of({{"headline", " Port reopens "}, {"content", "Work resumed."}, {"link", "https://x.example/a"},
                            {"site_name", "Meridian Wire"}, {"author", "Noor Aziz"}, {"_id", 42},
                            {"published", "2024-01-17T08:00:00Z"}});
    CHECK(a.title == "Port reopens");
    CHECK(a.body == "Work resumed.");
    CHECK(a.url == "https://x.example/a");
    CHECK(a.outlet == "Meridian Wire");
    CHECK(a.byline == std::vector<std::string>{"Noor Aziz"});
    CHECK(a.record_id == "42");
    REQUIRE(a.date);
    CHECK(format_iso_date(*a.date) == "2024-01-17");
}

TEST_CASE("the first key present wins, and empty values count as absent", "[jsonl]") {
    Article a = article_of({{"text", ""}, {"body", "From body."}, {"title", "T"}, {"headline", "H"}});
    CHECK(a.body == "From body.");
    CHECK(a.title == "T");
}

TEST_CASE("dates are read from ISO strings and Unix times, never guessed", "[jsonl]") {
    // Each row: a date as exports write it -> the day, or "" when not understood.
    CHECK(date_of("1987-02-26T15:01:01.79") == "1987-02-26");  // Reuters
    CHECK(date_of("2018-01-25 16:17:44.789555") == "2018-01-25");  // space-separated
    CHECK(date_of("2022-09-23") == "2022-09-23");
    CHECK(date_of(1704067200) == "2024-01-01");       // seconds
    CHECK(date_of(1704067200000LL) == "2024-01-01");  // milliseconds
    CHECK(date_of("2022-09-23junk") == "");
    CHECK(date_of("Thursday") == "");
    auto result = article_from_record({{"text", "t"}, {"date", "Jan 7"}}, indexer::default_field_map());
    REQUIRE(result.warnings.size() == 1);
    CHECK_THAT(result.warnings[0], Catch::Contains("Jan 7"));
}

TEST_CASE("bylines come from a list of names or a string of names", "[jsonl]") {
    using Names = std::vector<std::string>;
    CHECK(article_of({{"text", "t"}, {"authors", {"Carla K. Johnson", " "}}, {"byline", "Carla K. Johnson, AP"}}).byline ==
          Names{"Carla K. Johnson"});  // the list wins over the display string
    CHECK(article_of({{"text", "t"}, {"byline", "Kareem Fahim, Sarah Dadouch"}}).byline ==
          Names{"Kareem Fahim", "Sarah Dadouch"});
    CHECK(article_of({{"text", "t"}, {"author", "Lara Seligman and Robbie Gramer"}}).byline ==
          Names{"Lara Seligman", "Robbie Gramer"});
    CHECK(article_of({{"text", "t"}, {"byline", "A; B"}}).byline == Names{"A", "B"});
}

TEST_CASE("a headline alone is an article; a record with neither is not", "[jsonl]") {
    CHECK(article_of({{"title", "ASSETS OF MONEY MARKET FUNDS ROSE"}, {"text", ""}}).body.empty());
    auto nothing = article_from_record({{"id", "7"}, {"text", ""}}, indexer::default_field_map());
    CHECK_FALSE(nothing.article);
    CHECK_THAT(nothing.problem, Catch::Contains("no title or text"));
}

TEST_CASE("the dateline keeps the place, not the date after it", "[jsonl]") {
    CHECK(article_of({{"text", "t"}, {"dateline", "SALVADOR, Feb 26"}}).dateline == "SALVADOR");
}

TEST_CASE("--map reads a field from another key; bad mappings are usage errors", "[jsonl]") {
    auto map = indexer::default_field_map();
    indexer::override_field(map, "text=story_body");
    auto result = article_from_record({{"text", "ignored now"}, {"story_body", "The story."}}, map);
    REQUIRE(result.article);
    CHECK(result.article->body == "The story.");
    for (const char* bad : {"story_body", "=x", "text=", "colour=x"}) {
        INFO(bad);
        CHECK_THROWS_AS(indexer::override_field(map, bad), Error);
    }
}
