// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-search as scripts use it: batch mode, JSON Lines, CSV, show, and
// bad queries, on the sample archive with the real binaries.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tests/support.hpp"

using namespace dateline;
using namespace std::chrono_literals;
using nlohmann::json;
using test::run_command;
using test::shell_quote;

namespace {

std::string search(const std::string& args) {
    return test::search_binary() + " --db " + shell_quote(test::shared_sample_database()) + " " + args;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> found;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) found.push_back(line);
    return found;
}

}  // namespace

TEST_CASE("cli: --batch answers each line in order, errors included, and goes on", "[cli]") {
    test::TempDir dir;
    test::write_file(dir.path() / "queries",
                     "Haddad\n"
                     "{\"query\": \"tram\", \"limit\": 1, \"offset\": 1}\n"
                     "\n"
                     "\"unbalanced\n"
                     "colour:red\n"
                     "{\"query\": \"x\", \"limit\": \"many\"}\n"
                     "zeppelin\n"
                     "{\"query\": \"Haddad\", \"collapse\": true}\n");
    auto result = run_command(search("--batch " + shell_quote(dir / "queries")));
    CHECK(result.status == 1);  // some lines are error objects
    CHECK(result.err.empty());
    auto answers = lines(result.out);
    REQUIRE(answers.size() == 8);  // one a line, the blank one too
    auto first = json::parse(answers[0]);
    CHECK(first["line"] == 1);
    CHECK(first["total"] == 10);
    auto second = json::parse(answers[1]);
    CHECK(second["line"] == 2);
    CHECK(second["total"] == 5);
    REQUIRE(second["hits"].size() == 1);
    CHECK(second["hits"][0]["rank"] == 2);
    for (std::size_t i : {2u, 3u, 4u, 5u}) {
        auto error = json::parse(answers[i]);
        CHECK(error["line"] == i + 1);
        CHECK(error["error"]["kind"] == "usage");
        CHECK_FALSE(error["error"]["message"].get<std::string>().empty());
    }
    CHECK(json::parse(answers[2])["error"]["message"] == "blank line: no query");
    CHECK(json::parse(answers[6])["total"] == 0);
    CHECK(json::parse(answers[6])["line"] == 7);
    CHECK(json::parse(answers[7])["stories"] == 10);  // the sample holds no copies
    CHECK(first["stories"] == nullptr);
}

TEST_CASE("cli: a batch held open answers from the new generation after a rebuild", "[cli]") {
    test::TempDir dir;
    std::string db = dir / "db";
    test::build_sample_database(db);
    std::string fifo = dir / "queries";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        std::string command = test::search_binary() + " --db " + shell_quote(db) + " --batch " + shell_quote(fifo) +
                              " > " + shell_quote(dir / "answers");
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int writer = open(fifo.c_str(), O_WRONLY);
    REQUIRE(writer >= 0);
    auto ask = [&](const std::string& line) { REQUIRE(write(writer, line.data(), line.size()) == static_cast<ssize_t>(line.size())); };
    auto answers_so_far = [&] {
        std::ifstream in(dir.path() / "answers");
        return lines(std::string(std::istreambuf_iterator<char>(in), {}));
    };
    ask("Haddad\n");
    for (int i = 0; i < 5000 && answers_so_far().size() < 1; ++i) std::this_thread::sleep_for(2ms);
    REQUIRE(answers_so_far().size() == 1);
    REQUIRE(run_command(test::index_binary() + " rebuild --db " + shell_quote(db) + " " +
                        shell_quote((test::sample_dir() / "articles/meridian-wire").string()))
                .status == 0);
    ask("Haddad\n");
    close(writer);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WEXITSTATUS(status) == 0);
    auto answers = answers_so_far();
    REQUIRE(answers.size() == 2);
    CHECK(json::parse(answers[0])["total"] == 10);
    CHECK(json::parse(answers[1])["total"] == 3);  // only the Wire's articles now
}

TEST_CASE("cli: --csv prints a header and one quoted row per hit", "[cli]") {
    auto result = run_command(search("--csv --limit 2 'strike outlet:\"Meridian Wire\"'"));
    CHECK(result.status == 0);
    auto rows = lines(result.out);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == "rank,score,date,outlet,byline,title,url,source,snippet\r");
    // The title has a comma, so it is quoted.
    CHECK_THAT(rows[1], Catch::StartsWith("1,") &&
                            Catch::Contains(",2024-01-17,Meridian Wire,Noor Aziz,\"Harbourton port reopens after "
                                            "two-day strike, dispute unresolved\",https://meridianwire.example/"));
}

TEST_CASE("cli: --jsonl prints one hit object per line", "[cli]") {
    auto result = run_command(search("--jsonl --limit 3 Haddad"));
    CHECK(result.status == 0);
    auto rows = lines(result.out);
    REQUIRE(rows.size() == 3);
    for (std::size_t i = 0; i < rows.size(); ++i) CHECK(json::parse(rows[i])["rank"] == i + 1);
    CHECK(run_command(search("--json --csv Haddad")).status == 2);
}

TEST_CASE("cli: show prints one whole article by its id", "[cli]") {
    auto text = run_command(search("show 59621433b2d701c7"));
    CHECK(text.status == 0);
    CHECK(text.out == "Harbourton port traffic recovers after dispute\n"
                      "Meridian Wire · 2024-04-22 · Noor Aziz\n"
                      "https://meridianwire.example/2024/04/22/harbourton-port-traffic\n\n"
                      "HARBOURTON — Container traffic at Harbourton port in April returned to the level seen before "
                      "the winter strikes, the Harbour Authority said.\n\n"
                      "Yusuf Haddad said both shipping lines that moved calls to Northgate had come back.\n");
    auto as_json = json::parse(run_command(search("--json show 59621433b2d701c7")).out);
    CHECK(as_json["id"] == "59621433b2d701c7");
    CHECK(as_json["byline"] == json::array({"Noor Aziz"}));
    // An article the manifest does not cover: date and byline read from its
    // "By" and "Published" lines, no outlet, and the metadata line says so.
    auto hit = json::parse(run_command(search("--json 'title:\"Market Street\"'")).out)["hits"].at(0);
    auto bare = run_command(search("show " + hit["id"].get<std::string>()));
    CHECK(bare.status == 0);
    CHECK_THAT(bare.out, Catch::StartsWith("Final tram route avoids Market Street\n(outlet unknown) · 2024-04-16 · Tomasz Bell\n" +
                                           hit["source"].get<std::string>() + "\n\n"));
    auto missing = run_command(search("show 0000000000000000"));
    CHECK(missing.status == 1);
    CHECK(missing.err == "dateline-search: no article with id 0000000000000000\n");
}

TEST_CASE("cli: --since, --until and --any, on the command line and per batch line", "[cli]") {
    // Haddad: 10 articles, by month 01:3, 02:4, 03:2, 04:1 (counted by hand).
    auto total = [](const std::string& args) {
        auto result = run_command(search("--json " + args));
        REQUIRE(result.status <= 1);  // 1: no hits
        return json::parse(result.out)["total"].get<unsigned>();
    };
    CHECK(total("--since 2024-03 Haddad") == 3);
    CHECK(total("--until 2024-01 Haddad") == 3);
    CHECK(total("--since 2024-02 --until 2024-03 Haddad") == 6);
    // tram: 5 articles; with --any, Haddad or tram matches at least the 10.
    CHECK(total("Haddad tram") <= 5);
    CHECK(total("--any Haddad tram") >= 10);
    auto bad = run_command(search("--since february Haddad"));
    CHECK(bad.status == 2);
    CHECK_THAT(bad.err, Catch::Contains("--since/--until"));

    test::TempDir dir;
    test::write_file(dir.path() / "queries",
                     "{\"query\": \"Haddad\", \"since\": \"2024-03\"}\n"
                     "{\"query\": \"Haddad tram\", \"any\": true}\n"
                     "{\"query\": \"Haddad\", \"until\": 2024}\n");
    auto result = run_command(search("--batch " + shell_quote(dir / "queries")));
    auto answers = lines(result.out);
    REQUIRE(answers.size() == 3);
    CHECK(json::parse(answers[0])["total"] == 3);
    CHECK(json::parse(answers[1])["total"].get<unsigned>() >= 10);
    CHECK(json::parse(answers[2])["error"]["kind"] == "usage");  // "until" must be a string
}

TEST_CASE("cli: bad queries are one line on stderr and exit 2", "[cli]") {
    for (const char* query : {"'\"unbalanced'", "'(strike OR tram'", "colour:red", "date:2024-13", "'strike AND'",
                              "''"}) {
        INFO(query);
        auto result = run_command(search(query));
        CHECK(result.status == 2);
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
        CHECK_THAT(result.err, Catch::StartsWith("dateline-search: error: "));
    }
    auto long_query = run_command(search(std::string(10 * 1024, 'x')));
    CHECK(long_query.status == 2);
    CHECK_THAT(long_query.err, Catch::Contains("query is too long"));
}

TEST_CASE("cli: --facet NAME:N cuts a facet to its top N, 0 shows all, a bad one is a usage error", "[cli]") {
    auto all = run_command(search("--json --facet place:0 --facet org:0 harbour"));
    REQUIRE(all.status == 0);
    auto full = nlohmann::json::parse(all.out)["facets"];
    REQUIRE(full["org"].size() >= 2);
    auto one = run_command(search("--json --facet org:1 harbour"));
    REQUIRE(one.status == 0);
    auto cut = nlohmann::json::parse(one.out)["facets"];
    CHECK(cut["org"].size() == 1);
    CHECK(cut["org"][0] == full["org"][0]);  // the top entry, with its full count
    // Other facets keep their default size, 10.
    CHECK(cut["place"].size() == std::min<std::size_t>(full["place"].size(), 10));
    for (const char* bad : {"--facet pers:3", "--facet org", "--facet org:x", "--facet org:-1"}) {
        INFO(bad);
        auto result = run_command(search(std::string(bad) + " harbour"));
        CHECK(result.status == 2);
        CHECK_THAT(result.err, Catch::Contains("invalid --facet"));
    }
}

TEST_CASE("cli: every kind of bad query is an error object in a batch, and the next line is answered", "[cli]") {
    test::TempDir dir;
    std::string long_query(10 * 1024, 'x');
    test::write_file(dir.path() / "queries",
                     "\"unbalanced\n"
                     "(strike OR tram\n"
                     "colour:red\n"
                     "date:2024-13\n"
                     "Haddad date:2024-02..2024-01\n" +
                         long_query + "\n"
                                      "{\"query\": \"\"}\n"
                                      "{\"query\": \"tram\", \"sort\": \"sideways\"}\n"
                                      "{\"query\": \"c*\", \"limit\": 4294967295}\n"
                                      "{\"query\": \"c*\", \"limit\": 4294967296}\n"
                                      "{\"query\": \"tram\", \"offset\": 100001}\n"
                                      "harbour NEAR/0 storms\n"
                                      "person:\n"
                                      "Haddad\n");
    auto result = run_command(search("--batch " + shell_quote(dir / "queries")));
    CHECK(result.status == 1);
    auto answers = lines(result.out);
    REQUIRE(answers.size() == 14);
    for (std::size_t i = 0; i < 13; ++i) {
        INFO(answers[i].substr(0, 200));
        auto error = json::parse(answers[i]);
        CHECK(error["line"] == i + 1);
        CHECK(error["error"]["kind"] == "usage");
    }
    CHECK_THAT(json::parse(answers[5])["error"]["message"].get<std::string>(), Catch::Contains("too long"));
    CHECK(json::parse(answers[8])["error"]["message"] == "limit 4294967295 is too large (at most 10000)");
    CHECK(json::parse(answers[9])["error"]["message"] == "\"limit\" is too large (4294967296)");
    CHECK(json::parse(answers[10])["error"]["message"] == "offset 100001 is too large (at most 100000)");
    CHECK_THAT(json::parse(answers[11])["error"]["message"].get<std::string>(), Catch::Contains("NEAR/0"));
    CHECK_THAT(json::parse(answers[12])["error"]["message"].get<std::string>(), Catch::Contains("empty field"));
    CHECK(json::parse(answers[13])["total"] == 10);
}

TEST_CASE("cli: a wildcard over 100,000 index words is capped, not an error", "[cli]") {
    // One article holding 100,000 distinct words that share a prefix.
    test::TempDir dir;
    std::string text;
    for (int i = 0; i < 100'000; ++i) text += fmt::format("zq{:05d} ", i);
    test::write_file(dir.path() / "words.jsonl",
                     json({{"title", "Word list"}, {"text", text}, {"date", "2024-01-01"}}).dump() + "\n");
    REQUIRE(run_command(test::index_binary() + " update --quiet --no-entities --db " + shell_quote(dir / "db") + " " +
                        shell_quote(dir / "words.jsonl"))
                .status == 0);
    auto result = run_command(test::search_binary() + " --db " + shell_quote(dir / "db") + " --json 'zq*'");
    CHECK(result.status == 0);
    auto answer = json::parse(result.out);
    CHECK(answer["total"] == 1);
    // The snippet marks some of the 500 words kept, not all 100,000.
    CHECK_FALSE(answer["hits"][0]["highlights"].empty());
    CHECK(answer["hits"][0]["highlights"].size() <= 500);
}
