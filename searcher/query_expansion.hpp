// SPDX-License-Identifier: GPL-2.0-or-later
// Pseudo-relevance feedback (--expand), a ranking rewrite of a parsed query:
// the words that best tell the first hits from the rest of the archive are
// added to it at a fraction of their weight. What matches is never changed,
// only the order.
#pragma once

#include <string>

#include <xapian.h>

namespace dateline::searcher {

struct Expansion {
    unsigned terms = 0;       // words added; 0: no expansion
    unsigned documents = 10;  // the first hits they are drawn from
    double weight = 0.5;      // the best added word's weight, as a share of what it would weigh typed
};

// "TERMS[:DOCS[:WEIGHT]]" ("20", "20:10:0.5"); throws Error (usage) naming
// what is wrong.
Expansion parse_expansion(const std::string& typed);

// The query, and (OP_AND_MAYBE) the expansion.terms words of Xapian's
// expand set of its first expansion.documents hits on db under weighting:
// stemmed free-text words only, none of the query's own, each scaled by
// expansion.weight times its expand weight over the best one's. The query
// unchanged when it has no hits or expansion.terms is 0.
Xapian::Query expand_query(const Xapian::Query& query, const Xapian::Database& db, const Expansion& expansion,
                           const std::string& weighting);

}  // namespace dateline::searcher
