// SPDX-License-Identifier: GPL-2.0-or-later
// Hits' syndicated copies (their groups, schema::cluster): how many other
// articles of the databases are copies of each, which outlets ran them, and
// which copy came first (provenance), read from the cluster slot and the
// copies' date and outlet slots.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "searcher/search_types.hpp"

namespace dateline::searcher {

// For each (group, document id of the hit in db), the hit's copies. The
// earliest is the copy with the earliest date (undated ones last, ties: the
// first indexed); the outlets of the others in the order of their dates. A
// group is read whole up to max_copies_read copies; beyond, others still
// counts them all. Local databases are read in one pass over the slot,
// whatever the number of hits (the slot is sparse: only grouped articles
// have a value); a remote one is asked a query per group. Each copy's
// document is fetched once, and not at all if known holds it (the page's
// hits: over tcp a fetch is a round trip).
std::vector<Copies> copies_of(const Xapian::Database& db, bool remote,
                              const std::vector<std::pair<std::string, Xapian::docid>>& hits,
                              const std::map<Xapian::docid, Xapian::Document>& known);

inline constexpr unsigned max_copies_read = 1'000;

}  // namespace dateline::searcher
