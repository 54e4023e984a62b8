// SPDX-License-Identifier: GPL-2.0-or-later
// A SearchRequest as typed, checked in one place for every front end (the
// command line, batch lines, the shell): sort names, facet names (from the
// schema), and the combinations that make no sense.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "searcher/search_types.hpp"

namespace dateline::searcher {

// "relevance", "date" (oldest first), "-date" (newest first); throws Error
// (usage) for anything else.
SortOrder parse_sort_order(const std::string& typed);

// "person:20" -> {"person": 20}, for every facet field of the schema but the
// date; throws Error (usage) naming the bad one.
std::map<std::string, unsigned> parse_facet_sizes(const std::vector<std::string>& typed);

// "exact", "estimate" or "off" onto request.facets and estimate_facets;
// throws Error (usage) for anything else.
void set_facet_mode(SearchRequest& request, const std::string& mode);

// The most hits one request may ask for, and the deepest page: beyond them a
// request costs memory in proportion (every part ranks offset + limit
// entries) and no reader pages that far; --csv with the largest limit, or
// narrower queries, are the way to take more.
inline constexpr unsigned max_limit = 10'000;
inline constexpr unsigned max_offset = 100'000;

// Throws Error (usage) for a request that cannot be answered as asked: no
// query, --recent with a date order, a limit or offset above its maximum, an
// unknown weighting scheme, a common-word share of 0 or less.
void check_request(const SearchRequest& request);

}  // namespace dateline::searcher
