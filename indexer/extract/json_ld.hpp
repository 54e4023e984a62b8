// SPDX-License-Identifier: GPL-2.0-or-later
// What a page's JSON-LD (<script type="application/ld+json">) says of its
// article: schema.org's NewsArticle and its kin, found in lists and @graph,
// their fields also inside mainEntityOfPage. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::indexer {

struct LinkedData {
    std::string title;
    std::vector<std::string> byline;
    std::string outlet;
    std::string url;
    std::string article_date;  // the article's datePublished, else dateCreated, as written
    std::string page_date;     // a datePublished of anything else (a WebPage), as written
};

// Reads one script's text into ld, filling only what ld does not hold yet (a
// page's first script to say wins). Hand-made JSON-LD followed by junk (a
// stray "}") is read up to the junk; anything else broken, or nested deeper
// than 64 levels, is passed over. offset receives the first non-zero UTC
// offset of a date-named string in it (the publisher's time zone), if it has none.
void read_json_ld(std::string_view text, LinkedData& ld, std::optional<int>& offset);

}  // namespace dateline::indexer
