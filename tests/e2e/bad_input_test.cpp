// SPDX-License-Identifier: GPL-2.0-or-later
// Bad input of every kind in one run of the real binary: each file gets a
// warning naming it (and the line), the good articles are indexed and
// searchable, the summary counts what was skipped, and the status says the
// run was partial.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support.hpp"

using namespace dateline;

namespace {

const std::string prose =
    "The harbour authority said on Friday that the night-shift dispute at the container terminal had been settled, "
    "and that the ships which had waited in the bay for a week would be unloaded over the weekend.\n\n";

}  // namespace

TEST_CASE("bad input: every bad file is named and skipped, the rest is indexed, the run is partial", "[e2e][bad-input]") {
    test::TempDir dir;
    auto in = dir.path() / "in";
    test::write_file(in / "good.txt", "Harbour dispute settled\n\n" + prose);
    test::write_file(in / "empty.txt", "");
    test::write_file(in / "binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16) + "\x03\0>\0");
    {
        std::ofstream big(in / "huge.txt");
        big << "A very long dump\n\n";
        for (std::size_t written = 0; written < 50'000'000; written += prose.size()) big << prose;
    }
    test::write_file(in / "latin1.txt", "Caf\xe9 owners welcome the settlement\n\n" + prose);
    test::write_file(in / "feed.jsonl", "{\"title\": \"First\", \"text\": \"" + prose.substr(0, 100) +
                                            "\"}\n{\"title\": \"Cut off\", \"text\": \"the line ends\n"
                                            "{\"title\": \"Third\", \"text\": \"" + prose.substr(0, 100) + "\"}\n");
    test::write_file(in / "bodiless.html", "<!DOCTYPE html><html><head><title>Nothing here</title></head></html>");
    test::write_file(dir.path() / "manifest.jsonl", "{\"path\": \"in/good.txt\", \"outlet\": \"The Harbour Courier\"}\n"
                                                    "{\"path\": \"in/missing.txt\", \"outlet\": \"Nobody\"}\n");
    std::string db = dir / "db";
    auto run = test::run_command(test::index_binary() + " update --no-entities --db " + db + " --manifest " +
                                 (dir / "manifest.jsonl") + " " + in.string());
    INFO(run.err);
    CHECK(run.status == 1);  // partial
    CHECK_THAT(run.err, Catch::Contains("empty.txt: no text in file; skipped"));
    CHECK_THAT(run.err, Catch::Contains("binary.txt: binary data, not text; skipped"));
    CHECK_THAT(run.err, Catch::Contains("huge.txt: 50.0 MB is too large for one article (the limit is 16 MB); skipped"));
    CHECK_THAT(run.err, Catch::Contains("latin1.txt: not UTF-8: read as Windows-1252"));
    CHECK_THAT(run.err, Catch::Contains("feed.jsonl:2: not valid JSON (a truncated or broken line); skipped"));
    CHECK_THAT(run.err, Catch::Contains("bodiless.html: no article text in the page; skipped"));
    CHECK_THAT(run.err, Catch::Contains("manifest.jsonl:2: no such article file"));
    // good, latin1 and the two whole JSON lines: 4 new; 5 skipped.
    CHECK_THAT(run.out, Catch::Contains("4 new") && Catch::Contains("5 skipped"));
    auto search = [&](const std::string& query) {
        auto result = test::run_command(test::search_binary() + " --json --db " + db + " '" + query + "'");
        return nlohmann::json::parse(result.out)["total"].get<int>();
    };
    CHECK(search("cafe") == 1);  // the Windows-1252 é was kept and folded
    CHECK(search("title:third") == 1);  // the line after the broken one
    CHECK(search("outlet:\"The Harbour Courier\"") == 1);
}
