// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "shared/text.hpp"

using namespace dateline;

TEST_CASE("folding for matching lower-cases all scripts, drops accents and collapses white space", "[text]") {
    CHECK(fold_for_matching("  The\u00a0HARBOUR \n Courier ") == "the harbour courier");  // NBSP too
    CHECK(fold_for_matching("ÉCOLE Ørsted ΑΘΗΝΑ Łódź Straße") == "ecole orsted αθηνα lodz strasse");
    CHECK(fold_for_matching("") == "");
    // An invalid byte is read as Latin-1, so the result is valid UTF-8 (and folded).
    CHECK(fold_for_matching("caf\xE9") == "cafe");
}

TEST_CASE("folding for search keeps every character but case and accents, and maps each byte back", "[text]") {
    SearchFolded folded = fold_for_search_mapped("U.S. Café\n\u2014 Ørsted");
    CHECK(fold_for_search("U.S. Café\n\u2014 Ørsted Straße") == "u.s. cafe\n\u2014 orsted strasse");
    CHECK(folded.text == "u.s. cafe\n\u2014 orsted");
    REQUIRE(folded.offsets.size() == folded.text.size() + 1);
    CHECK(folded.offsets[8] == 8);     // 'e' came from the two bytes of "é"
    CHECK(folded.offsets[9] == 10);    // the newline after it
    CHECK(folded.offsets[10] == 11);   // the three bytes of the dash
    CHECK(folded.offsets[12] == 11);
    CHECK(folded.offsets[14] == 15);   // 'o' from "Ø"
    CHECK(folded.offsets.back() == std::string_view("U.S. Café\n\u2014 Ørsted").size());
    CHECK(base_letter(U'ñ') == 'n');
    CHECK(base_letter(U'ı') == 'i');
    CHECK(base_letter(U'÷') == 0);
    CHECK(base_letter(U'α') == 0);
}

TEST_CASE("UTF-8 truncation never splits a character and code points are counted", "[text]") {
    CHECK(truncate_utf8("abc", 10) == "abc");
    CHECK(truncate_utf8("aé", 2) == "a");  // é is two bytes
    CHECK(truncate_utf8("aé", 3) == "aé");
    CHECK(count_code_points("…Iran", 3) == 1);  // "…" is three bytes
    CHECK(count_code_points("…Iran", 7) == 5);
}
