// SPDX-License-Identifier: GPL-2.0-or-later
// Part of a database to match on its own: the documents of one of the
// databases searched together (told by its UUID), all of them or a range of
// its document ids. A query restricted to a part and matched against the
// whole database keeps the whole database's statistics, so every match
// weighs exactly what it weighs in one search of everything: parts can be
// matched side by side, on several cores, and their results merged.
#pragma once

#include <string>

#include <xapian.h>

namespace dateline::searcher {

struct DatabasePart {
    std::string uuid;              // of the database (a shard) the part is in
    std::size_t shard = 0;         // its place among the databases searched
    Xapian::docid first = 1;       // its documents' ids, in that database
    Xapian::docid last = Xapian::docid(-1);
    // A sample: only the first of every `stride` blocks of sample_block
    // document ids (1: every document).
    Xapian::docid stride = 1;
};

inline constexpr Xapian::docid sample_block = 256;

// query, matching only the part's documents; the part adds no weight.
Xapian::Query restrict_to(const Xapian::Query& query, const DatabasePart& part);

}  // namespace dateline::searcher
