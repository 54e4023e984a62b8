// SPDX-License-Identifier: GPL-2.0-or-later
// The documents a query matches, read straight from the posting lists, for
// counting them and their facets: Xapian's matcher, even weighing nothing,
// costs about twice as much a match (it makes a Document for each spy call)
// as walking the lists. Only queries of terms joined by AND, OR, NOT and
// filters are walked; phrases, NEAR, wildcards and value ranges need
// Xapian's matcher, and get nothing here.
#pragma once

#include <optional>
#include <vector>

#include <xapian.h>

namespace dateline::searcher {

// The ids from first to last (of db, which must be one database, not
// several) of the documents query matches, in order; nothing if the query
// has a part that is not walked.
std::optional<std::vector<Xapian::docid>> walk_matches(const Xapian::Database& db, const Xapian::Query& query,
                                                      Xapian::docid first, Xapian::docid last);

}  // namespace dateline::searcher
