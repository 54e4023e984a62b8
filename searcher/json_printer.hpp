// SPDX-License-Identifier: GPL-2.0-or-later
// SearchResult as one JSON object, the versioned shape documented in
// docs/output-format.md. Unknown values are null, lists are never null.
#pragma once

#include <ostream>

#include "searcher/search_types.hpp"

namespace dateline::searcher {

inline constexpr int json_version = 1;

void print_json(std::ostream& out, const SearchResult& result);

}  // namespace dateline::searcher
