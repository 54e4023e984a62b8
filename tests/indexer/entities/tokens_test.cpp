// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/entities/tokens.hpp"

using namespace dateline;

namespace {

std::vector<std::vector<std::string>> words_of(std::string_view text) {
    std::vector<std::vector<std::string>> out;
    for (const auto& sentence : indexer::tokenise(text)) {
        out.emplace_back();
        for (const auto& token : sentence) {
            CHECK(text.substr(token.begin, token.end - token.begin) == token.text);
            out.back().emplace_back(token.text);
        }
    }
    return out;
}

using Words = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("punctuation, quotes and possessives become tokens of their own", "[entities]") {
    CHECK(words_of("\u201cIt was Iran\u2019s choice,\u201d said Brig. Gen. Amir Ali Hajizadeh.") ==
          Words{{"\u201c", "It", "was", "Iran", "\u2019s", "choice", ",", "\u201d", "said", "Brig.", "Gen.",
                 "Amir", "Ali", "Hajizadeh", "."}});
    CHECK(words_of("(Ain al-Asad) U.S. troops' base") ==
          Words{{"(", "Ain", "al-Asad", ")", "U.S.", "troops", "'", "base"}});
}

TEST_CASE("sentences end at a full stop before a capital, never after an abbreviation or across a line",
          "[entities]") {
    CHECK(words_of("Mr. Trump spoke. Then he left\nTehran replied") ==
          Words{{"Mr.", "Trump", "spoke", "."}, {"Then", "he", "left"}, {"Tehran", "replied"}});
    CHECK(words_of("It rose 3.5 percent. it fell") == Words{{"It", "rose", "3.5", "percent", ".", "it", "fell"}});
}

TEST_CASE("non-breaking spaces separate words and blank lines make no sentences", "[entities]") {
    CHECK(words_of("Video by\u00a0TODAY\n\n\n  ") == Words{{"Video", "by", "TODAY"}});
}
