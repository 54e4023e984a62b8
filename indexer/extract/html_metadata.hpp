// SPDX-License-Identifier: GPL-2.0-or-later
// What a page says about itself: JSON-LD, meta tags, <time>, <link rel=canonical>. Pure.
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
    // The first date anywhere in the page's text (menus, headers and all):
    // the last resort when neither the metadata nor the story dates it. Only
    // looked for when the metadata gave no date.
    std::optional<Date> text_date;
    // Numeric dates the page's text and <time> elements write are day first
    // ("02/10/2020" is 2 October): its <html lang> is not US English (see
    // find_dates). Meta tags are read month first all the same: software
    // writes them, in the US style.
    bool day_first = false;
};

// The page's metadata: title, outlet, URL and byline from JSON-LD, then Open
// Graph, then <meta name=...> (then <title>, rel=author links, url_hint);
// its date as page_date.hpp tells.
PageMetadata read_page_metadata(const GumboNode* root, std::string_view url_hint, const OutletNames& outlets);

}  // namespace dateline::indexer
