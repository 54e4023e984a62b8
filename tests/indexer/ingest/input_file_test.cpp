// SPDX-License-Identifier: GPL-2.0-or-later
// Reading an input file whole: plain files as they are, gzip by its magic
// bytes whatever the file is called, and a reason when it cannot be read.
#include <catch2/catch.hpp>

#include "indexer/ingest/input_file.hpp"
#include "tests/support.hpp"

using namespace dateline;

TEST_CASE("input files: plain, gzip by content, missing and truncated", "[ingest]") {
    test::TempDir dir;
    const std::string text = "Harbour dispute settled\n\nThe harbour authority said on Friday the dispute was over.\n";
    test::write_file(dir / "plain.txt", text);
    test::write_file(dir / "empty.txt", "");
    std::string problem;
    CHECK(indexer::read_input_file(dir / "plain.txt", problem) == text);
    CHECK(indexer::read_input_file(dir / "empty.txt", problem) == "");

    // Compressed but named .txt: the bytes decide.
    REQUIRE(test::run_command("gzip -c " + test::shell_quote(dir / "plain.txt") + " > " + test::shell_quote(dir / "packed.txt")).status == 0);
    CHECK(indexer::read_input_file(dir / "packed.txt", problem) == text);

    CHECK_FALSE(indexer::read_input_file(dir / "missing.txt", problem));
    CHECK(problem == "cannot read file: No such file or directory");

    REQUIRE(test::run_command("head -c 20 " + test::shell_quote(dir / "packed.txt") + " > " + test::shell_quote(dir / "cut.txt.gz")).status == 0);
    problem.clear();
    CHECK_FALSE(indexer::read_input_file(dir / "cut.txt.gz", problem));
    CHECK(problem.starts_with("cannot decompress file"));
}
