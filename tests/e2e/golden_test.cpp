// SPDX-License-Identifier: GPL-2.0-or-later
// Whole outputs of both programs over data/sample, pinned in
// tests/e2e/golden/ as notmuch pins its outputs: any change of behaviour
// (a ranking, a snippet, a facet, a JSON key, a message) shows as a diff of
// these files. Volatile parts are masked: the database's path (DB), timings,
// the last update, the size on disk, the database's UUID and the versions. An article without a URL is known by
// its absolute path, so its id depends on where the files lie: the sample is
// copied to one fixed place (SRC) first, and ids agree in every checkout.
//
// After a change meant to alter an output, regenerate them and review the diff:
//   DATELINE_GOLDEN_UPDATE=1 build/tests/dateline-e2e-tests '[golden]'
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/support.hpp"

using namespace dateline;
using test::shell_quote;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); !from.empty() && at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// Where the sample is copied to: the same path on every machine.
const std::filesystem::path staged_tree = "/tmp/dateline-e2e-golden";

std::string mask(std::string text, const std::string& db) {
    text = replace_all(text, db, "DB");
    text = replace_all(text, staged_tree.string(), "SRC");
    text = std::regex_replace(text, std::regex(R"(\(\d+\.\d+ s\))"), "(T s)");
    text = std::regex_replace(text, std::regex(R"("seconds":[0-9.e+-]+)"), "\"seconds\":T");
    text = std::regex_replace(text, std::regex(R"("last_update":"[^"]*")"), "\"last_update\":\"T\"");
    text = std::regex_replace(text, std::regex(R"(last update: .*)"), "last update: T");
    text = std::regex_replace(text, std::regex(R"("bytes_on_disk":\d+)"), "\"bytes_on_disk\":N");
    text = std::regex_replace(text, std::regex(R"(on disk: .*)"), "on disk: N");
    text = std::regex_replace(text, std::regex(R"("uuid":"[0-9a-f-]*")"), "\"uuid\":\"U\"");
    text = std::regex_replace(text, std::regex(R"re(("manifest":\{|\n\{)"dateline":"[^"]*")re"), "$1\"dateline\":\"V\"");
    text = std::regex_replace(text, std::regex(R"("xapian":"[^"]*")"), "\"xapian\":\"V\"");
    return text;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Case {
    const char* name;     // tests/e2e/golden/NAME.out
    const char* program;  // "index" or "search"
    std::string args;     // DB and SRC stand for the database and the source tree
};

// Runs one case and returns what a person would see: the command, its
// standard output, its standard error and its exit status, masked.
std::string run_case(const Case& c, const std::string& db) {
    std::string args = replace_all(replace_all(c.args, "SRC", shell_quote(staged_tree.string())), "DB", shell_quote(db));
    std::string binary = std::string(c.program) == "index" ? test::index_binary() : test::search_binary();
    test::CommandResult result = test::run_command(binary + " " + args);
    std::string out = "$ dateline-" + std::string(c.program) + " " + c.args + "\n" + result.out;
    if (!result.err.empty()) out += "--- stderr\n" + result.err;
    out += "--- exit " + std::to_string(result.status) + "\n";
    return mask(out, db);
}

const std::string manifest = "--manifest SRC/data/sample/manifest.jsonl SRC/data/sample/articles";

// In order: the first builds the database the others read.
const std::vector<Case> cases = {
    {"index-update", "index", "update --db DB " + manifest},
    {"index-update-again", "index", "update --db DB " + manifest},
    {"index-stats", "index", "stats --db DB"},
    {"index-stats-json", "index", "stats --db DB --json"},
    {"index-extract", "index", "extract " + manifest},
    {"search-strike", "search", "--db DB strike"},
    {"search-outlet", "search", "--db DB 'Haddad outlet:\"Meridian Wire\"'"},
    {"search-or", "search", "--db DB 'flood OR storm' --facet place:3"},
    {"search-date", "search", "--db DB 'date:2024-02 port'"},
    {"search-person", "search", "--db DB person:haddad --sort -date"},
    {"search-phrase", "search", "--db DB '\"sea wall\"'"},
    {"search-near", "search", "--db DB 'tram NEAR/3 contract'"},
    {"search-wildcard-any", "search", "--db DB --any 'harb* lifeboat' --limit 3"},
    {"search-did-you-mean", "search", "--db DB harbourtn"},
    {"search-nothing", "search", "--db DB zzyzx"},
    {"search-json", "search", "--db DB --json strike --limit 3"},
    {"search-json-entity", "search", "--db DB --json 'person:\"Yusuf Haddad\"' --limit 2"},
    {"search-jsonl", "search", "--db DB --jsonl tram --limit 3 --no-facets"},
    {"search-csv", "search", "--db DB --csv flood"},
    {"search-since", "search", "--db DB --since 2024-03 --until 2024-03-31 --sort date flood"},
    {"search-collapse", "search", "--db DB --collapse --limit 2 --facet person:3 strike"},
    {"search-timeline", "search", "--db DB --timeline month flood"},
    {"search-timeline-outlet-csv", "search", "--db DB --timeline week --by outlet --since 2024-02 --until 2024-03 --csv strike"},
    {"search-timeline-json", "search", "--db DB --timeline year --json port"},
    {"search-kwic", "search", "--db DB --kwic --context 30 tram"},
    {"search-kwic-csv", "search", "--db DB --kwic --csv --context 20 '\"ferry services\"' OR strike*"},
    {"search-manifest-only", "search", "--db DB --manifest-only --any 'harbour strike' --since 2024-02"},
    {"search-show", "search", "--db DB show 59621433b2d701c7"},
    {"search-show-json", "search", "--db DB --json show 59621433b2d701c7"},
    {"search-bad-quote", "search", "--db DB '\"unbalanced'"},
    {"search-bad-field", "search", "--db DB colour:red"},
};

}  // namespace

TEST_CASE("golden: both programs' whole outputs over data/sample are as pinned", "[e2e][golden]") {
    test::TempDir dir;
    const std::string db = dir / "db";
    std::filesystem::remove_all(staged_tree);
    std::filesystem::create_directories(staged_tree / "data");
    std::filesystem::copy(test::source_dir() / "data" / "sample", staged_tree / "data" / "sample",
                          std::filesystem::copy_options::recursive);
    const std::filesystem::path golden = test::source_dir() / "tests" / "e2e" / "golden";
    bool update = std::getenv("DATELINE_GOLDEN_UPDATE") != nullptr;
    for (const Case& c : cases) {
        INFO("case " << c.name << " (tests/e2e/golden/" << c.name << ".out)");
        std::string actual = run_case(c, db);
        std::filesystem::path file = golden / (std::string(c.name) + ".out");
        if (update) test::write_file(file, actual);
        REQUIRE(std::filesystem::exists(file));
        CHECK(actual == read_file(file));
    }
}
