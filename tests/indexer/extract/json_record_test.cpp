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
    CHECK(date_of(-5364662400LL) == "1800-01-01");
    // Beyond 1800 to 2199 a number is no publication date; made one, it
    // overflowed (found by scripts/fuzz.sh: UBSan on 1.7e22).
    CHECK(date_of(7258118400LL) == "");
    CHECK(date_of(1.7e22) == "");
    CHECK(date_of(-3e19) == "");
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

TEST_CASE("a field of the wrong type: numbers read as text with a warning, objects and arrays skip the record",
          "[jsonl]") {
    auto read = [](const json& record) { return article_from_record(record, indexer::default_field_map()); };
    auto number_title = read({{"title", 1987}, {"text", "Prices rose."}});
    REQUIRE(number_title.article);
    CHECK(number_title.article->title == "1987");
    CHECK(number_title.warnings == std::vector<std::string>{"field \"title\" is a number: read as the text \"1987\""});
    auto boolean_outlet = read({{"text", "Prices rose."}, {"source", true}});
    REQUIRE(boolean_outlet.article);
    CHECK(boolean_outlet.article->outlet == "true");
    CHECK(boolean_outlet.warnings == std::vector<std::string>{"field \"source\" is a boolean: read as the text \"true\""});

    auto object_text = read({{"title", "Port reopens"}, {"text", {{"html", "<p>Work resumed.</p>"}}}});
    CHECK_FALSE(object_text.article);
    CHECK(object_text.problem == "field \"text\" is an object, not text");
    auto array_title = read({{"headline", {"Port", "reopens"}}, {"text", "Work resumed."}});
    CHECK_FALSE(array_title.article);
    CHECK(array_title.problem == "field \"headline\" is an array, not text");
    // A numeric id is ordinary: no warning.
    auto numeric_id = read({{"text", "t"}, {"id", 42}});
    CHECK(numeric_id.warnings.empty());
}

TEST_CASE("a title over 1,000 characters is cut and an author list over 100 names is capped, each said", "[jsonl]") {
    std::string long_title;
    for (int i = 0; i < 600; ++i) long_title += "\xC3\xA9 ";  // 1,200 characters, 1,800 bytes
    json authors = json::array();
    for (int i = 0; i < 150; ++i) authors.push_back("Author " + std::to_string(i));
    auto result = article_from_record({{"title", long_title}, {"text", "t"}, {"authors", authors}},
                                      indexer::default_field_map());
    REQUIRE(result.article);
    CHECK(result.article->title.size() == 1500);  // 1,000 characters: 500 é and 500 spaces
    CHECK(result.article->byline.size() == 100);
    CHECK(result.article->byline.back() == "Author 99");
    CHECK(result.warnings == std::vector<std::string>{"the title is 1199 characters long: cut to the first 1000",
                                                      "field \"authors\" names 150 authors: the first 100 kept"});
}

TEST_CASE("authors as objects with a name are read; other entries are left out with a warning", "[jsonl]") {
    auto result = article_from_record(
        {{"text", "t"}, {"authors", {{{"name", "Noor Aziz"}}, 7, "Mara Quint", {{"id", 3}}}}}, indexer::default_field_map());
    REQUIRE(result.article);
    CHECK(result.article->byline == std::vector<std::string>{"Noor Aziz", "Mara Quint"});
    CHECK(result.warnings == std::vector<std::string>{
                                 "field \"authors\": 2 of its 4 entries are not a name (a string, or an object with a "
                                 "\"name\"): left out"});
}
