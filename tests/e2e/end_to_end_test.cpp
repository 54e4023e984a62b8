// SPDX-License-Identifier: GPL-2.0-or-later
// The real binaries, run as a user runs them, output compared with what a
// person expects (volatile parts, such as timings, masked).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "shared/schema.hpp"
#include "tests/support.hpp"

using namespace dateline;
using test::run_command;
using test::shell_quote;

namespace {

std::string index_sample(const test::TempDir& dir) {
    return test::index_binary() + " update --db " + shell_quote(dir / "db") + " --manifest " +
           shell_quote((test::sample_dir() / "manifest.jsonl").string()) + " " +
           shell_quote((test::sample_dir() / "articles").string());
}

std::string search(const test::TempDir& dir, const std::string& args) {
    return test::search_binary() + " --db " + shell_quote(dir / "db") + " " + args;
}

std::size_t count_lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

// "... (0.12 s)\n" -> "... (T s)\n": the one volatile part of the summary line.
std::string mask_seconds(std::string line) {
    std::size_t open = line.rfind(" (");
    std::size_t close = line.rfind(" s)");
    if (open != std::string::npos && close != std::string::npos && close > open)
        line.replace(open + 2, close - open - 2, "T");
    return line;
}

}  // namespace

TEST_CASE("e2e: update prints one summary line and a re-run changes nothing", "[e2e]") {
    test::TempDir dir;
    auto first = run_command(index_sample(dir));
    CHECK(first.status == 0);
    CHECK(first.err.empty());
    CHECK(mask_seconds(first.out) == "dateline-index: update " + (dir / "db") +
                                         ": 44 new, 0 replaced, 0 unchanged, 0 skipped, 0 pruned, 0 warnings; "
                                         "44 articles in gen-000001 (T s)\n");
    auto second = run_command(index_sample(dir));
    CHECK(second.status == 0);
    // Nothing changed, so nothing is written.
    CHECK_THAT(second.out, Catch::Contains(": 0 new, 0 replaced, 44 unchanged,") &&
                               Catch::Contains("44 articles in gen-000001"));
}

TEST_CASE("e2e: search prints ranked hits, highlighted snippets and facets as text", "[e2e]") {
    test::TempDir dir;
    REQUIRE(run_command(index_sample(dir)).status == 0);
    auto result = run_command(search(dir, "'Haddad outlet:\"Meridian Wire\"'"));
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    // Piped, so matches are marked **so**; ids come from the manifest URLs.
    CHECK(result.out == R"(3 matches for "Haddad outlet:"Meridian Wire""

  1. Harbourton port traffic recovers after dispute
     Meridian Wire · 2024-04-22 · Noor Aziz
     …traffic at Harbourton port in April returned to the level seen before the winter strikes, the Harbour Authority said. Yusuf **Haddad** said both shipping lines that moved calls to Northgate had come back.
     id 59621433b2d701c7 · https://meridianwire.example/2024/04/22/harbourton-port-traffic

  2. Harbourton port hit by second strike as ships divert
     Meridian Wire · 2024-02-13 · Noor Aziz
     Shipping lines said they would send vessels to Northgate until the dispute is settled. Yusuf **Haddad** said the Harbour Authority was ready to ask an independent arbiter to decide on night-shift pay.
     id 5d83ec21bdc07147 · https://meridianwire.example/2024/02/13/harbourton-second-strike

  3. Harbourton dockers back first strike in a decade
     Meridian Wire · 2024-01-05 · Noor Aziz
     …**Haddad**, who heads the Harbour Authority, said the port would stay open and that contingency plans were in place for container traffic. The port handles about a fifth of the region's freight. Shipping…
     id ec8269256604a789 · https://meridianwire.example/2024/01/05/harbourton-port-strike-vote

Facets (exact counts over all 3 matches):
  outlet:        Meridian Wire (3)
  byline:        Noor Aziz (3)
  date by month: 2024-01 (1) · 2024-02 (1) · 2024-04 (1)
  person:        Yusuf Haddad (3) · Northgate (1)
  org:           Harbour Authority (3) · Dockworkers' Union (1)
  place:         Harbourton (3) · Northgate (2)
)");
}

TEST_CASE("e2e: --json prints one object of the documented shape", "[e2e]") {
    test::TempDir dir;
    REQUIRE(run_command(index_sample(dir)).status == 0);
    auto result = run_command(search(dir, "--json --limit 3 flood"));
    CHECK(result.status == 0);
    auto json = nlohmann::json::parse(result.out);
    CHECK(json["version"] == 2);
    CHECK(json["query"] == "flood");
    CHECK(json["total"] == 8);  // grep -lwiE 'flood|floods|flooded|flooding': 8 files
    CHECK(json["counts_exact"] == true);
    REQUIRE(json["hits"].size() == 3);
    for (const auto& hit : json["hits"]) {
        for (const char* key : {"rank", "id", "score", "title", "outlet", "date", "byline", "url", "source",
                                "snippet", "highlights"})
            CHECK(hit.contains(key));
        CHECK(hit["byline"].is_array());
        // Highlights are code-point offsets into the snippet text: map them
        // back to bytes and the span must be the matched word.
        auto snippet = hit["snippet"].get<std::string>();
        std::vector<std::size_t> byte_of;  // byte offset of each code point
        for (std::size_t i = 0; i < snippet.size(); ++i)
            if ((static_cast<unsigned char>(snippet[i]) & 0xC0) != 0x80) byte_of.push_back(i);
        byte_of.push_back(snippet.size());
        REQUIRE_FALSE(hit["highlights"].empty());
        for (const auto& span : hit["highlights"]) {
            std::size_t start = byte_of.at(span[0].get<std::size_t>()), end = byte_of.at(span[1].get<std::size_t>());
            CHECK_THAT(Catch::toLower(snippet.substr(start, end - start)), Catch::StartsWith("flood"));
        }
    }
    std::size_t month_total = 0;
    for (const auto& value : json["facets"]["date"]) month_total += value["count"].get<std::size_t>();
    CHECK(month_total == 8);  // every flood article is in the manifest
    CHECK(json["date_granularity"] == "month");
    CHECK(json["facets"]["outlet"].at(0)["value"] == "Aldermere Valley Ledger");
}

TEST_CASE("e2e: no match exits 1 with a zero total", "[e2e]") {
    test::TempDir dir;
    REQUIRE(run_command(index_sample(dir)).status == 0);
    auto result = run_command(search(dir, "--json zeppelin"));
    CHECK(result.status == 1);
    CHECK(nlohmann::json::parse(result.out)["total"] == 0);
}

TEST_CASE("e2e: a missing database is one line on stderr with a hint, exit 3", "[e2e]") {
    test::TempDir dir;
    auto result = run_command(search(dir, "Iran"));
    CHECK(result.status == 3);
    CHECK(result.out.empty());
    CHECK(count_lines(result.err) == 1);
    CHECK_THAT(result.err, Catch::StartsWith("dateline-search: error: no database at ") &&
                               Catch::Contains("(hint: create one with: dateline-index update"));
}

TEST_CASE("e2e: a path that does not exist is one line on stderr, exit 4, nothing created", "[e2e]") {
    test::TempDir dir;
    auto result = run_command(test::index_binary() + " update --db " + shell_quote(dir / "db") + " " +
                              shell_quote(dir / "no-such-archive"));
    CHECK(result.status == 4);
    CHECK(count_lines(result.err) == 1);
    CHECK_THAT(result.err, Catch::Contains("no such file or directory: ") && Catch::Contains("no-such-archive"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "db"));
}

TEST_CASE("e2e: bad options are usage errors, one line and exit 2", "[e2e]") {
    test::TempDir dir;
    for (const std::string& command :
         {test::search_binary() + " --frobnicate x", test::search_binary() + " Iran",  // no --db
          test::search_binary() + " --db x --limit many Iran", test::index_binary() + " update",
          test::index_binary() + " upgrade --db x y", test::index_binary() + " update --db " + shell_quote(dir / "db")}) {
        INFO(command);
        auto result = run_command(command);
        CHECK(result.status == 2);
        CHECK(count_lines(result.err) == 1);
        CHECK_THAT(result.err, Catch::Contains(": error: ") && Catch::Contains("(hint: "));
        CHECK_THAT(result.err, !Catch::Contains("terminate"));
    }
}

TEST_CASE("e2e: a skipped file is a warning naming it, and the run exits 1 (partial)", "[e2e]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in/good.txt", "Ferry timetable\n\nThe ferry leaves at nine.\n");
    test::write_file(dir.path() / "in/empty.txt", "");
    auto result = run_command(test::index_binary() + " update --db " + shell_quote(dir / "db") + " " + shell_quote(dir / "in"));
    CHECK(result.status == 1);
    CHECK(result.err == "dateline-index: warning: " + (dir / "in/empty.txt") + ": no text in file; skipped\n");
    CHECK_THAT(result.out, Catch::Contains(": 1 new, 0 replaced, 0 unchanged, 1 skipped,"));
}

TEST_CASE("e2e: a file the user may not read is skipped with the reason, the rest indexed", "[e2e]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in/a.txt", "Ferry timetable\n\nThe ferry leaves at nine.\n");
    test::write_file(dir.path() / "in/b.txt", "Tram works\n\nThe tram works begin.\n");
    namespace fs = std::filesystem;
    for (const char* path : {"", "in"})
        fs::permissions(dir.path() / path, fs::perms::all);  // let an unprivileged user in
    fs::permissions(dir.path() / "in/b.txt", fs::perms::none);
    // Root reads everything, so as root the indexer runs as nobody.
    std::string as_user = geteuid() == 0 ? "setpriv --reuid=nobody --regid=nogroup --clear-groups " : "";
    auto result = run_command(as_user + test::index_binary() + " update --db " + shell_quote(dir / "db") + " " +
                              shell_quote(dir / "in"));
    CHECK(result.status == 1);
    CHECK(result.err == "dateline-index: warning: " + (dir / "in/b.txt") +
                            ": cannot read file: Permission denied; skipped\n");
    CHECK_THAT(result.out, Catch::Contains(": 1 new, 0 replaced, 0 unchanged, 1 skipped,"));
}

TEST_CASE("e2e: a JSON Lines file with a broken line in the middle, and gzip", "[e2e]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in/export.jsonl",
                     "{\"id\": 1, \"title\": \"Ferry timetable\", \"text\": \"The ferry leaves at nine.\", "
                     "\"outlet\": \"Meridian Wire\", \"date\": \"2024-03-01\", \"authors\": [\"Noor Aziz\"]}\n"
                     "{\"id\": 2, \"title\": \"Tram works\", \"text\": \"The tram wor\n"
                     "{\"id\": 3, \"title\": \"Museum\", \"text\": \"The museum reopens.\"}\n");
    test::write_file(dir.path() / "in/brief.txt", "Lifeboat rescue\n\nThree people were rescued off the headland.\n");
    REQUIRE(run_command("gzip " + shell_quote(dir / "in/export.jsonl") + " " + shell_quote(dir / "in/brief.txt")).status == 0);
    auto result = run_command(test::index_binary() + " update --db " + shell_quote(dir / "db") + " " +
                              shell_quote(dir / "in"));
    CHECK(result.status == 1);  // partial
    CHECK(result.err == "dateline-index: warning: " + (dir / "in/export.jsonl.gz") +
                            ":2: not valid JSON (a truncated or broken line); skipped\n");
    CHECK_THAT(result.out, Catch::Contains(": 3 new, 0 replaced, 0 unchanged, 1 skipped,"));
    auto search = run_command(test::search_binary() + " --db " + shell_quote(dir / "db") +
                              " --json 'ferry OR museum OR lifeboat'");
    auto json = nlohmann::json::parse(search.out);
    CHECK(json["total"] == 3);
    CHECK(json["facets"]["outlet"] == nlohmann::json::parse(R"([{"value": "Meridian Wire", "count": 1}])"));
}

TEST_CASE("e2e: --help of each program explains usage and exit statuses", "[e2e]") {
    auto search_help = run_command(test::search_binary() + " --help");
    CHECK(search_help.status == 0);
    CHECK_THAT(search_help.out, Catch::Contains("--help-query") && Catch::Contains("--sort") &&
                                    Catch::Contains("Exit status"));
    // --help-query and docs/query-language.md name every field of the schema.
    auto query_help = run_command(test::search_binary() + " --help-query");
    CHECK(query_help.status == 0);
    std::ifstream doc_file(test::source_dir() / "docs" / "query-language.md");
    std::string doc((std::istreambuf_iterator<char>(doc_file)), std::istreambuf_iterator<char>());
    for (const schema::Field& field : schema::all_fields) {
        if (field.name.empty()) continue;
        INFO(field.name);
        CHECK_THAT(query_help.out, Catch::Contains(std::string(field.name) + ":"));
        CHECK_THAT(doc, Catch::Contains("`" + std::string(field.name) + ":"));
    }
    CHECK_THAT(query_help.out, Catch::Contains("NEAR/5") && Catch::Contains("date:7d..") && Catch::Contains("missil*"));
    auto index_help = run_command(test::index_binary() + " --help");
    CHECK(index_help.status == 0);
    CHECK_THAT(index_help.out, Catch::Contains("update") && Catch::Contains("Exit status"));
    auto update_help = run_command(test::index_binary() + " update --help");
    CHECK(update_help.status == 0);
    CHECK_THAT(update_help.out, Catch::Contains("--manifest"));
}

TEST_CASE("e2e: extract prints each article as indexed, entities included; a broken line is named", "[e2e]") {
    test::TempDir dir;
    test::write_file(dir.path() / "wire.jsonl",
                     R"({"title": "Talks", "text": "Brig. Gen. Amir Ali Hajizadeh spoke in Tehran. Hajizadeh said no."})"
                     "\n{\"title\": \"cut off\n");
    auto result = run_command(test::index_binary() + " extract " + shell_quote(dir / "wire.jsonl"));
    CHECK(result.status == 1);  // partial: one record skipped
    CHECK_THAT(result.err, Catch::Contains("wire.jsonl:2") && Catch::Contains("skipped"));
    auto article = nlohmann::json::parse(result.out);  // one line, one object
    CHECK(article["title"] == "Talks");
    CHECK(article["text"] == "Brig. Gen. Amir Ali Hajizadeh spoke in Tehran. Hajizadeh said no.");
    REQUIRE(article["entities"].size() >= 2);
    CHECK(article["entities"][0]["name"] == "Amir Ali Hajizadeh");
    CHECK(article["entities"][0]["type"] == "person");
    CHECK(article["entities"][0]["mentions"] == 2);
    CHECK(article["entities"][0]["forms"] == nlohmann::json::array({"Amir Ali Hajizadeh", "Hajizadeh"}));
    for (const char* key : {"source", "outlet", "date", "byline", "dateline", "credits", "url", "removed", "warnings"})
        CHECK(article.contains(key));
}
