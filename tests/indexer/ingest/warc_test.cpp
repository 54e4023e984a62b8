// SPDX-License-Identifier: GPL-2.0-or-later
// WARC web archives: headers, HTTP bodies (chunked, gzip), and files read
// record by record (plain, gzip a record at a time, cut short, damaged), on
// archives written here the way crawlers write them.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "indexer/extract/http_response.hpp"
#include "indexer/ingest/file_records.hpp"
#include "indexer/ingest/warc.hpp"
#include "shared/dates.hpp"
#include "tests/support.hpp"
#include "tests/warc_files.hpp"

using namespace dateline;
using namespace dateline::indexer;
using test::chunked;
using test::gzip;
using test::http_response;
using test::warc_record;

namespace {

std::string page(std::string_view title) {
    return fmt::format(
        "<!DOCTYPE html><html><head><title>{0}</title></head><body><nav>Home | News | Sport</nav><article>"
        "<h1>{0}</h1><p>Ferry fares across the harbour will rise by eight per cent from April, the port "
        "authority said on Tuesday, blaming the cost of fuel and of the new electric boats.</p><p>Commuters "
        "who cross twice a day will pay about forty pounds more a year, and the union of ferry workers said "
        "it would ask for a review of the timetable before the summer.</p><p>The authority said the last "
        "rise, two years ago, had paid for the new landing stage at the east pier.</p></article></body></html>",
        title);
}

// An archive as a crawl writes it: what it fetched and how, around the pages.
std::vector<std::string> crawl_records() {
    return {
        warc_record("warcinfo", "", "software: test-crawler\r\n", "application/warc-fields"),
        warc_record("request", "https://news.example/ferry", "GET /ferry HTTP/1.1\r\nHost: news.example\r\n\r\n",
                    "application/http; msgtype=request"),
        warc_record("response", "https://news.example/ferry",
                    http_response("Content-Type: text/html; charset=utf-8\r\n", page("Ferry fares to rise"))),
        warc_record("response", "https://news.example/ferry-two",
                    http_response("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                         chunked(gzip(page("Ferry fares rise again"))))),
        warc_record("response", "https://news.example/logo.png", http_response("Content-Type: image/png\r\n", "\x89PNG....")),
        warc_record("response", "https://news.example/gone", http_response("Content-Type: text/html\r\n", "<p>Not found</p>", 404)),
        warc_record("metadata", "https://news.example/ferry", "outlinks: 3\r\n", "application/warc-fields"),
    };
}

std::vector<RawRecord> read_all(const std::string& path, FileRecords* keep = nullptr) {
    FileRecords own(path, InputFormat::automatic);
    FileRecords& records = keep ? *keep : own;
    std::vector<RawRecord> all;
    while (auto record = records.next()) all.push_back(std::move(*record));
    return all;
}

}  // namespace

TEST_CASE("warc: a header is read, or asked to be read further, or refused", "[warc]") {
    std::string record = warc_record("response", "<https://a.example/x>", "HTTP/1.1 200 OK\r\n\r\nhi");
    auto read = read_warc_header(record);
    REQUIRE(read.header);
    CHECK(read.header->type == "response");
    CHECK(read.header->target_uri == "https://a.example/x");  // WARC/1.0's angle brackets taken off
    CHECK(read.header->date == "2024-03-05T08:30:00Z");
    CHECK(read.header->content_length == 21);
    CHECK(record.substr(read.header->size, 8) == "HTTP/1.1");
    CHECK(read_warc_header(std::string_view(record).substr(0, 40)).need_more);
    CHECK(read_warc_header("WARC/1.").need_more);
    CHECK(read_warc_header("<html>").problem.find("not a WARC record") == 0);
    CHECK(read_warc_header("WARC/1.0\r\nContent-Length: lots\r\n\r\n").problem.find("not a number") != std::string::npos);
    CHECK(read_warc_header("WARC/1.0\r\nWARC-Type: response\r\n\r\n").problem == "a WARC record without Content-Length");
}

TEST_CASE("warc: an HTTP body is read as sent: plain, chunked, gzip, deflate; no further than the limit", "[warc]") {
    std::string body = page("Ferry");
    auto plain = read_http_response(http_response("Content-Type: Text/HTML; charset=UTF-8\r\n", body), 1'000'000);
    CHECK(plain.status == 200);
    CHECK(plain.content_type == "text/html");
    CHECK(plain.body == body);
    CHECK(plain.problem.empty());
    auto both = read_http_response(http_response("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked(gzip(body))), 1'000'000);
    CHECK(both.problem.empty());
    CHECK(both.body == body);
    auto deflated = read_http_response(http_response("Content-Encoding: deflate\r\n", gzip(body, true)), 1'000'000);
    CHECK(deflated.problem.empty());
    CHECK(deflated.body == body);
    auto bomb = read_http_response(http_response("Content-Encoding: gzip\r\n", gzip(std::string(5'000'000, 'a'))), 1'000'000);
    CHECK(bomb.problem.find("more than 1 MB once decompressed") != std::string::npos);
    auto cut = read_http_response(http_response("Content-Encoding: gzip\r\n", gzip(body).substr(0, 50)), 1'000'000);
    CHECK(cut.problem.find("damaged or cut short") != std::string::npos);
    auto cut_chunks = read_http_response(http_response("Transfer-Encoding: chunked\r\n", chunked(body).substr(0, 150)), 1'000'000);
    CHECK(cut_chunks.problem == "a chunked body cut short");
    CHECK(read_http_response("GET / HTTP/1.1\r\n\r\n", 100).problem == "not an HTTP response");
    CHECK(read_http_response(http_response("Content-Encoding: br\r\n", "xx"), 100).problem.find("br") != std::string::npos);
}

TEST_CASE("warc: a crawl's pages are its records; the rest passed over and counted", "[warc]") {
    test::TempDir dir;
    std::string all;
    for (const std::string& record : crawl_records()) all += record;
    test::write_file(dir.path() / "crawl.warc", all);
    // gzip a record at a time, as crawlers write .warc.gz
    std::string members;
    for (const std::string& record : crawl_records()) members += gzip(record);
    test::write_file(dir.path() / "crawl.warc.gz", members);

    for (std::string name : {"crawl.warc", "crawl.warc.gz"}) {
        INFO(name);
        FileRecords records(dir / name, InputFormat::automatic);
        CHECK(records.format() == InputFormat::warc);
        auto pages = read_all(dir / name, &records);
        REQUIRE(pages.size() == 2);
        CHECK(pages[0].url == "https://news.example/ferry");
        CHECK(pages[0].date == "2024-03-05T08:30:00Z");
        CHECK(pages[0].bytes == page("Ferry fares to rise"));
        CHECK(pages[1].bytes == page("Ferry fares rise again"));  // chunked, gzip
        CHECK(pages[0].key.starts_with(dir / name + "#"));
        CHECK(pages[0].key != pages[1].key);
        CHECK(pages[1].location.find("the WARC record at byte ") != std::string::npos);
        CHECK(records.cut_short().empty());
        CHECK(records.summary() ==
              "2 pages read; passed over: metadata 1, request 1, response 404 1, response not HTML 1, warcinfo 1");
        auto article = extract_record(pages[1], InputFormat::warc, ReadingRules{});
        REQUIRE(article.article);
        CHECK(article.article->title == "Ferry fares rise again");
        CHECK(article.article->url == "https://news.example/ferry-two");
        REQUIRE(article.article->date);  // the page has none: the capture date
        CHECK(format_iso_date(*article.article->date) == "2024-03-05");
    }
}

TEST_CASE("warc: a damaged record is reported by its offset and reading goes on; a cut one ends the file", "[warc]") {
    test::TempDir dir;
    auto records = crawl_records();
    std::string damaged = records[2] + "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nxx\r\n\r\n" + records[3];
    test::write_file(dir.path() / "damaged.warc", damaged);
    FileRecords reading(dir / "damaged.warc", InputFormat::automatic);
    auto read = read_all(dir / "damaged.warc", &reading);
    REQUIRE(read.size() == 3);
    CHECK(read[0].problem.empty());
    CHECK(read[1].problem == "a WARC Content-Length that is not a number: \"many\"; reading went on at the next record");
    CHECK(read[1].location == fmt::format("{}: the WARC record at byte {}", dir / "damaged.warc", records[2].size()));
    CHECK(read[2].bytes == page("Ferry fares rise again"));

    std::string whole = records[2] + records[3];
    test::write_file(dir.path() / "cut.warc", whole.substr(0, whole.size() - 300));
    FileRecords cut(dir / "cut.warc", InputFormat::automatic);
    auto kept = read_all(dir / "cut.warc", &cut);
    REQUIRE(kept.size() == 1);
    CHECK(cut.cut_short().find(fmt::format("the WARC record at byte {} is cut short", records[2].size())) != std::string::npos);
    CHECK(cut.cut_short().find("1 pages kept before it") != std::string::npos);  // as counted
}
