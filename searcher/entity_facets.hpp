// SPDX-License-Identifier: GPL-2.0-or-later
// Entity facets (person, org, place) from the counts of their slot values
// (schema::entity_facet_value): one entry per entity key, the counts of all
// its spellings summed; a one-word person folded into the full name it is
// the surname of when one such name clearly leads (more articles than any
// other of that surname), never counting an article twice; each entry shown
// by its most frequent full form among the matches.
#pragma once

#include <map>
#include <string>

#include "searcher/search_types.hpp"
#include "shared/entity_key.hpp"

namespace dateline::searcher {

// counts: slot value -> number of matching articles holding it.
std::vector<FacetValue> fold_entity_facet(const std::map<std::string, unsigned>& counts, EntityType type);

}  // namespace dateline::searcher
