// SPDX-License-Identifier: GPL-2.0-or-later
// What a page says about itself: JSON-LD, meta tags, <time>, <link rel=canonical>.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <gumbo.h>

#include "indexer/extract/outlet_names.hpp"
#include "shared/dates.hpp"

namespace dateline::indexer {

struct PageMetadata {
    std::string title;
    std::string outlet;
    std::optional<Date> date;
    std::vector<std::string> byline;
    std::string url;
};

// Best first: JSON-LD (NewsArticle and its kin), then Open Graph and
// article:* tags, then <meta name=...>, then <time datetime>, then a date in
// the URL (the page's own, or url_hint).
PageMetadata read_page_metadata(const GumboNode* root, std::string_view url_hint, const OutletNames& outlets);

// "/2019/11/19/", "/2019-11-19": a publication date written into a URL.
std::optional<Date> date_in_url(std::string_view url);

// The text of a node and its descendants, white space runs as one space.
std::string node_text(const GumboNode* node);

}  // namespace dateline::indexer
