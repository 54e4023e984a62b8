// SPDX-License-Identifier: GPL-2.0-or-later
// A page's publication date, from every clue one walk over the page gathers,
// best first: JSON-LD (NewsArticle and its kin, or their fields inside
// mainEntityOfPage), then Open Graph, article:* and other publication-date
// meta tags, then a JSON-LD WebPage's datePublished. A UTC timestamp among
// them is moved to the publisher's day when another timestamp on the page
// carries a non-zero offset (the site's time zone). Then a date in the URL
// (the page's own, or url_hint); it also wins over a date one day off it,
// unless that is a local timestamp or a UTC one no inhabited time zone would
// move to the URL's day. Then <time pubdate>, then an element whose class or
// id names a date ("post-date", "byline"; not in comments), then a date the
// page's text labels as published ("Erschienen am"), then the first <time
// datetime>, then a date in a script's data. Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

#include "shared/dates.hpp"

namespace dateline::indexer {

struct DateClues {
    std::string ld_article, ld_page;  // JSON-LD's dates, as written (LinkedData)
    const std::map<std::string, std::string>* tags = nullptr;  // meta tags: lower-case name -> content
    std::string published_time;  // the first <time pubdate> (or itemprop "published...") datetime
    std::string first_time;      // the first <time datetime>
    std::vector<const GumboNode*> marked;   // elements whose class or id names a date
    std::vector<const GumboNode*> scripts;  // scripts other than JSON-LD
    const GumboNode* document = nullptr;    // for the text of its <body>
    std::optional<int> offset;   // the publisher's offset from UTC, if a timestamp gives it
    bool day_first = false;      // the page writes 02/10/2020 for 2 October (PageMetadata)
};

// Whether an element's class or id says it holds the date: "post-date",
// "entry-meta", "byline", "datum", "published".
bool names_a_date(const GumboNode* node);

struct PageDate {
    std::optional<Date> date;
    // The first date anywhere in the page's text, when the page's clues gave
    // no date before its text was read (PageMetadata::text_date).
    std::optional<Date> text_date;
};

// url is the page's own address (canonical, og:url or the hint), url_hint
// the one it was found under.
PageDate choose_page_date(const DateClues& clues, std::string_view url, std::string_view url_hint);

}  // namespace dateline::indexer
