// SPDX-License-Identifier: GPL-2.0-or-later
// --csv: one row per hit (rank, score, date, outlet, byline, title, url,
// source, snippet) under a header row, quoted as RFC 4180 asks.
#pragma once

#include <ostream>

#include "searcher/search_types.hpp"

namespace dateline::searcher {

void print_csv(std::ostream& out, const SearchResult& result);

}  // namespace dateline::searcher
