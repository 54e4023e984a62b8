// SPDX-License-Identifier: GPL-2.0-or-later
// Query text -> Xapian::Query, with every field prefix registered from the
// schema: free-text fields as prefixes, filter fields as boolean prefixes whose
// values are folded exactly as the indexer folded them.
#pragma once

#include <string_view>

#include <xapian.h>

namespace dateline::searcher {

// Throws Error (usage) for a query that cannot be parsed, with the reason:
// syntax mistakes (query_check.hpp), an impossible date (date:2024-13), or
// what Xapian's parser rejects (a dangling AND).
Xapian::Query parse_query(std::string_view text, const Xapian::Database& db);

}  // namespace dateline::searcher
