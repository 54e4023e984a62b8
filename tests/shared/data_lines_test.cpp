// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "shared/data_lines.hpp"
#include "shared/error.hpp"
#include "tests/support.hpp"

using namespace dateline;

TEST_CASE("data files: blank lines and comments are for people; numbers count every line", "[shared][unit]") {
    std::vector<std::pair<std::string, std::size_t>> lines;
    for_each_data_line("# a comment\nfirst\n\nsecond\tcell\n  # not a comment: it does not start the line\nlast",
                       [&](std::string_view line, std::size_t number) { lines.emplace_back(line, number); });
    CHECK(lines == std::vector<std::pair<std::string, std::size_t>>{
                       {"first", 2}, {"second\tcell", 4}, {"  # not a comment: it does not start the line", 5}, {"last", 6}});
    std::size_t seen = 0;
    for_each_data_line("", [&](std::string_view, std::size_t) { ++seen; });
    for_each_data_line("\n\n# only comments\n", [&](std::string_view, std::size_t) { ++seen; });
    CHECK(seen == 0);
}

TEST_CASE("data files: one that cannot be read is an input error naming it, with a hint", "[shared][unit]") {
    test::TempDir dir;
    try {
        read_data_file(dir / "missing.tsv", "the outlet table");
        FAIL("read a file that does not exist");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::input);
        CHECK(std::string(error.what()) == "cannot read the outlet table " + (dir / "missing.tsv"));
        CHECK_THAT(error.hint(), Catch::Contains("DATELINE_DATA_DIR"));
    }
}
