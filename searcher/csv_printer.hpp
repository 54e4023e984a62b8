// SPDX-License-Identifier: GPL-2.0-or-later
// --csv: one row per hit (rank, score, date, outlet, byline, title, url,
// source, snippet) under a header row, quoted as RFC 4180 asks.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "searcher/search_types.hpp"

namespace dateline::searcher {

void print_csv(std::ostream& out, const SearchResult& result);
// A CSV field: quoted when it holds a comma, quote or line break; quotes doubled.
std::string csv_field(std::string_view value);

}  // namespace dateline::searcher
