// SPDX-License-Identifier: GPL-2.0-or-later
// Files in UTF-16 and UTF-32 read by the real binary: decoded, indexed, and
// said in --verbose only (every other bad input: bad_input_catalogue_test).
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support.hpp"

using namespace dateline;

namespace {

const std::string prose =
    "The harbour authority said on Friday that the night-shift dispute at the container terminal had been settled, "
    "and that the ships which had waited in the bay for a week would be unloaded over the weekend.\n\n";

// ASCII text (and é) in a wide encoding: unit bytes a character, big or little end first.
std::string wide(const std::string& text, std::size_t unit, bool big_endian) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned code = static_cast<unsigned char>(text[i]);
        if (text.compare(i, 2, "\xC3\xA9") == 0) code = 0xE9, ++i;
        std::string bytes(unit, '\0');
        bytes[big_endian ? unit - 1 : 0] = static_cast<char>(code);
        out += bytes;
    }
    return out;
}

}  // namespace

TEST_CASE("bad input: UTF-16 and UTF-32 files are decoded and indexed, said in --verbose only", "[e2e][bad-input]") {
    test::TempDir dir;
    auto in = dir.path() / "in";
    const std::string article = "Caf\xC3\xA9 owners welcome the settlement\n\n" + prose;
    test::write_file(in / "utf16le-bom.txt", "\xFF\xFE" + wide(article, 2, false));
    test::write_file(in / "utf16be-bom.txt", "\xFE\xFF" + wide("Ferry timetable changes\n\n" + prose, 2, true));
    test::write_file(in / "utf16le-plain.txt", wide("Lifeboat crew honoured\n\n" + prose, 2, false));
    test::write_file(in / "utf32le-bom.txt", std::string("\xFF\xFE\0\0", 4) + wide("Quayside market reopens\n\n" + prose, 4, false));
    std::string db = dir / "db";
    auto quiet = test::run_command(test::index_binary() + " update --no-entities --db " + db + " " + in.string());
    INFO(quiet.err);
    CHECK(quiet.status == 0);
    CHECK(quiet.err.find("UTF-16") == std::string::npos);  // not a problem: no warning
    CHECK_THAT(quiet.out, Catch::Contains("4 new"));
    auto search = [&](const std::string& query) {
        auto result = test::run_command(test::search_binary() + " --json --db " + db + " '" + query + "'");
        return nlohmann::json::parse(result.out)["total"].get<int>();
    };
    CHECK(search("cafe") == 1);
    CHECK(search("ferry timetable") == 1);
    CHECK(search("lifeboat") == 1);
    CHECK(search("quayside") == 1);
    CHECK(search("harbour") == 4);

    auto verbose = test::run_command(test::index_binary() + " rebuild --verbose --no-entities --db " + db + " " + in.string());
    CHECK(verbose.status == 0);
    CHECK_THAT(verbose.err, Catch::Contains("utf16le-bom.txt: read as UTF-16 LE"));
    CHECK_THAT(verbose.err, Catch::Contains("utf16be-bom.txt: read as UTF-16 BE"));
    CHECK_THAT(verbose.err, Catch::Contains("utf16le-plain.txt: read as UTF-16 LE (no byte-order mark)"));
    CHECK_THAT(verbose.err, Catch::Contains("utf32le-bom.txt: read as UTF-32 LE"));
}
