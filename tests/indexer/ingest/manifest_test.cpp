// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/ingest/manifest.hpp"
#include "shared/error.hpp"
#include "tests/support.hpp"

using namespace dateline;
using namespace std::chrono;

TEST_CASE("manifest rows are keyed by the article path beside the manifest", "[manifest]") {
    test::TempDir dir;
    test::write_file(dir.path() / "meta" / "m.jsonl",
                     R"({"path": "../a.txt", "outlet": "Meridian Wire", "date": "2024-02-03", "byline": "Noor Aziz; Pieter de Wit"})"
                     "\n\n"
                     R"({"path": "b.txt", "url": "https://x.example/b", "byline": ["Elin Marsh"], "title": "B"})"
                     "\n");
    indexer::Manifest manifest = indexer::read_manifest(dir / "meta/m.jsonl");
    CHECK(manifest.problems.empty());
    REQUIRE(manifest.by_path.size() == 2);
    const indexer::ManifestEntry& a = manifest.by_path.at(dir / "a.txt");
    CHECK(a.outlet == "Meridian Wire");
    CHECK(a.date == Date{year{2024}, February, day{3}});
    CHECK(a.byline == std::vector<std::string>{"Noor Aziz", "Pieter de Wit"});
    CHECK_FALSE(a.url);
    CHECK_FALSE(a.title);
    const indexer::ManifestEntry& b = manifest.by_path.at(dir / "meta/b.txt");
    CHECK(b.url == "https://x.example/b");
    CHECK(b.location == dir / "meta/m.jsonl:3");
}

TEST_CASE("a bad manifest line is reported with file and line, and the rest is read", "[manifest]") {
    test::TempDir dir;
    test::write_file(dir.path() / "m.jsonl",
                     "{\"path\": \"a.txt\"}\n"
                     "{\"path\": \"b.txt\", \"date\": \"2024-02-30\"}\n"  // no such day
                     "{\"path\": \"c.txt\", \"outl\n"                      // truncated
                     "[1, 2]\n"                                             // not an object
                     "{\"path\": \"e.txt\", \"outlet\": 7}\n"               // wrong type
                     "{\"path\": \"f.txt\"}\n");
    indexer::Manifest manifest = indexer::read_manifest(dir / "m.jsonl");
    CHECK(manifest.by_path.size() == 2);
    REQUIRE(manifest.problems.size() == 4);
    CHECK(manifest.problems[0].location == dir / "m.jsonl:2");
    CHECK_THAT(manifest.problems[0].reason, Catch::Contains("2024-02-30"));
    CHECK(manifest.problems[1].location == dir / "m.jsonl:3");
    CHECK(manifest.problems[3].location == dir / "m.jsonl:5");
}

TEST_CASE("a manifest that cannot be read stops the run with an input error", "[manifest]") {
    test::TempDir dir;
    CHECK_THROWS_MATCHES(indexer::read_manifest(dir / "absent.jsonl"), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.kind() == ErrorKind::input; }));
}

TEST_CASE("what the manifest gives wins over the text, what it omits is kept", "[manifest]") {
    Article article;
    article.title = "From the text";
    article.outlet = "Guessed Outlet";
    article.byline = {"Text Author"};
    indexer::ManifestEntry entry;
    entry.outlet = "Meridian Wire";
    entry.date = Date{year{2024}, April, day{22}};
    indexer::apply_manifest_entry(entry, article);
    CHECK(article.title == "From the text");
    CHECK(article.outlet == "Meridian Wire");
    CHECK(article.date == Date{year{2024}, April, day{22}});
    CHECK(article.byline == std::vector<std::string>{"Text Author"});
}

TEST_CASE("a CSV manifest: header row, quoted cells, names split on ';', rows by URL", "[manifest]") {
    test::TempDir dir;
    test::write_file(dir.path() / "m.csv",
                     "\xEF\xBB\xBFPath,Outlet,Date,Byline,Title,URL,Section\n"
                     "a.txt,washingtonpost.com,2020-01-09,\"Kareem Fahim; Sarah Dadouch\",\"Iran, Iraq and the base\",,World\n"
                     ",,2024-03-01,,,https://x.example/feed/7\n"
                     "c.txt,,2024-02-30\n"        // no such day
                     ",Nobody,2024-01-01\n"       // neither path nor url
                     "d.txt,,,,,,,extra\n"        // more cells than columns
                     "\"e.txt\",\"The \"\"Ledger\"\"\"\n");
    indexer::Manifest manifest = indexer::read_manifest(dir / "m.csv");
    REQUIRE(manifest.by_path.size() == 2);
    const indexer::ManifestEntry& a = manifest.by_path.at(dir / "a.txt");
    CHECK(a.outlet == "washingtonpost.com");  // canonicalised when applied, like every outlet
    CHECK(a.date == Date{year{2020}, January, day{9}});
    CHECK(a.byline == std::vector<std::string>{"Kareem Fahim", "Sarah Dadouch"});
    CHECK(a.title == "Iran, Iraq and the base");
    CHECK_FALSE(a.url);  // an empty cell says nothing
    CHECK(a.location == dir / "m.csv:2");
    CHECK(manifest.by_path.at(dir / "e.txt").outlet == "The \"Ledger\"");
    REQUIRE(manifest.by_url.size() == 1);
    CHECK(manifest.by_url.at("https://x.example/feed/7").date == Date{year{2024}, March, day{1}});
    REQUIRE(manifest.problems.size() == 4);
    CHECK(manifest.problems[0].location == dir / "m.csv:1");
    CHECK_THAT(manifest.problems[0].reason, Catch::Contains("\"section\" ignored"));
    CHECK(manifest.problems[1].location == dir / "m.csv:4");
    CHECK_THAT(manifest.problems[1].reason, Catch::Contains("2024-02-30"));
    CHECK(manifest.problems[2].location == dir / "m.csv:5");
    CHECK_THAT(manifest.problems[2].reason, Catch::Contains("neither \"path\" nor \"url\""));
    CHECK(manifest.problems[3].location == dir / "m.csv:6");
    CHECK_THAT(manifest.problems[3].reason, Catch::Contains("8 cells for 7 columns"));
}

TEST_CASE("a CSV manifest without a path or url column stops the run; an unclosed quote is reported", "[manifest]") {
    test::TempDir dir;
    test::write_file(dir.path() / "no-key.csv", "file,outlet\na.txt,The Ledger\n");
    CHECK_THROWS_MATCHES(indexer::read_manifest(dir / "no-key.csv"), Error,
                         Catch::Predicate<Error>([](const Error& e) {
                             return e.kind() == ErrorKind::input &&
                                    std::string(e.what()).find("no path or url column") != std::string::npos;
                         }));
    test::write_file(dir.path() / "open.csv", "path,title\na.txt,Fine\nb.txt,\"Never closed\nc.txt,Lost\n");
    indexer::Manifest manifest = indexer::read_manifest(dir / "open.csv");
    CHECK(manifest.by_path.size() == 1);
    REQUIRE(manifest.problems.size() == 1);
    CHECK(manifest.problems[0].location == dir / "open.csv:4");
    CHECK_THAT(manifest.problems[0].reason, Catch::Contains("ends inside a quoted field"));
}

TEST_CASE("a CSV row with a stray quote is reported and the rows after it are read", "[manifest]") {
    test::TempDir dir;
    test::write_file(dir.path() / "m.csv", "path,title\na.txt,Fine\nb.txt,Half \"quoted\" title\nc.txt,Also fine\n");
    indexer::Manifest manifest = indexer::read_manifest(dir / "m.csv");
    CHECK(manifest.by_path.size() == 2);
    CHECK(manifest.by_path.contains(dir / "c.txt"));
    REQUIRE(manifest.problems.size() == 1);
    CHECK(manifest.problems[0].location == dir / "m.csv:3");
}
