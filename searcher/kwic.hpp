// SPDX-License-Identifier: GPL-2.0-or-later
// KWIC concordances (dateline-search --kwic): every place in every matching
// article where the query's words or phrases occur, as written, with the
// text on either side. Matches are read in pages in index order (no ranking:
// every match is wanted), an article at a time, so memory stays that of one
// page however many occurrences there are.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "searcher/search_types.hpp"

namespace dateline::searcher {

struct Occurrence {
    std::string id;            // the article's, as printed with each hit
    const Article* article;    // its date, outlet and title
    std::string_view field;    // "title" or "text"
    std::string left;          // up to context characters before the match, white space made single spaces
    std::string match;         // the words as written
    std::string right;         // up to context characters after it
};

struct Concordance {
    unsigned articles = 0;              // matching articles
    std::uint64_t occurrences = 0;
    Manifest manifest;
};

// Calls each for every occurrence, article by article in index order, in
// the order of the text (title first). request's query, dates and --any
// choose the articles; its page, sort and facets are not used. Throws Error
// as search does.
Concordance make_concordance(const SearchRequest& request, unsigned context,
                             const std::function<void(const Occurrence&)>& each);

}  // namespace dateline::searcher
