// SPDX-License-Identifier: GPL-2.0-or-later
// --batch: many queries, one database opening. Each input line is a query as
// typed, or a JSON object {"query": ..., "limit", "offset", "facets",
// "snippet_length"}; each gives one JSON object on one output line, in input
// order: the --json result with "line" added, or an error object for that
// line. A blank line too gets an error object, so that a client writing one
// line and reading one answer never waits for an answer that is not coming.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>

#include "searcher/search.hpp"

namespace dateline::searcher {

struct BatchReport {
    std::size_t answered = 0;
    std::size_t failed = 0;  // lines answered with an error object
};

// defaults holds what a line does not say (limit, offset, facets, ...).
BatchReport run_batch(Searcher& searcher, std::istream& in, std::ostream& out, const SearchRequest& defaults);

}  // namespace dateline::searcher
