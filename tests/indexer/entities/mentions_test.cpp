// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/entities/mentions.hpp"
#include "indexer/entities/recogniser.hpp"
#include "shared/data_dir.hpp"

using namespace dateline;
using indexer::find_mentions;

namespace {

const indexer::Recogniser& recogniser() {
    static const indexer::Recogniser loaded = indexer::Recogniser::load(data_dir());
    return loaded;
}

// "type:text" for each mention, '*' after those in the headline.
std::vector<std::string> described(std::string_view text, std::size_t title_bytes = 0) {
    std::vector<std::string> out;
    for (const indexer::Mention& m : find_mentions(recogniser(), text, title_bytes))
        out.push_back(std::string(entity_type_name(m.type)) + ":" + m.text + (m.in_title ? "*" : ""));
    return out;
}

}  // namespace

TEST_CASE("mentions lose titles and ranks in front and a possessive behind", "[entities][unit]") {
    auto found = described("President Hassan Rouhani said that Brig. Gen. Qassem Soleimani's killing would be avenged.");
    CHECK(found == std::vector<std::string>{"person:Hassan Rouhani", "person:Qassem Soleimani"});
}

TEST_CASE("mentions in the headline are marked, and come in the order of the text", "[entities][unit]") {
    std::string text = "Iran vows revenge. TEHRAN (Reuters) - Iran's Revolutionary Guards said so on Monday.";
    auto mentions = find_mentions(recogniser(), text, 18);
    REQUIRE(mentions.size() >= 4);
    CHECK(described(text, 18) ==
          std::vector<std::string>{"place:Iran*", "place:TEHRAN", "org:Reuters", "place:Iran", "org:Revolutionary Guards"});
    for (std::size_t i = 0; i < mentions.size(); ++i) CHECK(mentions[i].position == i);
    CHECK(mentions.back().words == 2);
}

TEST_CASE("calendar words and photo credits are not names", "[entities][unit]") {
    auto found = described("The talks resume on Monday, officials said. Photo: John Smith/Reuters");
    for (const std::string& mention : found) {
        INFO(mention);
        CHECK(mention.find("Monday") == std::string::npos);
        CHECK(mention.find("John Smith") == std::string::npos);
    }
}
