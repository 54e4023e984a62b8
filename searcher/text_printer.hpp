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
// One hit as print_text prints it: a blank line, its rank and title, its
// metadata, snippet and id.
void print_hit_text(std::ostream& out, const Hit& hit, const TextStyle& style);

// One article whole (show ID): headline, the same metadata line as a hit,
// URL or source file, a blank line, the clean text.
void print_article_text(std::ostream& out, const Article& article);

}  // namespace dateline::searcher
