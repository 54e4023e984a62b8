// SPDX-License-Identifier: GPL-2.0-or-later
// Entity facets (person, org, place) from the counts of their slot values
// (schema::entity_facet_value): one entry per entity key, the counts of all
// its spellings summed; a one-word person folded into the full name it is
// the surname of when one such name clearly leads (more articles than any
// other of that surname), never counting an article twice; each entry shown
// by its most frequent full form among the matches.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "searcher/search_types.hpp"
#include "shared/entity_key.hpp"
#include "shared/facet_columns.hpp"

namespace dateline::searcher {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Slot value -> number of matching articles holding it; looked up by
// string_view without building a string.
using ValueCounts = std::unordered_map<std::string, unsigned, StringHash, std::equal_to<>>;

// Distinct slot values with their counts, as views into whoever holds them.
using ValueList = std::vector<std::pair<std::string_view, unsigned>>;

// The top limit entries (0: all), by count, ties by name.
std::vector<FacetValue> fold_entity_facet(const ValueList& counts, EntityType type, std::size_t limit = 0);
std::vector<FacetValue> fold_entity_facet(const ValueCounts& counts, EntityType type, std::size_t limit = 0);

// The same from an entity field's facet column and the count of each of its
// value ordinals: the same entries, folded in numbers (the column holds each
// value taken apart), the strings read only for the entries kept.
std::vector<FacetValue> fold_entity_facet(const FacetColumns::Field& column, std::span<const unsigned> counts,
                                          EntityType type, std::size_t limit = 0);

}  // namespace dateline::searcher
