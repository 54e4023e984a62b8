// SPDX-License-Identifier: GPL-2.0-or-later
// SearchResult as text for people: numbered hits with their metadata and
// snippet, then the facet counts.
#pragma once

#include <ostream>

#include "searcher/search_types.hpp"

namespace dateline::searcher {

struct TextStyle {
    // On a terminal matched words are bold; otherwise they are marked **so**.
    bool terminal = false;
};

void print_text(std::ostream& out, const SearchResult& result, const TextStyle& style);

}  // namespace dateline::searcher
