// SPDX-License-Identifier: GPL-2.0-or-later
// A saved HTML page to a clean Article: parsed with gumbo (a real HTML5
// parser); metadata from JSON-LD NewsArticle, Open Graph and article:*
// meta tags, <meta name=author>, <time datetime> and the canonical link; the
// story's text from the page's paragraphs, with navigation, asides,
// footers, forms and scripts left out, and the elements whose class or id
// names them as comments, related links, sidebars or captions (unless that
// leaves almost nothing: then the page is read again without them), judged
// by the same prose classifier as scraped text and kept to the part of the
// page that holds most of the story; in that part, a sentence without links
// is kept even when the classifier would not keep it (a short quote between
// teasers, prose with few English words). Pure: bytes in, value out.
#pragma once

#include <string_view>

#include "indexer/extract/scraped_text.hpp"

namespace dateline::indexer {

// url_hint: where the page was fetched from, when a manifest says so (a date
// in it is a hint, and it is the article's URL if the page names none).
CleanedArticle read_html_page(std::string_view html, std::string_view url_hint, const ScrapeRules& rules);

// True when bytes look like an HTML document (a doctype or <html> near the start).
bool looks_like_html(std::string_view bytes);

}  // namespace dateline::indexer
