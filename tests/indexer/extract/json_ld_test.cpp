// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/extract/json_ld.hpp"

using namespace dateline::indexer;

namespace {

LinkedData read(std::initializer_list<std::string_view> scripts, std::optional<int>* offset_out = nullptr) {
    LinkedData ld;
    std::optional<int> offset;
    for (std::string_view script : scripts) read_json_ld(script, ld, offset);
    if (offset_out) *offset_out = offset;
    return ld;
}

}  // namespace

TEST_CASE("json-ld: the article in a @graph, its authors and publisher", "[extract][html][unit]") {
    LinkedData ld = read({R"({"@graph": [{"@type": "WebSite", "name": "Site"},
        {"@type": ["NewsArticle"], "headline": " Port reopens ", "datePublished": "2024-03-05T09:30:00+01:00",
         "author": [{"name": "Mara Quint"}, "Tomasz Bell"], "publisher": {"name": "The Harbour Courier"},
         "url": "https://example.com/a"}]})"});
    CHECK(ld.title == "Port reopens");
    CHECK(ld.byline == std::vector<std::string>{"Mara Quint", "Tomasz Bell"});
    CHECK(ld.outlet == "The Harbour Courier");
    CHECK(ld.url == "https://example.com/a");
    CHECK(ld.article_date == "2024-03-05T09:30:00+01:00");
    CHECK(ld.page_date.empty());
}

TEST_CASE("json-ld: fields inside mainEntityOfPage; a WebPage's date kept apart", "[extract][html][unit]") {
    CHECK(read({R"({"@type": "NewsArticle", "mainEntityOfPage": {"headline": "Inner", "dateCreated": "2021-02-03"}})"})
              .article_date == "2021-02-03");
    LinkedData page = read({R"({"@type": "WebPage", "datePublished": "2020-01-02"})"});
    CHECK(page.article_date.empty());
    CHECK(page.page_date == "2020-01-02");
}

TEST_CASE("json-ld: the first script to say wins; a stray brace is forgiven, deep nesting is not read", "[extract][html][unit]") {
    LinkedData ld = read({R"({"@type": "NewsArticle", "headline": "First"}})", R"({"@type": "NewsArticle", "headline": "Second"})"});
    CHECK(ld.title == "First");
    std::string deep = std::string(100, '[') + R"({"@type": "NewsArticle", "headline": "Deep"})" + std::string(100, ']');
    CHECK(read({deep}).title.empty());
    CHECK(read({"{not json"}).title.empty());
    // A number too large for a double is no parse error but out_of_range,
    // which escaped (found by scripts/fuzz.sh): now it is no data either.
    CHECK(read({"6e666666666666666666666666666666666666666666666"}).title.empty());
    CHECK(read({R"({"@type": "NewsArticle", "headline": "Big", "wordCount": 1e999})"}).title.empty());
}

TEST_CASE("json-ld: a date-named string with a UTC offset gives the publisher's time zone", "[extract][html][unit]") {
    std::optional<int> offset;
    read({R"({"@type": "VideoObject", "uploadDate": "2019-10-19T00:04:00+02:00"})"}, &offset);
    CHECK(offset == 120);
    read({R"({"@type": "NewsArticle", "datePublished": "2019-10-18T22:04:00Z"})"}, &offset);
    CHECK_FALSE(offset);  // UTC itself says nothing of the zone
}
