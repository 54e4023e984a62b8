// SPDX-License-Identifier: GPL-2.0-or-later
// read_page_metadata on its own: which source each field comes from when
// the better ones are missing. (The date cascade on whole pages is in
// html_page_test.)
#include <catch2/catch.hpp>

#include <memory>

#include "indexer/extract/html_metadata.hpp"
#include "tests/support.hpp"

using namespace dateline;
using namespace dateline::indexer;

namespace {

PageMetadata metadata(const std::string& head, const std::string& body = "", std::string_view url_hint = "") {
    std::string html = "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> parsed(
        gumbo_parse(html.c_str()), [](GumboOutput* output) { gumbo_destroy_output(&kGumboDefaultOptions, output); });
    return read_page_metadata(parsed->document, url_hint, test::scrape_rules().outlets());
}

}  // namespace

TEST_CASE("html metadata: the title from Open Graph, then Twitter, then <title>", "[extract][html][unit]") {
    CHECK(metadata("<title>T</title><meta name='twitter:title' content='Tw'><meta property='og:title' content='Og'>").title == "Og");
    CHECK(metadata("<title>T</title><meta name='twitter:title' content=' Tw '>").title == "Tw");
    CHECK(metadata("<title>  The title </title>").title == "The title");
}

TEST_CASE("html metadata: the URL from the canonical link, then og:url, then where the page was found", "[extract][html][unit]") {
    CHECK(metadata("<meta property='og:url' content='https://b.example/x'><link rel='canonical' href='https://a.example/x'>",
                   "", "https://c.example/x").url == "https://a.example/x");
    CHECK(metadata("<meta property='og:url' content='https://b.example/x'>", "", "https://c.example/x").url == "https://b.example/x");
    CHECK(metadata("", "", "https://c.example/x").url == "https://c.example/x");
}

TEST_CASE("html metadata: authors from meta tags (a 'By' cut off), else from rel=author links", "[extract][html][unit]") {
    CHECK(metadata("<meta name='author' content='By Mara Quint and Tomasz Bell'>").byline ==
          std::vector<std::string>{"Mara Quint", "Tomasz Bell"});
    CHECK(metadata("<meta name='author' content='https://social.example/mara'>").byline.empty());  // a link, not a name
    CHECK(metadata("", "<p>By <a rel='author' href='/mara'>Mara Quint</a></p>").byline == std::vector<std::string>{"Mara Quint"});
}

TEST_CASE("html metadata: the outlet by its site name through the outlet table, else by the URL's host", "[extract][html][unit]") {
    CHECK(metadata("<meta property='og:site_name' content='washingtonpost.com'>").outlet == "The Washington Post");
    CHECK(metadata("<meta property='og:site_name' content='Harbour Weekly'>").outlet == "Harbour Weekly");
    CHECK(metadata("<link rel='canonical' href='https://www.washingtonpost.com/world/x'>").outlet == "The Washington Post");
}

TEST_CASE("html metadata: the text's first date is looked for only when nothing better dates the page", "[extract][html][unit]") {
    PageMetadata dated = metadata("<meta property='article:published_time' content='2024-03-05'>", "<p>On 1 May 2023 it rained.</p>");
    REQUIRE(dated.date);
    CHECK(format_iso_date(*dated.date) == "2024-03-05");
    CHECK_FALSE(dated.text_date);
    PageMetadata undated = metadata("", "<p>Menu</p><p>On 1 May 2023 it rained.</p>");
    CHECK_FALSE(undated.date);
    REQUIRE(undated.text_date);
    CHECK(format_iso_date(*undated.text_date) == "2023-05-01");
}

TEST_CASE("html metadata: a page's language says whether its numeric dates are day first", "[extract][html][unit]") {
    auto day_first = [](const std::string& lang) {
        std::string html = "<!DOCTYPE html><html lang='" + lang + "'><head></head><body></body></html>";
        std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> parsed(
            gumbo_parse(html.c_str()), [](GumboOutput* output) { gumbo_destroy_output(&kGumboDefaultOptions, output); });
        return read_page_metadata(parsed->document, "", test::scrape_rules().outlets()).day_first;
    };
    CHECK(day_first("de"));
    CHECK(day_first("en-GB"));
    CHECK_FALSE(day_first("en"));
    CHECK_FALSE(day_first("en-US"));
}
