// SPDX-License-Identifier: GPL-2.0-or-later
// The bad-input catalogue (docs/bad-input.md) as tests: each kind of bad
// input is made at test time beside a good article and indexed by the real
// binary into a database that already holds another. Each case checks the
// exit status; the warning, naming the file (and line); that the good
// articles are searchable and the database opens; for what is read anyway,
// that it is searchable; for the size cases, the indexer's peak RSS. The
// hostile queries are at the end: every batch line gets one answer, in order.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tests/support.hpp"

// The catalogue's rows leave the trailing fields they do not need unsaid.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace dateline;
namespace fs = std::filesystem;

namespace {

const std::string prose =
    "The harbour authority said on Friday that the night-shift dispute at the container terminal had been settled, "
    "and that the ships which had waited in the bay for a week would be unloaded over the weekend.\n\n";

// Peak RSS allowed for the size cases: the 16 MB article limit and the
// program, whatever the input's size (ASan's shadow memory and quarantine
// add a few hundred MB to what a program holds, the same for any input).
constexpr long rss_bound_kb = (test::under_address_sanitizer ? 400 : 100) * 1024;

struct Warning {
    std::string where;  // relative to the test directory: "in/feed.jsonl:2"
    std::string what;
};

struct BadInput {
    std::string name;                          // the row of docs/bad-input.md
    std::function<void(const fs::path&)> make;  // writes the bad input under the test directory
    int status;
    std::vector<Warning> warnings;
    std::string extra_args;      // after --db DB, before the folder; {dir} is the test directory
    std::string found;           // a query that finds what was read anyway
    bool size_case = false;      // check the peak RSS
    bool as_nobody = false;      // run unprivileged (root reads everything)
    std::string error;           // a run that stops: what its error says ({dir} is the test directory)
};

void write(const fs::path& path, const std::string& content) { test::write_file(path, content); }

void shell(const std::string& command) {
    auto result = test::run_command(command);
    if (result.status != 0) FAIL("could not make the input: " << command << "\n" << result.err);
}

std::string jsonl_record(int i) {
    return "{\"id\": " + std::to_string(i) + ", \"title\": \"Tide table " + std::to_string(i) +
           "\", \"text\": \"The tide table for the estuary was corrected on Monday.\"}\n";
}

std::string replace_dir(std::string text, const fs::path& dir) {
    for (std::size_t at; (at = text.find("{dir}")) != std::string::npos;) text.replace(at, 5, dir.string());
    return text;
}

std::vector<BadInput> catalogue() {
    return {
        {"an empty file", [](const fs::path& d) { write(d / "in/empty.txt", ""); }, 1,
         {{"in/empty.txt", "no text in file; skipped"}}},
        {"a binary file",
         [](const fs::path& d) { write(d / "in/binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20)); },
         1, {{"in/binary.txt", "binary data, not text; skipped"}}},
        {"an article over 16 MB (a 64 MB sparse file)",
         [](const fs::path& d) {
             write(d / "in/sparse.txt", "A very long dump\n\n");
             fs::resize_file(d / "in/sparse.txt", 64 << 20);
         },
         1, {{"in/sparse.txt", "67.1 MB is too large for one article (the limit is 16 MB); skipped"}}, "", "", true},
        {"a gzip bomb (a 1 MB file of 1 GB)",
         [](const fs::path& d) {
             shell("head -c 16777216 /dev/zero | gzip -1 > " + test::shell_quote((d / "member.gz").string()) +
                   " && for i in $(seq 64); do cat " + test::shell_quote((d / "member.gz").string()) + "; done > " +
                   test::shell_quote((d / "in/bomb.txt.gz").string()));
         },
         1, {{"in/bomb.txt.gz", "more than 16 MB once decompressed is too large for one article; skipped"}}, "", "", true},
        {"a JSON Lines line over 16 MB, gzipped, between whole records",
         [](const fs::path& d) {
             std::ofstream out(d / "in/long.jsonl");
             out << jsonl_record(1) << "{\"title\": \"Endless\", \"text\": \"" << std::string(20 << 20, 'b') << "\"}\n"
                 << jsonl_record(3);
             out.close();
             shell("gzip " + test::shell_quote((d / "in/long.jsonl").string()));
         },
         1, {{"in/long.jsonl.gz:2", "21.0 MB is too large for one article (the limit is 16 MB); skipped"}}, "",
         "\"tide table 3\"", true},
        {"a page nested 200,000 elements deep",
         [](const fs::path& d) {
             std::string page = "<html><head><title>Pilots vote</title></head><body>";
             for (int i = 0; i < 200'000; ++i) page += "<div>";
             page += "<p>The harbour pilots voted to return to work after the night-shift dispute ended.</p>";
             for (int i = 0; i < 200'000; ++i) page += "</div>";
             write(d / "in/nested.html", page + "</body></html>");
         },
         1,
         {{"in/nested.html", "elements nested more than 2000 deep: 396004 tags past that depth left out, their text kept"}},
         "", "pilots", true},
        {"text that is not UTF-8",
         [](const fs::path& d) { write(d / "in/latin1.txt", "Caf\xe9 owners welcome the settlement\n\n" + prose); }, 1,
         {{"in/latin1.txt", "not UTF-8: read as Windows-1252"}}, "", "cafe"},
        {"stray invalid bytes in UTF-8",
         [](const fs::path& d) {
             write(d / "in/stray.txt", "Caf\xc3\xa9 owners \x93welcome\x94 the settlement\n\n" + prose);
         },
         1, {{"in/stray.txt", "2 bytes of invalid UTF-8 read as Windows-1252"}}, "", "welcome"},
        {"a text file in UTF-16 LE with a byte-order mark",
         [](const fs::path& d) {
             std::string wide = "\xFF\xFE";
             for (char c : "Lifeboat crew honoured\n\n" + prose) wide += std::string{c, '\0'};
             write(d / "in/utf16.txt", wide);
         },
         0, {}, "", "lifeboat"},
        {"a JSON Lines export in UTF-16 LE with a byte-order mark (PowerShell's default)",
         [](const fs::path& d) {
             std::string wide = "\xFF\xFE";
             for (char c : jsonl_record(7) + jsonl_record(8)) wide += std::string{c, '\0'};
             write(d / "in/powershell.jsonl", wide);
         },
         0, {}, "", "\"tide table 8\""},
        {"a JSON Lines line that is not JSON",
         [](const fs::path& d) {
             write(d / "in/feed.jsonl", jsonl_record(1) + "{\"title\": \"Cut off\", \"text\": \"the line ends\n" + jsonl_record(3));
         },
         1, {{"in/feed.jsonl:2", "not valid JSON (a truncated or broken line); skipped"}}, "", "\"tide table 3\""},
        {"a JSON line that is not an object",
         [](const fs::path& d) { write(d / "in/array.jsonl", "[1, 2, 3]\n" + jsonl_record(2)); }, 1,
         {{"in/array.jsonl:1", "not a JSON object; skipped"}}, "", "\"tide table 2\""},
        {"a record with neither title nor text",
         [](const fs::path& d) { write(d / "in/empty.jsonl", "{\"id\": 1, \"outlet\": \"Nobody\"}\n"); }, 1,
         {{"in/empty.jsonl:1", "no title or text (looked for title, headline"}}},
        {"a number where text is expected",
         [](const fs::path& d) {
             write(d / "in/number.jsonl", "{\"title\": 1987, \"text\": \"The harbour was dredged that year.\"}\n");
         },
         1, {{"in/number.jsonl:1", "field \"title\" is a number: read as the text \"1987\""}}, "", "title:1987"},
        {"an object where text is expected",
         [](const fs::path& d) {
             write(d / "in/object.jsonl", "{\"title\": \"Dredging\", \"text\": {\"html\": \"<p>dredged</p>\"}}\n");
         },
         1, {{"in/object.jsonl:1", "field \"text\" is an object, not text; skipped"}}},
        {"a numeric record id",
         [](const fs::path& d) { write(d / "in/ids.jsonl", jsonl_record(42)); }, 0, {}, "", "\"tide table 42\""},
        {"a title over 1,000 characters",
         [](const fs::path& d) {
             write(d / "in/title.jsonl", "{\"title\": \"Breakwater " + std::string(1500, 'x') +
                                             "\", \"text\": \"The breakwater was finished.\"}\n");
         },
         1, {{"in/title.jsonl:1", "the title is 1511 characters long: cut to the first 1000"}}, "", "breakwater"},
        {"over 100 authors",
         [](const fs::path& d) {
             std::string authors;
             for (int i = 0; i < 150; ++i) authors += (i ? ", \"Writer " : "\"Writer ") + std::to_string(i) + "\"";
             write(d / "in/authors.jsonl", "{\"title\": \"Crowded byline\", \"text\": \"Many wrote this.\", \"authors\": [" +
                                               authors + "]}\n");
         },
         1, {{"in/authors.jsonl:1", "field \"authors\" names 150 authors: the first 100 kept"}}, "", "crowded"},
        {"authors as objects, one neither a string nor an object with a name",
         [](const fs::path& d) {
             write(d / "in/objects.jsonl",
                   "{\"title\": \"Quay repairs\", \"text\": \"The quay was repaired.\", \"authors\": [{\"name\": \"Noor "
                   "Aziz\"}, 7]}\n");
         },
         1, {{"in/objects.jsonl:1", "field \"authors\": 1 of its 2 entries"}}, "", "byline:\"Noor Aziz\""},
        {"a date that cannot be read",
         [](const fs::path& d) {
             write(d / "in/date.jsonl", "{\"title\": \"Buoy moved\", \"text\": \"The buoy was moved.\", \"date\": \"soon\"}\n");
         },
         1, {{"in/date.jsonl:1", "date not understood: soon"}}, "", "buoy"},
        {"a gzipped JSON Lines export cut short (2,000 records, cut at 90 %)",
         [](const fs::path& d) {
             std::ofstream out(d / "in/export.jsonl");
             for (int i = 1; i <= 2000; ++i) out << jsonl_record(i);
             out.close();
             shell("gzip -n " + test::shell_quote((d / "in/export.jsonl").string()));
             fs::resize_file(d / "in/export.jsonl.gz", fs::file_size(d / "in/export.jsonl.gz") * 9 / 10);
         },
         1,
         {{"in/export.jsonl.gz",
           "cannot decompress file: it ends in the middle of its gzip stream (truncated?); reading stopped after line"}}, "", "\"tide table 1500\""},
        {"a gzipped single article cut short",
         [](const fs::path& d) {
             write(d / "in/brief.txt", "Pier closed\n\n" + prose + prose + prose);
             shell("gzip -n " + test::shell_quote((d / "in/brief.txt").string()));
             fs::resize_file(d / "in/brief.txt.gz", fs::file_size(d / "in/brief.txt.gz") / 2);
         },
         1, {{"in/brief.txt.gz", "cannot decompress file: it ends in the middle of its gzip stream"}}},
        {"a file that cannot be read",
         [](const fs::path& d) {
             write(d / "in/secret.txt", "Secret\n\n" + prose);
             fs::permissions(d / "in/secret.txt", fs::perms::none);
         },
         1, {{"in/secret.txt", "cannot read file: Permission denied; skipped"}}, "", "", false, true},
        {"a folder that cannot be read",
         [](const fs::path& d) {
             write(d / "in/closed/inside.txt", "Inside\n\n" + prose);
             fs::permissions(d / "in/closed", fs::perms::none);
         },
         1, {{"in/closed", "cannot read directory: Permission denied"}}, "", "", false, true},
        {"a symbolic link loop",
         [](const fs::path& d) {
             fs::create_directories(d / "in/a");
             fs::create_directory_symlink("../a", d / "in/a/self");
         },
         1, {{"in/a/self", "a symbolic link to a folder that holds it (a loop); not followed"}}},
        {"a dangling symbolic link",
         [](const fs::path& d) { fs::create_symlink("nowhere.txt", d / "in/gone.txt"); }, 1,
         {{"in/gone.txt", "a symbolic link to nothing (its target does not exist); skipped"}}},
        {"a second link to a file already found",
         [](const fs::path& d) { fs::create_hard_link(d / "in/fresh.txt", d / "in/same.txt"); }, 1,
         {{"in/same.txt", "the same file as"}}},
        {"a FIFO with an article's name",
         [](const fs::path& d) {
             if (mkfifo((d / "in/pipe.txt").c_str(), 0644) != 0) FAIL("mkfifo failed");
         },
         1, {{"in/pipe.txt", "not a regular file (a FIFO, socket or device); skipped"}}},
        {"a manifest row naming a file that does not exist",
         [](const fs::path& d) {
             write(d / "manifest.jsonl", "{\"path\": \"in/fresh.txt\", \"outlet\": \"The Harbour Courier\"}\n"
                                         "{\"path\": \"in/missing.txt\", \"outlet\": \"Nobody\"}\n");
         },
         1, {{"manifest.jsonl:2", "no such article file"}}, "--manifest {dir}/manifest.jsonl",
         "outlet:\"The Harbour Courier\""},
        {"a path given that does not exist", [](const fs::path&) {}, 4, {}, "{dir}/in/nope", "", false, false,
         "dateline-index: error: no such file or directory: {dir}/in/nope (hint: check the path; nothing was indexed)"},
    };
}

std::string error_stream_of(const BadInput& input) {
    return input.as_nobody && geteuid() == 0 ? "setpriv --reuid=nobody --regid=nogroup --clear-groups " : "";
}

}  // namespace

TEST_CASE("bad input catalogue: each kind is named, the rest indexed, the database whole", "[e2e][bad-input]") {
    for (const BadInput& input : catalogue()) {
        SECTION(input.name) {
            test::TempDir dir;
            const fs::path& d = dir.path();
            std::string as = error_stream_of(input);
            if (!as.empty()) fs::permissions(d, fs::perms::all);  // the unprivileged user works here
            std::string db = test::shell_quote(dir / "db");
            write(d / "in/good.txt", "Harbour dispute settled\n\n" + prose);
            auto first = test::run_command(as + test::index_binary() + " update --no-entities --db " + db + " " +
                                           test::shell_quote(dir / "in"));
            REQUIRE(first.status == 0);
            write(d / "in/fresh.txt", "Ferry timetable changes\n\n" + prose);
            input.make(d);
            auto run = test::run_command(as + "timeout 120 " + test::index_binary() + " update --no-entities --db " +
                                         db + " " + replace_dir(input.extra_args, d) + " " + test::shell_quote(dir / "in"));
            INFO(run.err);
            CHECK(run.status == input.status);
            for (const Warning& warning : input.warnings)
                CHECK_THAT(run.err, Catch::Contains("dateline-index: warning: " + (d / warning.where).string() + ": " +
                                                    warning.what));
            if (input.warnings.empty() && input.status < 2) CHECK(run.err.empty());
            if (input.status >= 2) {
                REQUIRE_FALSE(input.error.empty());  // a case that stops says what it stops with
                CHECK_THAT(run.err, Catch::Contains(replace_dir(input.error, d)));
            }
            if (input.size_case) CHECK(run.peak_rss_kb < rss_bound_kb);
            auto total = [&](const std::string& query) {
                auto result = test::run_command(test::search_binary() + " --json --db " + db + " " + test::shell_quote(query));
                INFO(query << ": " << result.err);
                REQUIRE(result.status <= 1);  // the database opens and answers
                return nlohmann::json::parse(result.out)["total"].get<int>();
            };
            CHECK(total("\"harbour dispute settled\"") == 1);
            CHECK(total("\"ferry timetable changes\"") == (input.status < 2 ? 1 : 0));  // a failed run writes nothing
            if (!input.found.empty()) CHECK(total(input.found) >= 1);
        }
    }
}

TEST_CASE("bad input catalogue: a --db folder that is not a Dateline database is refused, its files untouched",
          "[e2e][bad-input]") {
    test::TempDir dir;
    write(dir.path() / "in/good.txt", "Harbour dispute settled\n\n" + prose);
    write(dir.path() / "notes/todo.txt", "call the harbour master\n");
    auto run = test::run_command(test::index_binary() + " update --no-entities --db " + test::shell_quote(dir / "notes") +
                                 " " + test::shell_quote(dir / "in"));
    CHECK(run.status == 3);
    CHECK_THAT(run.err, Catch::Contains((dir / "notes") + " is not a Dateline database"));
    CHECK(std::distance(fs::directory_iterator(dir.path() / "notes"), fs::directory_iterator()) == 1);
}

TEST_CASE("bad input catalogue: every batch line, blank or broken, gets one answer, in order", "[e2e][bad-input]") {
    const std::vector<std::pair<std::string, std::string>> lines{
        // a line, and the error it gets ("" for an answer)
        {"harbour", ""},
        {"", "blank line: no query"},
        {"   \t", "blank line: no query"},
        {"{\"query\": \"\"}", "no query given"},
        {"{\"query\": 7}", "a JSON line must be an object with a \"query\" string"},
        {"{\"query\": \"tram\", \"limit\": 4294967295}", "limit 4294967295 is too large (at most 10000)"},
        {"{\"query\": \"tram\", \"offset\": -1}", "\"offset\" must be a whole number"},
        {"{\"query\": \"tram\", \"colour\": 1}", "unknown key \"colour\""},
        {"harbour NEAR/0 storms", "NEAR/0 at character 9"},
        {"harbour NEAR/4294967296 storms", "NEAR/4294967296 at character 9"},
        {"person:", "empty field 'person:'"},
        {"c* AND d* AND e* AND f* AND g*", "too many wildcards"},
        {"\"unbalanced", "unbalanced quote"},
        {std::string(5000, 'x'), "query is too long"},
        {"{\"query\": \"harbour\", \"since\": \"yesterday-ish\"}", "yesterday-ish"},
        {"ferry", ""},
    };
    test::TempDir dir;
    std::string input;
    for (const auto& [line, error] : lines) input += line + "\n";
    test::write_file(dir.path() / "queries", input);
    auto run = test::run_command(test::search_binary() + " --db " + test::shell_quote(test::shared_sample_database()) +
                                 " --batch " + test::shell_quote(dir / "queries"));
    CHECK(run.status == 1);  // some lines are errors
    std::vector<std::string> answers;
    std::istringstream out(run.out);
    for (std::string line; std::getline(out, line);) answers.push_back(line);
    REQUIRE(answers.size() == lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO("line " << i + 1 << ": " << lines[i].first.substr(0, 60));
        auto answer = nlohmann::json::parse(answers[i]);
        CHECK(answer["line"] == i + 1);
        if (lines[i].second.empty()) {
            CHECK(answer.contains("total"));
        } else {
            REQUIRE(answer.contains("error"));
            CHECK_THAT(answer["error"]["message"].get<std::string>(), Catch::Contains(lines[i].second));
        }
    }
}
