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

// The date, best first: JSON-LD (NewsArticle and its kin, or their fields
// inside mainEntityOfPage), then Open Graph, article:* and other
// publication-date meta tags, then a JSON-LD WebPage's datePublished. A UTC
// timestamp among them is moved to the publisher's day when another
// timestamp on the page carries a non-zero offset (the site's time zone).
// Then a date in the URL (the page's own, or url_hint); it also wins over a
// date one day off it, unless that is a local timestamp or a UTC one no
// inhabited time zone would move to the URL's day. Then <time pubdate>,
// then an element whose class or id names a date ("post-date", "byline";
// not in comments), then a date the page's text labels as published
// ("Erschienen am"), then the first <time datetime>, then a date in a
// script's data ("published_at": single-page apps). Other fields: JSON-LD,
// then Open Graph, then <meta name=...>.
PageMetadata read_page_metadata(const GumboNode* root, std::string_view url_hint, const OutletNames& outlets);

// "/2019/11/19/", "/2019-11-19", "/20191119/", "-20191119" ending a slug:
// a publication date written into a URL (years 1990 to 2099).
std::optional<Date> date_in_url(std::string_view url);

// The text of a node and its descendants, white space runs as one space.
std::string node_text(const GumboNode* node);

}  // namespace dateline::indexer
