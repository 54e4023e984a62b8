// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/search_request.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "shared/analysis.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {
namespace {

// The facets whose size can be chosen: every facet field but the date, which
// shows the whole span.
bool is_sized_facet(const schema::Field& field) {
    return field.has(schema::facet) && !field.has(schema::date_filter);
}

std::string sized_facet_names() {
    std::vector<std::string_view> names;
    for (const schema::Field& field : schema::all_fields)
        if (is_sized_facet(field)) names.push_back(field.name);
    std::string last(names.back());
    names.pop_back();
    return fmt::format("{} or {}", fmt::join(names, ", "), last);
}

}  // namespace

SortOrder parse_sort_order(const std::string& typed) {
    if (typed == "relevance") return SortOrder::relevance;
    if (typed == "date") return SortOrder::oldest_first;
    if (typed == "-date") return SortOrder::newest_first;
    throw Error(ErrorKind::usage, fmt::format("unknown sort order \"{}\"", typed),
                "sort by relevance, date (oldest first) or -date (newest first)");
}

std::map<std::string, unsigned> parse_facet_sizes(const std::vector<std::string>& typed) {
    std::map<std::string, unsigned> sizes;
    for (const std::string& one : typed) {
        std::size_t colon = one.find(':');
        std::string name = one.substr(0, colon);
        bool known = std::any_of(schema::all_fields.begin(), schema::all_fields.end(),
                                 [&](const schema::Field& field) { return is_sized_facet(field) && field.name == name; });
        bool number = colon != std::string::npos && colon + 1 < one.size() &&
                      one.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
                      one.size() - colon - 1 <= 6;
        if (!known || !number)
            throw Error(ErrorKind::usage, fmt::format("invalid --facet {}", one),
                        fmt::format("write NAME:N with NAME {} (--facet person:20; 0 for all)", sized_facet_names()));
        sizes[name] = static_cast<unsigned>(std::stoul(one.substr(colon + 1)));
    }
    return sizes;
}

void set_facet_mode(SearchRequest& request, const std::string& mode) {
    if (mode != "exact" && mode != "estimate" && mode != "off")
        throw Error(ErrorKind::usage, fmt::format("unknown facet mode \"{}\"", mode),
                    "count facets exact (every match), estimate (a sample, scaled up) or off");
    request.facets = mode != "off";
    request.estimate_facets = mode == "estimate";
}

void check_request(const SearchRequest& request) {
    if (!request.all_articles && request.query.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error(ErrorKind::usage, "no query given", "dateline-search --db DB WORDS...");
    if (request.limit > max_limit)
        throw Error(ErrorKind::usage, fmt::format("limit {} is too large (at most {})", request.limit, max_limit),
                    "take the hits a page at a time with offset, or narrow the query");
    if (request.offset > max_offset)
        throw Error(ErrorKind::usage, fmt::format("offset {} is too large (at most {})", request.offset, max_offset),
                    "narrow the query (a date range, a field) rather than paging that deep");
    if (request.recent && request.sort != SortOrder::relevance)
        throw Error(ErrorKind::usage, "--recent blends relevance with age: it cannot be combined with --sort date",
                    "use --sort date or -date for a strict date order, --recent for recent-and-relevant first");
    if (!request.weighting.empty()) analysis::make_weighting(request.weighting);  // throws if unknown
    if (!(request.common_share > 0))
        throw Error(ErrorKind::usage, fmt::format("common-word share {} must be above 0", request.common_share),
                    "a fraction of the articles, such as 0.25; 1 to weigh every word");
}

}  // namespace dateline::searcher
