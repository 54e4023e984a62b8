// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "searcher/entity_facets.hpp"
#include "shared/schema.hpp"

using namespace dateline;
using searcher::FacetValue;

namespace {

std::vector<std::pair<std::string, unsigned>> folded(const searcher::ValueCounts& counts) {
    std::vector<std::pair<std::string, unsigned>> out;
    for (const FacetValue& value : searcher::fold_entity_facet(counts, EntityType::person))
        out.emplace_back(value.value, value.count);
    return out;
}

}  // namespace

TEST_CASE("spellings of one key are one entry, shown by their most frequent full form", "[facets]") {
    CHECK(folded({{"qasim sulimani\tQassem Suleimani", 2}, {"qasim sulimani\tQasem Soleimani", 1}}) ==
          std::vector<std::pair<std::string, unsigned>>{{"Qassem Suleimani", 3}});
}

TEST_CASE("a surname folds into the full name that leads, never counting an article twice", "[facets]") {
    // Two articles say only "Trump"; one says "Trump" before naming "Melania
    // Trump"; two name "Donald Trump"; one names both in full and "Trump".
    CHECK(folded({{"trump\tTrump", 2},
                  {"trump\x1fmilani trump\tTrump", 1},
                  {"milani trump\tMelania Trump", 1},
                  {"dunald trump\tDonald Trump", 3},
                  {"trump\x1f" "dunald trump\tTrump", 1}}) ==
          std::vector<std::pair<std::string, unsigned>>{{"Donald Trump", 6}, {"Melania Trump", 1}});
}

TEST_CASE("a surname shared by two full names as frequent as each other stays apart", "[facets]") {
    CHECK(folded({{"bush\tBush", 2}, {"jurj w bush\tGeorge W. Bush", 1}, {"jurj h w bush\tGeorge H. W. Bush", 1}}) ==
          std::vector<std::pair<std::string, unsigned>>{{"Bush", 2}, {"George H. W. Bush", 1}, {"George W. Bush", 1}});
}

TEST_CASE("a value without its key is counted under the key its name folds to", "[facets]") {
    // The indexer leaves the key out when it is the name's own variant key.
    Entity soleimani{EntityType::person, "Qasem Soleimani", variant_key("Qasem Soleimani", EntityType::person), 1, {}};
    std::string stored = schema::entity_facet_value(soleimani);
    CHECK(stored == "\tQasem Soleimani");
    CHECK(schema::parse_entity_facet_value(stored, EntityType::person).key == "qasim sulimani");
    CHECK(folded({{stored, 1}, {"qasim sulimani\tQassem Suleimani", 2}}) ==
          std::vector<std::pair<std::string, unsigned>>{{"Qassem Suleimani", 3}});
    // A key its name does not fold to (an alias's) is kept.
    Entity aliased{EntityType::person, "Soleimani", "qasim sulimani", 1, {}};
    CHECK(schema::entity_facet_value(aliased, {"x"}) == "qasim sulimani\x1fx\tSoleimani");
}
