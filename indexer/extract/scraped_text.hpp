// SPDX-License-Identifier: GPL-2.0-or-later
// A scraped article as plain text (one per file, as a careless copy of a
// web page leaves it, or hard-wrapped wire copy, whose paragraphs are
// rejoined first) to a clean Article: furniture lines out, title, outlet,
// date, byline and dateline read from the lines around the story. A text
// with no prose at all (a table of figures) keeps its lines as the body.
// Pure: text in, value out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/scrape_rules.hpp"
#include "shared/article.hpp"

namespace dateline::indexer {

struct CleanedArticle {
    Article article;                   // source, url and entities left to the caller
    std::vector<std::string> credits;  // wire services the dateline credits
    std::vector<std::string> removed;  // every line left out of title and body, in order
    std::vector<std::string> warnings; // what was wrong with the input, read anyway
};

// text must be valid UTF-8 (see text_encoding.hpp). A byte-order mark,
// carriage returns and non-breaking spaces are normalised away. Blank text
// gives an empty title and body.
CleanedArticle clean_scraped_text(std::string_view text, const ScrapeRules& rules);

}  // namespace dateline::indexer
