// SPDX-License-Identifier: GPL-2.0-or-later
// Text sketches on the sample's own articles: a syndicated copy (cut short,
// another site's furniture, a word changed) is near its original; the same
// event told by another outlet's reporter is not.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "indexer/clusters/text_sketch.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

std::string body_of(const char* article) {
    std::ifstream in(test::sample_dir() / "articles" / article);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("a syndicated copy's sketch is near its original's; another reporter's story of the same event is not",
          "[clusters]") {
    const std::string wire = body_of("meridian-wire/2024-01-05-harbourton-port-strike-vote.txt");
    REQUIRE(wire.size() > 300);
    // The copy another site runs: the last paragraph cut, its furniture, a word changed.
    std::string copy = "By Staff Reporter | The Valley Ledger | 3 min read\n\n" + wire.substr(0, wire.rfind("\n\n"));
    copy.replace(copy.find("dispute"), 7, "row");
    copy += "\n\nShare this article: Facebook Twitter Email\n";
    auto original = indexer::sketch_text(wire), syndicated = indexer::sketch_text(copy);
    CHECK(indexer::estimated_containment(original, syndicated) >= 0.6);
    CHECK(indexer::estimated_jaccard(original, original) == 1.0);

    const std::string courier = body_of("harbour-courier/2024-01-04-dockers-vote-to-strike.txt");
    auto other = indexer::sketch_text(courier);
    CHECK(indexer::estimated_containment(original, other) < 0.2);
    CHECK(indexer::estimated_jaccard(original, other) < 0.1);

    // Texts that share a band are the ones compared: the copy does.
    auto keys = indexer::band_keys(original), copy_keys = indexer::band_keys(syndicated);
    bool shared = false;
    for (std::size_t band = 0; band < keys.size(); ++band) shared = shared || keys[band] == copy_keys[band];
    CHECK(shared);
}

TEST_CASE("a text without words has an empty sketch, near nothing", "[clusters]") {
    auto empty = indexer::sketch_text(" \n-- ,, \n");
    CHECK(empty.shingles == 0);
    CHECK(indexer::estimated_jaccard(empty, empty) == 0);
    auto short_text = indexer::sketch_text("Ferry cancelled");  // fewer than five words: one shingle
    CHECK(short_text.shingles == 1);
    CHECK(indexer::estimated_jaccard(short_text, indexer::sketch_text("FERRY  cancelled!")) == 1.0);
}
