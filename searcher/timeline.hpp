// SPDX-License-Identifier: GPL-2.0-or-later
// Attention over time (dateline-search --timeline): for each day, week,
// month or year, how many articles match a query, how many articles there
// are, and the share of the one in the other: the normalised measure media
// researchers use (Media Cloud's "attention"), which a raw count is not when
// an archive holds more articles some years than others. Exact counts from
// the index: the date facet, by day, of the query's matches and of every
// article within the same dates, summed into periods. By outlet, one series
// for each of the outlets the query matches most, each divided by that
// outlet's own articles.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "searcher/search.hpp"
#include "searcher/search_types.hpp"
#include "shared/dates.hpp"

namespace dateline::searcher {

enum class TimeUnit { day, week, month, year };

// "day", "week", "month" or "year"; throws Error (usage) for anything else.
TimeUnit parse_time_unit(std::string_view typed);
std::string_view time_unit_name(TimeUnit unit);

struct Period {
    // 2020-01-03; 2020-W02 (ISO 8601 week, Monday to Sunday); 2020-01; 2020.
    std::string label;
    Date first, last;  // its first and last day
    unsigned matches = 0;
    unsigned articles = 0;  // 0: the archive holds no article of that period (a gap)
};

struct Series {
    std::string outlet;  // "": every outlet
    // Every period from the first that holds an article (of any outlet) to
    // the last, gaps included, so that series line up.
    std::vector<Period> periods;
    unsigned matches = 0, articles = 0;                  // all, dated or not
    unsigned undated_matches = 0, undated_articles = 0;  // in no period
};

struct Timeline {
    std::string query;
    TimeUnit unit = TimeUnit::month;
    bool by_outlet = false;
    // One for every outlet; by outlet, one an outlet (as many as the outlet
    // facet's size in request.facet_sizes), most matches first.
    std::vector<Series> series;
    Manifest manifest;  // of the count of the query's matches
};

// The timeline of request's query (its dates, --any and weighting kept;
// its page, snippets and facet mode not used). Throws Error as
// Searcher::search does.
Timeline make_timeline(Searcher& searcher, const SearchRequest& request, TimeUnit unit, bool by_outlet);

}  // namespace dateline::searcher
