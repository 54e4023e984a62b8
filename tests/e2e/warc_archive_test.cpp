// SPDX-License-Identifier: GPL-2.0-or-later
// A crawler's web archive indexed as a user would: pages found among the
// crawl's other records, damage reported by byte offset, the rest indexed,
// the pages searchable under their URLs and capture dates.
#include <catch2/catch.hpp>

#include <set>

#include <fmt/format.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "tests/support.hpp"
#include "tests/warc_files.hpp"

using namespace dateline;
using test::shell_quote;

namespace {

std::string story(std::string_view title, std::string_view place) {
    return fmt::format(
        "<!DOCTYPE html><html><head><title>{0}</title></head><body><nav>Home | News</nav><article><h1>{0}</h1>"
        "<p>Ferry fares across the {1} harbour will rise by eight per cent from April, the port authority said "
        "on Tuesday, blaming the cost of fuel and of the new electric boats on the crossing.</p><p>Commuters who "
        "cross twice a day will pay about forty pounds more a year, and the union of ferry workers said it would "
        "ask for a review of the timetable before the summer season begins.</p></article></body></html>",
        title, place);
}

}  // namespace

TEST_CASE("warc: a crawl's pages are indexed with their URLs and dates; damage is named by byte", "[warc][e2e]") {
    test::TempDir dir;
    std::vector<std::string> records = {
        test::warc_record("warcinfo", "", "software: test-crawler\r\n", "application/warc-fields"),
        test::warc_record("request", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n", "application/http; msgtype=request"),
        test::warc_record("response", "https://news.example/a",
                          test::http_response("Content-Type: text/html\r\n", story("Ferry fares to rise", "Harbourton"))),
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nbroken\r\n\r\n",
        test::warc_record("response", "https://news.example/b",
                          test::http_response("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                                              test::chunked(test::gzip(story("Island ferry fares rise", "Islay"))))),
        test::warc_record("response", "https://news.example/logo.png", test::http_response("Content-Type: image/png\r\n", "PNG")),
    };
    std::string members;
    for (const std::string& record : records) members += test::gzip(record);
    test::write_file(dir.path() / "crawl/2024-03.warc.gz", members);
    std::string first = test::warc_record("response", "https://news.example/c",
                                          test::http_response("Content-Type: text/html\r\n", story("Ferry strike called off", "Oban")));
    std::string cut = first + records[4];
    test::write_file(dir.path() / "crawl/partial.warc", cut.substr(0, cut.size() - 200));

    std::string db = dir / "db";
    auto indexed = test::run_command(test::index_binary() + " update --verbose --db " + shell_quote(db) + " " +
                                     shell_quote(dir / "crawl"));
    CHECK(indexed.status == 1);  // some input could not be read
    CHECK(indexed.err.find(fmt::format("2024-03.warc.gz: the WARC record at byte {}: a WARC Content-Length that is not a number",
                                       records[0].size() + records[1].size() + records[2].size())) != std::string::npos);
    CHECK(indexed.err.find(fmt::format("partial.warc: the WARC record at byte {} is cut short", first.size())) !=
          std::string::npos);
    CHECK(indexed.err.find("2 pages read; passed over: request 1, response not HTML 1, warcinfo 1") != std::string::npos);

    auto found = test::run_command(test::search_binary() + " --db " + shell_quote(db) + " --json ferry");
    REQUIRE(found.status == 0);
    auto result = nlohmann::json::parse(found.out);
    CHECK(result["total"] == 3);  // c: before the cut
    std::set<std::string> urls;
    for (const auto& hit : result["hits"]) {
        urls.insert(hit["url"].get<std::string>());
        CHECK(hit["date"] == "2024-03-05");
    }
    CHECK(urls == std::set<std::string>{"https://news.example/a", "https://news.example/b", "https://news.example/c"});

    // Nothing changed: nothing written again (no commit at all).
    Xapian::rev revision = Xapian::Database(db).get_revision();
    auto again = test::run_command(test::index_binary() + " update --db " + shell_quote(db) + " " + shell_quote(dir / "crawl"));
    CHECK(again.status == 1);
    CHECK(Xapian::Database(db).get_revision() == revision);
}
