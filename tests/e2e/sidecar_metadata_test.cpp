// SPDX-License-Identifier: GPL-2.0-or-later
// Metadata from beside the articles, through the real binary: a CSV manifest
// (rows by path and by URL) and a path template, in the precedence the help
// promises: manifest, then path, then the document, then its text.
#include <catch2/catch.hpp>

#include <map>

#include <nlohmann/json.hpp>

#include "tests/support.hpp"

using namespace dateline;
using nlohmann::json;

namespace {

const std::string story =
    "The harbour authority said on Friday that the night-shift dispute at the container terminal had been settled, "
    "and that the ships which had waited in the bay for a week would be unloaded over the weekend.\n";

std::map<std::string, json> extract(const std::string& args, test::CommandResult& run) {
    run = test::run_command(test::index_binary() + " extract --no-entities " + args);
    std::map<std::string, json> by_title;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);) {
        json article = json::parse(line);
        by_title[article["title"].get<std::string>()] = article;
    }
    return by_title;
}

}  // namespace

TEST_CASE("manifest over path template over the document, for files and for JSON Lines records", "[e2e][sidecar]") {
    test::TempDir dir;
    auto archive = dir.path() / "archive";
    test::write_file(archive / "washington-post/2020/01/09/strike.txt", "Strike on the base\n\n" + story);
    test::write_file(archive / "washington-post/2020/01/10/dated.txt",
                     "Dated in its own text\n\nPublished 3 March 2021\n\n" + story);
    test::write_file(archive / "harbour-courier/2024/02/30/bad-day.txt", "A day that never was\n\n" + story);
    test::write_file(archive / "loose/notes.txt", "Filed nowhere in particular\n\n" + story);
    test::write_file(archive / "loose/batch.jsonl", json({{"title", "Loose record one"}, {"text", story}}).dump() + "\n" +
                                                        json({{"title", "Loose record two"}, {"text", story}}).dump() + "\n");
    test::write_file(archive / "reuters/2021/05/06/feed.jsonl",
                     json({{"title", "Record with its own date"}, {"text", story}, {"date", "2019-07-01"},
                           {"url", "https://feed.example/1"}}).dump() + "\n" +
                     json({{"title", "Record without a date"}, {"text", story}}).dump() + "\n");
    test::write_file(dir.path() / "manifest.csv",
                     "path,outlet,date,byline,url\n"
                     "archive/washington-post/2020/01/09/strike.txt,,2020-01-08,Kareem Fahim; Sarah Dadouch,\n"
                     ",Meridian Wire,,Elin Marsh,https://feed.example/1\n");
    test::CommandResult run;
    auto articles = extract("--path-template '{outlet}/{yyyy}/{mm}/{dd}/*' --manifest " + test::shell_quote(dir / "manifest.csv") +
                                " " + test::shell_quote(archive.string()),
                            run);
    INFO(run.err);
    REQUIRE(articles.size() == 8);

    const json& strike = articles.at("Strike on the base");
    CHECK(strike["outlet"] == "The Washington Post");  // the folder's name, through the outlet table
    CHECK(strike["date"] == "2020-01-08");              // the manifest's date over the folder's
    CHECK(strike["byline"] == json({"Kareem Fahim", "Sarah Dadouch"}));
    CHECK(articles.at("Dated in its own text")["date"] == "2020-01-10");  // the folder's date over the text's

    const json& never = articles.at("A day that never was");
    CHECK(never["date"].is_null());
    CHECK(never["outlet"] == "harbour-courier");  // not in the table: as the folder has it
    CHECK_THAT(run.err, Catch::Contains("bad-day.txt: 2024/02/30 in the path is not a date"));
    CHECK(articles.at("Filed nowhere in particular")["outlet"].is_null());
    CHECK_THAT(run.err, Catch::Contains("notes.txt: the path does not match --path-template"));
    // Once a file, not once a record.
    CHECK_THAT(run.err, Catch::Contains("batch.jsonl:1: the path does not match --path-template"));
    CHECK_THAT(run.err, !Catch::Contains("batch.jsonl:2: the path does not match"));

    // JSON Lines: the record's own date stands, the folder fills what it lacks,
    // and a manifest row for the record's URL wins over both.
    const json& own = articles.at("Record with its own date");
    CHECK(own["date"] == "2019-07-01");
    CHECK(own["outlet"] == "Meridian Wire");
    CHECK(own["byline"] == json({"Elin Marsh"}));
    const json& lacking = articles.at("Record without a date");
    CHECK(lacking["date"] == "2021-05-06");
    CHECK(lacking["outlet"] == "Reuters");
    CHECK(run.status == 1);  // warnings make the run partial
}

TEST_CASE("a bad --path-template is a usage error before anything is read", "[e2e][sidecar]") {
    test::TempDir dir;
    test::write_file(dir.path() / "a.txt", "A title\n\n" + story);
    auto run = test::run_command(test::index_binary() + " extract --path-template '{source}/*' " + (dir / "a.txt"));
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("unknown placeholder {source}"));
    CHECK(run.out.empty());
}
