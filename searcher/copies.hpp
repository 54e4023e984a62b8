// SPDX-License-Identifier: GPL-2.0-or-later
// Hits' syndicated copies (their groups, schema::cluster): how many other
// articles of the databases are copies of each, which outlets ran them, and
// which copy came first (provenance), read from the cluster slot and the
// copies' date and outlet slots.
#pragma once

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
// have a value); a remote one is asked a query per group.
std::vector<Copies> copies_of(const Xapian::Database& db, bool remote,
                              const std::vector<std::pair<std::string, Xapian::docid>>& hits);

inline constexpr unsigned max_copies_read = 1'000;

}  // namespace dateline::searcher
