// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/timeline.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "shared/error.hpp"

namespace dateline::searcher {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// The first day of the period date falls in.
Date period_start(const Date& date, TimeUnit unit) {
    switch (unit) {
    case TimeUnit::day: return date;
    case TimeUnit::week: {
        sys_days day(date);
        return Date(day - days(std::chrono::weekday(day).iso_encoding() - 1));
    }
    case TimeUnit::month: return date.year() / date.month() / 1;
    case TimeUnit::year: return date.year() / std::chrono::January / 1;
    }
    return date;
}

// The last day of the period that starts on first.
Date period_end(const Date& first, TimeUnit unit) {
    switch (unit) {
    case TimeUnit::day: return first;
    case TimeUnit::week: return Date(sys_days(first) + days(6));
    case TimeUnit::month: return first.year() / first.month() / std::chrono::last;
    case TimeUnit::year: return first.year() / std::chrono::December / 31;
    }
    return first;
}

// A week is named by ISO 8601: the year its Thursday falls in, and which
// week of that year it is (weeks 1 holds the year's first Thursday).
std::string period_label(const Date& first, TimeUnit unit) {
    switch (unit) {
    case TimeUnit::day: return format_iso_date(first);
    case TimeUnit::week: {
        Date thursday(sys_days(first) + days(3));
        auto into_year = sys_days(thursday) - sys_days(thursday.year() / std::chrono::January / 1);
        return fmt::format("{}-W{:02}", static_cast<int>(thursday.year()), into_year.count() / 7 + 1);
    }
    case TimeUnit::month: return format_iso_month(first);
    case TimeUnit::year: return fmt::format("{}", static_cast<int>(first.year()));
    }
    return {};
}

// What one count gives: the number of articles by the first day of their
// period, and how many were counted in all.
struct Counted {
    std::map<Date, unsigned> by_period;
    unsigned total = 0, dated = 0;
    Manifest manifest;
};

Counted count_by_period(Searcher& searcher, const SearchRequest& request, TimeUnit unit) {
    SearchResult result = searcher.search(request);
    Counted counted;
    counted.total = result.total;
    counted.manifest = std::move(result.manifest);
    for (const Facet& facet : result.facets) {
        if (facet.name != "date") continue;
        for (const FacetValue& value : facet.values)
            if (auto day = parse_iso_date(value.value)) {
                counted.by_period[period_start(*day, unit)] += value.count;
                counted.dated += value.count;
            }
    }
    return counted;
}

// A quoted outlet: name for the query language ("" stands for a quote).
std::string outlet_filter(const std::string& outlet) {
    std::string quoted;
    for (char c : outlet) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return fmt::format("outlet:\"{}\"", quoted);
}

// The series of one outlet (or of all): a period for each from the first
// of span to the last, none if the archive holds no dated article.
Series make_series(std::string outlet, const Counted& matched, const Counted& all,
                   const std::optional<std::pair<Date, Date>>& span, TimeUnit unit) {
    Series series{.outlet = std::move(outlet),
                  .periods = {},
                  .matches = matched.total,
                  .articles = all.total,
                  .undated_matches = matched.total - matched.dated,
                  .undated_articles = all.total - all.dated};
    if (!span) return series;
    for (Date start = span->first; start <= span->second; start = Date(sys_days(period_end(start, unit)) + days(1))) {
        Period period{.label = period_label(start, unit), .first = start, .last = period_end(start, unit)};
        if (auto found = matched.by_period.find(start); found != matched.by_period.end()) period.matches = found->second;
        if (auto found = all.by_period.find(start); found != all.by_period.end()) period.articles = found->second;
        series.periods.push_back(std::move(period));
    }
    return series;
}

}  // namespace

TimeUnit parse_time_unit(std::string_view typed) {
    for (TimeUnit unit : {TimeUnit::day, TimeUnit::week, TimeUnit::month, TimeUnit::year})
        if (typed == time_unit_name(unit)) return unit;
    throw Error(ErrorKind::usage, fmt::format("unknown timeline period \"{}\"", typed),
                "count by day, week, month or year: --timeline week");
}

std::string_view time_unit_name(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::day: return "day";
    case TimeUnit::week: return "week";
    case TimeUnit::month: return "month";
    case TimeUnit::year: return "year";
    }
    return "";
}

Timeline make_timeline(Searcher& searcher, const SearchRequest& request, TimeUnit unit, bool by_outlet) {
    // Counts only: no page, no snippets; every match counted, the dates by
    // day whatever their span.
    SearchRequest counting = request;
    counting.offset = 0;
    counting.limit = 0;
    counting.snippet_length = 0;
    counting.facets = true;
    counting.estimate_facets = false;
    counting.date_facet_by_day = true;
    SearchRequest every = counting;
    every.query.clear();
    every.all_articles = true;

    Timeline timeline{.query = request.query, .unit = unit, .by_outlet = by_outlet, .series = {}, .manifest = {}};
    // The periods every series shows: the archive's, within the dates asked.
    Counted all = count_by_period(searcher, every, unit);
    std::optional<std::pair<Date, Date>> span;
    if (!all.by_period.empty()) span.emplace(all.by_period.begin()->first, all.by_period.rbegin()->first);
    if (!by_outlet) {
        Counted matched = count_by_period(searcher, counting, unit);
        timeline.manifest = matched.manifest;
        timeline.series.push_back(make_series("", matched, all, span, unit));
        return timeline;
    }
    // By outlet: the outlets the query matches most, as the outlet facet
    // ranks them, each a count of its matches and of its own articles.
    SearchResult matched = searcher.search(counting);
    timeline.manifest = matched.manifest;
    for (const Facet& facet : matched.facets) {
        if (facet.name != "outlet") continue;
        for (const FacetValue& value : facet.values) {
            SearchRequest in_outlet = counting, outlet_articles = every;
            in_outlet.query = fmt::format("({}) {}", request.query, outlet_filter(value.value));
            outlet_articles.query = outlet_filter(value.value);
            timeline.series.push_back(make_series(value.value, count_by_period(searcher, in_outlet, unit),
                                                  count_by_period(searcher, outlet_articles, unit), span, unit));
        }
    }
    return timeline;
}

}  // namespace dateline::searcher
