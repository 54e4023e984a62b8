// SPDX-License-Identifier: GPL-2.0-or-later
// The searcher's one entry point: a request in, ranked hits with snippets and
// exact facet counts out.
#pragma once

#include "searcher/search_types.hpp"

namespace dateline::searcher {

// Throws Error: usage (empty or unparsable query), database (missing, damaged
// or mismatched database).
SearchResult search(const SearchRequest& request);

}  // namespace dateline::searcher
