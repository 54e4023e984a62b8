// SPDX-License-Identifier: GPL-2.0-or-later
// The three printers of a SearchResult, and show's article, on one result
// made by hand: whole outputs, so a change of format shows as a diff.
#include <catch2/catch.hpp>

#include <sstream>

#include "searcher/csv_printer.hpp"
#include "searcher/json_printer.hpp"
#include "searcher/text_printer.hpp"

using namespace dateline;
using namespace dateline::searcher;

namespace {

SearchResult result() {
    SearchResult r;
    r.query = "strike";
    r.total = 2;
    r.counts_exact = true;
    Hit first;
    first.rank = 1;
    first.id = "59621433b2d701c7";
    first.score = 2.5;
    first.article.title = "Dockers strike, \"again\"";
    first.article.outlet = "Meridian Wire";
    first.article.date = parse_iso_date("2024-02-13");
    first.article.byline = {"Noor Aziz", "Tomasz Bell"};
    first.article.url = "https://meridianwire.example/a";
    first.article.source = "/archive/a.txt";
    first.snippet = {"Dockers went on strike again.", {{16, 22}}};
    first.spellings = {"Soleimani"};
    first.cluster = "3f9a0c2e5b7d1a44";
    first.copies = Copies{.others = 2,
                          .outlets = {"The Harbour Courier", "Northgate Evening Post"},
                          .earliest = {.id = "0c41d9e2a7b35f18", .outlet = "The Harbour Courier", .date = "2024-02-12"}};
    Hit second;
    second.rank = 2;
    second.id = "5d83ec21bdc07147";
    second.score = 1;
    second.article.source = "/archive/b.txt";
    r.hits = {first, second};
    r.facets = {{"outlet", {{"Meridian Wire", 1}}, ""}, {"date", {{"2024-02", 1}}, "month"}, {"person", {}, ""}};
    return r;
}

}  // namespace

TEST_CASE("printers: text, for a pipe (matches marked **so**)", "[printers][unit]") {
    std::ostringstream out;
    print_text(out, result(), {false});
    CHECK(out.str() == R"(2 matches for "strike"

  1. Dockers strike, "again"
     Meridian Wire · 2024-02-13 · Noor Aziz, Tomasz Bell
     Dockers went on **strike** again.
     names matched as: Soleimani
     also run by The Harbour Courier, Northgate Evening Post (2 copies); first: The Harbour Courier, 2024-02-12, id 0c41d9e2a7b35f18 · cluster:3f9a0c2e5b7d1a44
     id 59621433b2d701c7 · https://meridianwire.example/a

  2. (untitled)
     (outlet unknown) · (undated)
     id 5d83ec21bdc07147 · /archive/b.txt

Facets (exact counts over all 2 matches):
  outlet:        Meridian Wire (1)
  date by month: 2024-02 (1)
  person:        -
)");
}

TEST_CASE("printers: text on a terminal makes matches bold; estimated counts say so", "[printers][unit]") {
    SearchResult r = result();
    r.counts_exact = false;
    r.did_you_mean = "strike";
    std::ostringstream out;
    print_text(out, r, {true});
    CHECK_THAT(out.str(), Catch::StartsWith("2 matches for \"strike\" (estimated)\nDid you mean: strike\n"));
    CHECK_THAT(out.str(), Catch::Contains("on \033[1mstrike\033[22m again") && Catch::Contains("(estimated counts over all 2"));
}

TEST_CASE("printers: collapsed, the stories are counted beside the matches; a first copy says so", "[printers][unit]") {
    SearchResult r = result();
    r.stories = 1;
    r.hits[0].copies->earliest.id = r.hits[0].id;
    std::ostringstream out;
    print_text(out, r, {false});
    CHECK_THAT(out.str(), Catch::StartsWith("2 matches (1 story) for \"strike\"\n"));
    CHECK_THAT(out.str(), Catch::Contains("(2 copies); first: this one · cluster:3f9a0c2e5b7d1a44\n"));
    std::ostringstream json;
    print_json(json, r);
    CHECK_THAT(json.str(), Catch::Contains(R"("total":2,"stories":1,)"));
}

TEST_CASE("printers: CSV rows under a header, quoted as RFC 4180 asks", "[printers][unit]") {
    std::ostringstream out;
    print_csv(out, result());
    CHECK(out.str() ==
          "rank,score,date,outlet,byline,title,url,source,snippet\r\n"
          "1,2.500000,2024-02-13,Meridian Wire,Noor Aziz; Tomasz Bell,\"Dockers strike, \"\"again\"\"\","
          "https://meridianwire.example/a,/archive/a.txt,Dockers went on strike again.\r\n"
          "2,1.000000,,,,,,/archive/b.txt,\r\n");
}

TEST_CASE("printers: JSON of the documented shape, unknowns null, highlights in code points", "[printers][unit]") {
    SearchResult r = result();
    r.hits[0].snippet = {"Débats: strike", {{8, 14}}};  // "é" is two bytes, one code point
    r.manifest = {.dateline_version = "0.1.0",
                  .xapian_version = "1.4.22",
                  .databases = {{.path = "news.db", .uuid = "0b5f", .revision = 7, .generation = "generation-000002",
                                 .documents = 20},
                                {.path = "tcp:127.0.0.1:7000", .uuid = "9c1e", .revision = {}, .generation = {},
                                 .documents = 5}},
                  .parsed_query = "Query(Zstrike@1)",
                  .weighting = "bb2:1.5",
                  .since = "2024-02",
                  .until = "",
                  .match_any = false,
                  .recent = false,
                  .sort = SortOrder::newest_first,
                  .common_share = 0.25,
                  .facets = "exact",
                  .offset = 0,
                  .limit = 10,
                  .snippet_length = 200,
                  .counts_exact = true};
    std::ostringstream out;
    print_json(out, r);
    CHECK(out.str() ==
          R"({"version":2,"query":"strike","total":2,"stories":null,"counts_exact":true,"hits":[)"
          R"({"rank":1,"id":"59621433b2d701c7","score":2.5,"title":"Dockers strike, \"again\"","outlet":"Meridian Wire",)"
          R"("date":"2024-02-13","byline":["Noor Aziz","Tomasz Bell"],"url":"https://meridianwire.example/a",)"
          R"("source":"/archive/a.txt","snippet":"Débats: strike","highlights":[[7,13]],"spellings":["Soleimani"],"cluster":"3f9a0c2e5b7d1a44",)"
          R"("copies":{"others":2,"outlets":["The Harbour Courier","Northgate Evening Post"],)"
          R"("earliest":{"id":"0c41d9e2a7b35f18","outlet":"The Harbour Courier","date":"2024-02-12"}}},)"
          R"({"rank":2,"id":"5d83ec21bdc07147","score":1.0,"title":null,"outlet":null,"date":null,"byline":[],"url":null,)"
          R"("source":"/archive/b.txt","snippet":"","highlights":[],"spellings":[],"cluster":null,"copies":null}],)"
          R"("facets":{"outlet":[{"value":"Meridian Wire","count":1}],"date":[{"value":"2024-02","count":1}],"person":[]},)"
          R"("date_granularity":"month","did_you_mean":null,)"
          R"("manifest":{"dateline":"0.1.0","xapian":"1.4.22","databases":[)"
          R"({"path":"news.db","uuid":"0b5f","revision":7,"generation":"generation-000002","documents":20},)"
          R"({"path":"tcp:127.0.0.1:7000","uuid":"9c1e","revision":null,"generation":null,"documents":5}],)"
          R"j("parsed_query":"Query(Zstrike@1)","weighting":"bb2:1.5","options":{"since":"2024-02","until":null,)j"
          R"("any":false,"sort":"-date","recent":false,"collapse":false,"common_share":0.25,"facets":"exact","offset":0,"limit":10,)"
          R"("snippet_length":200},"counts_exact":true}})"
          "\n");
}

TEST_CASE("printers: one article whole, as text and as JSON", "[printers][unit]") {
    Article article = result().hits[0].article;
    article.body = "First paragraph.\n\nSecond.";
    article.dateline = "HARBOURTON";
    article.entities = {{EntityType::person, "Noor Aziz", "nur aziz", 2, {"Noor Aziz"}}};
    std::ostringstream text;
    print_article_text(text, article);
    CHECK(text.str() == "Dockers strike, \"again\"\nMeridian Wire · 2024-02-13 · Noor Aziz, Tomasz Bell\n"
                        "https://meridianwire.example/a\n\nFirst paragraph.\n\nSecond.\n");
    std::ostringstream json;
    print_json_line(json, article_json("59621433b2d701c7", article));
    CHECK(json.str() ==
          R"({"version":2,"id":"59621433b2d701c7","title":"Dockers strike, \"again\"","outlet":"Meridian Wire",)"
          R"("date":"2024-02-13","byline":["Noor Aziz","Tomasz Bell"],"url":"https://meridianwire.example/a",)"
          R"("source":"/archive/a.txt","dateline":"HARBOURTON","text":"First paragraph.\n\nSecond.",)"
          R"("entities":[{"name":"Noor Aziz","type":"person","mentions":2,"forms":["Noor Aziz"],"key":"nur aziz"}]})"
          "\n");
}
