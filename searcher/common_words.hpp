// SPDX-License-Identifier: GPL-2.0-or-later
// Common words match but do not weigh: a ranking rewrite of a parsed query.
#pragma once

#include <xapian.h>

#include "shared/analysis.hpp"

namespace dateline::searcher {

// The query with every free-text word found in more than share (by default
// analysis::common_word_share) of db's articles scaled to weight 0, as long
// as one of its words is rarer; otherwise the query unchanged. What matches
// is never changed, only the order. A share of 1 or more changes nothing.
Xapian::Query weigh_common_words_zero(const Xapian::Query& query, const Xapian::Database& db,
                                      double share = analysis::common_word_share);

}  // namespace dateline::searcher
