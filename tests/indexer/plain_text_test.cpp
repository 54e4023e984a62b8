// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/extract/plain_text.hpp"

using namespace dateline;

TEST_CASE("the first non-blank line is the title and other lines are paragraphs", "[extract]") {
    Article article = indexer::extract_plain_text(
        "\n\n  Dock workers vote to strike  \n\nFirst paragraph.\nSecond paragraph.\n\n\nThird.\n");
    CHECK(article.title == "Dock workers vote to strike");
    CHECK(article.body == "First paragraph.\n\nSecond paragraph.\n\nThird.");
}

TEST_CASE("a byte-order mark and Windows line ends do not reach the article", "[extract]") {
    Article article = indexer::extract_plain_text("\xEF\xBB\xBFTitle line\r\n\r\nBody line.\r\n");
    CHECK(article.title == "Title line");
    CHECK(article.body == "Body line.");
}

TEST_CASE("text with nothing but white space yields no title and no body", "[extract]") {
    for (const char* text : {"", "\n\n", " \t \r\n", "\xEF\xBB\xBF"}) {
        Article article = indexer::extract_plain_text(text);
        CHECK(article.title.empty());
        CHECK(article.body.empty());
    }
}
