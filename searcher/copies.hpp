// SPDX-License-Identifier: GPL-2.0-or-later
// A hit's syndicated copies (its group, schema::cluster): how many other
// articles of the databases are copies of it, which outlets ran them, and
// which copy came first (provenance), read from the group's term and the
// copies' value slots.
#pragma once

#include <string>

#include <xapian.h>

#include "searcher/search_types.hpp"

namespace dateline::searcher {

// The copies of the article self (a document id of db) in group cluster.
// The earliest is the copy with the earliest date (undated ones last, ties:
// the first indexed); the outlets of the others in the order of their
// dates. A group is read whole up to max_copies_read copies; beyond, others
// still counts them all.
Copies copies_of(const Xapian::Database& db, const std::string& cluster, Xapian::docid self);

inline constexpr unsigned max_copies_read = 1'000;

}  // namespace dateline::searcher
