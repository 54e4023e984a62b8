// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/extract/main_text.hpp"
#include "tests/support.hpp"

using namespace dateline;
using indexer::BlockClass;
using indexer::TextBlock;

namespace {

// Which of the lines select_main_text keeps, as a string of 1s and 0s.
std::string kept(const std::vector<std::string>& lines, std::vector<bool> furniture = {}) {
    std::vector<TextBlock> blocks;
    for (std::size_t i = 0; i < lines.size(); ++i) blocks.push_back({lines[i], i < furniture.size() && furniture[i]});
    std::string out;
    for (bool keep : indexer::select_main_text(blocks, test::scrape_rules()).keep) out += keep ? '1' : '0';
    return out;
}

const std::string paragraph_one =
    "The harbour authority said on Tuesday that it would ask an independent arbiter to settle the dispute over "
    "night-shift pay, after talks with the dockworkers' union broke down for the third time this month.";
const std::string paragraph_two =
    "Union members have voted twice to stop work, and shipping lines have started to send their vessels to "
    "Northgate instead, where the quays are smaller but the cranes have stayed busy through the winter.";

}  // namespace

TEST_CASE("paragraphs of prose are kept, the menus around them dropped", "[extract][unit]") {
    CHECK(kept({"Home", "News", "Sport", "Weather", paragraph_one, paragraph_two, "Share this", "Privacy", "Contact us"}) ==
          "000011000");
}

TEST_CASE("a subheading between paragraphs stays with them", "[extract][unit]") {
    CHECK(kept({"Home", "News", paragraph_one, "What happens next", paragraph_two, "Privacy", "Contact us"}) == "0011100");
}

TEST_CASE("known furniture is never kept, even between paragraphs", "[extract][unit]") {
    CHECK(kept({paragraph_one, "Advertisement", paragraph_two}, {false, true, false}) == "101");
}

TEST_CASE("a run of short prose paragraphs counts as a long one", "[extract][unit]") {
    std::vector<std::string> lines{paragraph_one, "Home", "News", "Sport", "Weather", "Business", "Opinion",
                                   "The port was quiet on Monday morning for the first time in many weeks.",
                                   "Most of the cranes stood still by the water while the talks went on in town.",
                                   "A few lorries waited at the gates for their loads, and some of them left again.",
                                   "Their drivers said that they had been told to wait there for news of a deal.",
                                   "Privacy", "Contact us", "Careers", "Advertise"};
    // The menus are known furniture (a scrape's repeated labels).
    std::vector<bool> furniture{false, true, true, true, true, true, true, false, false, false, false, true, true, true, true};
    std::vector<TextBlock> blocks;
    for (std::size_t i = 0; i < lines.size(); ++i) blocks.push_back({lines[i], furniture[i]});
    auto main = indexer::select_main_text(blocks, test::scrape_rules());
    CHECK(main.alone[7] == BlockClass::near_good);  // too short to be sure of alone
    // Alone, each would go: furniture lies on both sides.
    CHECK(kept(lines, furniture) == "100000011110000");
}

TEST_CASE("a page in another language is read by length, not by English function words", "[extract][unit]") {
    std::string german =
        "Die Hafenbehörde hat am Dienstag angekündigt, einen unabhängigen Schlichter anzurufen, nachdem die "
        "Gespräche mit der Gewerkschaft über die Bezahlung der Nachtschichten erneut gescheitert waren.";
    CHECK(kept({"Startseite", "Nachrichten", german, "Impressum"}) == "0010");
}

TEST_CASE("a sentence is four words or more ending as one does", "[extract][unit]") {
    CHECK(indexer::is_sentence("The port reopened on Monday."));
    CHECK(indexer::is_sentence("\"We will not give up.\""));
    CHECK_FALSE(indexer::is_sentence("Port reopens."));  // too few words: a headline
    CHECK_FALSE(indexer::is_sentence("Read more about the port strike"));
}
