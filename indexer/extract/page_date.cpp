// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/page_date.hpp"

#include "indexer/extract/date_text.hpp"
#include "indexer/extract/html_tree.hpp"
#include "indexer/extract/script_date.hpp"
#include "indexer/extract/url_date.hpp"

namespace dateline::indexer {
namespace {

constexpr std::size_t max_marked_text = 150;  // longer: a container, not the date line

// The date the first such element gives, if short enough to be a date line
// and not in a comment thread (a reader's date): its title attribute
// (<abbr class="published" title="2019-06-27T10:21:40Z">jeudi 27 juin</abbr>),
// else a date in its text not labelled as a change.
std::optional<Date> marked_date(const std::vector<const GumboNode*>& marked, bool day_first) {
    static constexpr std::string_view comments[] = {"comment", "kommentar", "reply"};
    for (const GumboNode* node : marked) {
        bool in_comments = false;
        for (const GumboNode* a = node; a && a->type == GUMBO_NODE_ELEMENT && !in_comments; a = a->parent)
            in_comments = class_or_id_has(a, comments);
        if (in_comments) continue;
        if (const char* title = attribute(node, "title"))
            if (auto date = parse_date_text(title, day_first)) return date;
        std::string text;
        append_text(node, text, max_marked_text);
        if (text.size() <= max_marked_text)
            if (auto date = find_labelled_date(text, DateLabel::none, day_first)) return date;
    }
    return std::nullopt;
}

// The date in the URL is the publisher's own calendar day. It wins over a
// date one day off it (url_minus_date), unless that date is a timestamp in
// the publisher's time zone, or one in UTC whose hour no inhabited time zone
// (UTC-10 to UTC+14) moves to the URL's day.
bool url_day_may_win(const std::optional<Timestamp>& stamp, std::chrono::days url_minus_date) {
    if (std::chrono::abs(url_minus_date) != std::chrono::days{1}) return false;
    if (!stamp || !stamp->offset) return true;  // a date, or a time of no stated zone
    if (*stamp->offset != 0) return false;
    return url_minus_date.count() < 0 ? stamp->minute < 10 * 60 : stamp->minute >= 10 * 60;
}

// The date the page's metadata gives (JSON-LD, meta tags), and the text it
// was read from. Not day first: software writes these, and in the US style
// ("11/01/2023 12:43:42").
std::optional<Date> metadata_date(const DateClues& clues, std::string& date_text) {
    std::optional<Date> date;
    auto take = [&](std::string_view text) {
        if (date || text.empty()) return;
        date = parse_date_text(text);
        if (date) date_text = text;
    };
    take(clues.ld_article);
    for (const char* key : {"article:published_time", "og:article:published_time", "datepublished", "date",
                            "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued", "dc.date", "dc:date",
                            "dcterms.created", "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
                            "article.published", "originalpublicationdate", "og:published_time",
                            "shareaholic:article_published_time", "citation_publication_date", "bepress_citation_date"})
        if (auto it = clues.tags->find(key); it != clues.tags->end()) take(it->second);
    take(clues.ld_page);
    return date;
}

// The metadata's date weighed against the URL's.
std::optional<Date> with_url_date(std::optional<Date> date, const std::string& date_text, const DateClues& clues,
                                  std::string_view url, std::string_view url_hint) {
    std::optional<Timestamp> stamp = date ? parse_timestamp(date_text) : std::nullopt;
    // A timestamp in UTC is moved to the publisher's day when the page's other
    // timestamps say which time zone that is.
    if (stamp && stamp->offset == 0 && clues.offset) {
        date = date_at_offset(*stamp, *clues.offset);
        stamp->offset = clues.offset;
    }
    std::optional<Date> url_date = date_in_url(url);
    if (!url_date && !url_hint.empty()) url_date = date_in_url(url_hint);
    if (date && url_date && url_day_may_win(stamp, std::chrono::sys_days(*url_date) - std::chrono::sys_days(*date)))
        date = url_date;
    return date ? date : url_date;
}

}  // namespace

bool names_a_date(const GumboNode* node) {
    static constexpr std::string_view marks[] = {"date", "datum", "time", "publish", "posted", "byline", "meta", "submitted"};
    return class_or_id_has(node, marks);
}

PageDate choose_page_date(const DateClues& clues, std::string_view url, std::string_view url_hint) {
    PageDate page;
    std::string date_text;
    page.date = with_url_date(metadata_date(clues, date_text), date_text, clues, url, url_hint);
    // Then where the page prints its date, most telling first.
    if (!page.date && !clues.published_time.empty()) page.date = parse_date_text(clues.published_time, clues.day_first);
    if (!page.date) page.date = marked_date(clues.marked, clues.day_first);
    if (const GumboNode* body = body_of(clues.document); body && !page.date) {
        std::string text = node_text(body);
        page.date = find_labelled_date(text, DateLabel::published, clues.day_first);
        if (auto dates = find_dates(text, clues.day_first); !dates.empty()) page.text_date = dates.front().date;
    }
    if (!page.date && !clues.first_time.empty()) page.date = parse_date_text(clues.first_time, clues.day_first);
    if (!page.date) page.date = script_data_date(clues.scripts);
    return page;
}

}  // namespace dateline::indexer
