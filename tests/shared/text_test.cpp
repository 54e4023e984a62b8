// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "shared/text.hpp"

using namespace dateline;

TEST_CASE("folding for matching lower-cases all scripts and collapses white space", "[text]") {
    CHECK(fold_for_matching("  The\u00a0HARBOUR \n Courier ") == "the harbour courier");  // NBSP too
    CHECK(fold_for_matching("ÉCOLE Ørsted ΑΘΗΝΑ") == "école ørsted αθηνα");
    CHECK(fold_for_matching("") == "");
    // An invalid byte is read as Latin-1, so the result is valid UTF-8.
    CHECK(fold_for_matching("caf\xE9") == "café");
}

TEST_CASE("UTF-8 truncation never splits a character and code points are counted", "[text]") {
    CHECK(truncate_utf8("abc", 10) == "abc");
    CHECK(truncate_utf8("aé", 2) == "a");  // é is two bytes
    CHECK(truncate_utf8("aé", 3) == "aé");
    CHECK(count_code_points("…Iran", 3) == 1);  // "…" is three bytes
    CHECK(count_code_points("…Iran", 7) == 5);
}
