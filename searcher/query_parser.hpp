// SPDX-License-Identifier: GPL-2.0-or-later
// Query text -> Xapian::Query, with every field prefix registered from the
// schema: free-text fields as prefixes, filter fields as boolean prefixes whose
// values are folded exactly as the indexer folded them.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include <xapian.h>

#include "searcher/entity_query.hpp"
#include "shared/date_range.hpp"

namespace dateline::searcher {

struct QueryOptions {
    std::string since;      // --since, as typed ("2020-01", "7d"); "" for none
    std::string until;      // --until, as typed
    bool match_any = false; // words are ORed (ranked by how many match and how well)
    bool empty_matches_all = false;  // an empty query matches every article, not none
    Date today = local_today();  // what "today", "yesterday" and "7d" count from
    // The database's entity aliases, kept by a caller that parses many
    // queries (Searcher); parse_query reads them itself when null.
    DatabaseAliases* aliases = nullptr;
};

// Throws Error (usage) for a query that cannot be parsed, with the reason:
// syntax mistakes (query_check.hpp), an impossible date (date:2024-13), or
// what Xapian's parser rejects (a dangling AND).
// name_keys, when given, receives the variant keys of the query's words that
// name entities (searcher/entity_query.hpp), to tell which spelling matched.
Xapian::Query parse_query(std::string_view text, const Xapian::Database& db,
                          const QueryOptions& options = {},
                          std::map<std::string, std::set<std::string>>* name_keys = nullptr);

// The articles dated within a range as typed (date:'s forms: "2020-01..2020-02",
// "7d..", "today"): an OR of the fewest year, month and day terms. An open end
// stops at the oldest or newest article in db, and no term is made for a year
// outside the years db holds. nullopt if it is not a range.
std::optional<Xapian::Query> date_range_query(std::string_view typed, const Xapian::Database& db,
                                              Date today);

}  // namespace dateline::searcher
